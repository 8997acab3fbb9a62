/** Text normalisation for comparing typed answers with titles: case, accents and punctuation do not count. */

export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The part of a title before its subtitle ("Found in Translation: Learning …" → "Found in Translation"). */
export function shortTitle(title: string): string | null {
  const match = /^(.{3,}?)\s*[:?!]\s+\S/.exec(title) ?? /^(.{3,}?)\s+[-–—]\s+\S/.exec(title);
  return match ? match[1]!.trim() : null;
}
