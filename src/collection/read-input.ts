/**
 * Reads a file a user handed to Engram (a backup, a package, a note) with a size cap. Only a
 * regular file is read: `/dev/zero` would grow without end and a FIFO would block forever. The
 * cap holds even for a file that grows while it is read.
 */
import fs from 'node:fs';

export type InputRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

const CHUNK = 1024 * 1024;
const scratch = Buffer.allocUnsafe(CHUNK);

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The file's bytes, or a one-line reason (no file name in it) why it was not read. */
export function readInputFile(file: string, maxBytes: number): InputRead {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO returns at once (and is then refused) instead of waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (error as Error).message}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: stat.isDirectory() ? 'is a folder, not a file' : 'not a regular file' };
    if (stat.size > maxBytes) return { ok: false, message: `is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit` };
    // Read through one reused buffer and copy out only what was read: a fresh 1 MB buffer per
    // file made an import of thousands of small notes spend most of its time collecting garbage.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const n = fs.readSync(fd, scratch, 0, want, null);
      if (n === 0) break;
      chunks.push(Buffer.from(scratch.subarray(0, n)));
      total += n;
      if (total > maxBytes) return { ok: false, message: `is over the ${formatBytes(maxBytes)} limit` };
      // Short of what was asked for, with all the bytes the file had: its end, without a second
      // read to see nothing (a file that grew since fstat is read on until a read returns none).
      if (n < want && total === stat.size) break;
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (error) {
    return { ok: false, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}
