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
