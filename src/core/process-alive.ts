/**
 * Whether a process id names a live process (ours counts), for files named after the process
 * that wrote them: backups being written, temp copies of Anki collections. EPERM means it lives
 * but belongs to someone else.
 */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
