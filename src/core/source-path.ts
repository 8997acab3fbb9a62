/**
 * A card's source path is handed to the user's editor (`o` in the review). Editors read an
 * argument starting with `+` or `-` as a command or an option (`vi '+:!cmd'`), so a stored source
 * path must be absolute and plain: it then always starts with `/` (or a drive on Windows).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Why `file` cannot be a card's source path, or null when it can. */
export function sourcePathProblem(file: string): string | null {
  // Controls first, so the message below never echoes them.
  if (CONTROL.test(file)) return 'the path contains control characters';
  if (!/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(file)) return `'${file}' is not an absolute path`;
  return null;
}
