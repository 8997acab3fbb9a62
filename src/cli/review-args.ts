/**
 * `engram`, `engram review` and either with `--db PATH` before the command: the review session
 * with nothing else to parse. engram.ts starts it without commander and the other commands'
 * modules (review-start.ts); every other command line goes through main().
 */
export interface PlainReview {
  db?: string;
}

/** The database flag of a plain review command line, or null when main() must parse it. */
export function plainReviewArgs(argv: readonly string[]): PlainReview | null {
  let rest = argv;
  let db: string | undefined;
  // Only a value commander would also take as the path: not empty, not another option.
  const isPath = (value: string | undefined): value is string => value !== undefined && value !== '' && !value.startsWith('-');
  if (rest[0] === '--db' && isPath(rest[1])) {
    db = rest[1];
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('--db=') && isPath(rest[0].slice('--db='.length))) {
    db = rest[0].slice('--db='.length);
    rest = rest.slice(1);
  }
  if (rest.length === 1 && rest[0] === 'review') rest = [];
  if (rest.length > 0) return null;
  return db === undefined ? {} : { db };
}
