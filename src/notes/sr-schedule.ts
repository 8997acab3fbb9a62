/**
 * The Obsidian Spaced Repetition plugin writes each card's schedule into the note as a comment,
 * `<!--SR:!2026-12-20,30,250-->` (one `!due,interval,ease` per card of the item), either on the
 * line after the card or at the end of its last line. The comment is never card text; its raw
 * contents are kept on the parsed card so schedules can be carried over later.
 */
const OPEN = '<!--SR:';
const CLOSE = '-->';

/**
 * In the plugin's schedule-data-file mode a card ends with a block id `^sr-data-id-<id>` on its
 * own line instead of a comment; the id (kept as `^sr-data-id-<id>`) names its schedules in
 * that file. It closes the card above as a comment does.
 */
const DATA_ID = /^\^sr-data-id-([A-Za-z0-9_-]{1,64})$/;

/** The schedule held by a comment token that is nothing but an SR comment (or a schedule-data id), or null. */
export function scheduleOfCommentLine(raw: string): string | null {
  const trimmed = raw.trim();
  if (DATA_ID.test(trimmed)) return trimmed;
  if (!trimmed.startsWith(OPEN) || !trimmed.endsWith(CLOSE) || trimmed.length < OPEN.length + CLOSE.length) return null;
  const inner = trimmed.slice(OPEN.length, trimmed.length - CLOSE.length);
  return inner.includes(CLOSE) ? null : inner.trim();
}

/** The last SR comment written inside a text line (`front::back <!--SR:...-->`), or null. */
export function scheduleInLine(line: string): string | null {
  const open = line.lastIndexOf(OPEN);
  if (open === -1) return null;
  const close = line.indexOf(CLOSE, open + OPEN.length);
  return close === -1 ? null : line.slice(open + OPEN.length, close).trim();
}
