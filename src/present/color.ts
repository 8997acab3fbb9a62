/** Colour on a terminal that has it, unless NO_COLOR is set (https://no-color.org). */
export function colorEnabled(): boolean {
  return !process.env['NO_COLOR'] && process.stdout.hasColors?.() !== false;
}
