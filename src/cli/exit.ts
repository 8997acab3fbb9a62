/**
 * How a command's failure reaches the user: one stderr line and an exit code (0 for a reader
 * that left the pipe). Shared by main() and the review's start without commander (review-start.ts).
 */
import { EngramError, storageErrorMessage } from '../core/index.js';
import { errorLine } from './format.js';

export function isBrokenPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

/** Writes the error's one line to stderr and returns the exit code. */
export function reportFailure(error: unknown, databasePath: string): number {
  if (isBrokenPipe(error)) return 0;
  if (error instanceof EngramError) {
    process.stderr.write(`engram: ${errorLine(error.message)}\n`);
    return error.exitCode;
  }
  // A full disk, a read-only or busy database: one line, not a stack trace.
  const storage = storageErrorMessage(error, databasePath);
  if (storage) {
    process.stderr.write(`engram: ${errorLine(storage)}\n`);
    return 1;
  }
  process.stderr.write(`engram: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

/** `engram cards | head`: the reader left; stop quietly, as `git log | head` does. */
export function onOutputError(error: Error): void {
  if (isBrokenPipe(error)) process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  process.stderr.write(`engram: cannot write the output: ${errorLine(error.message)}\n`);
  process.exit(1);
}
