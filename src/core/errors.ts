/**
 * The one error type users see. `exitCode` follows the CLI contract: 1 failure, 2 usage error.
 * Messages are one line and name the file and line, or the flag, that caused them.
 */
export class EngramError extends Error {
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.name = 'EngramError';
    this.exitCode = exitCode;
  }
}

/** A usage error: bad flag, unknown command, bad argument value. Exit code 2. */
export class UsageError extends EngramError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Formats a position-carrying problem the way compilers do: `file:line: message`. */
export function formatProblem(problem: { file: string; line: number; message: string }): string {
  // Line 0 means the whole file (missing, unreadable, too big): no line to point at.
  return problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** `code` of a SQLite error (better-sqlite3 sets `SQLITE_FULL`, `SQLITE_IOERR_WRITE`...) or of a Node system error (`ENOSPC`). */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Whether an error comes from the storage under Engram rather than from what it was asked
 * to do: a full disk, a read-only or busy database, an I/O error. Such an error stops a whole
 * command (an import does not go on file after file), and the CLI prints it as one line.
 */
export function isStorageError(error: unknown): boolean {
  return storageProblem(error) !== null;
}

/**
 * The one line users see for a storage error (null for any other error). `database` names the
 * database file, for errors SQLite raises without a path.
 */
export function storageErrorMessage(error: unknown, database: string): string | null {
  const problem = storageProblem(error);
  if (!problem) return null;
  const file = (error as { path?: unknown }).path;
  const where = typeof file === 'string' ? file : database;
  switch (problem) {
    case 'full': return `no space left on the disk (writing ${where}): the write was not saved`;
    case 'io': return `disk I/O error (writing ${where}; is the disk full or failing?): the write was not saved`;
    case 'readonly': return `${where} is read-only: read commands work, but this command needs to write`;
    case 'denied': return `permission denied: ${where}`;
    case 'busy': return `database ${database} is busy: another engram process is writing to it; try again`;
    case 'damaged': return `database ${database} is damaged or not a database`;
  }
}

type StorageProblem = 'full' | 'io' | 'readonly' | 'denied' | 'busy' | 'damaged';

function storageProblem(error: unknown): StorageProblem | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'full';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'denied';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  return null;
}
