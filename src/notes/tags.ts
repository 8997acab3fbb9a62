/**
 * Obsidian `#tags`. A tag needs whitespace (or the line start) before the `#`, so `C#`,
 * `[[note#heading]]` and `(#anchor)` are not tags, and it must hold a letter, so `#1` is not one.
 * `#flashcards` and `#flashcards/a/b` are the Spaced Repetition plugin's deck tags.
 */
import { mask } from './inline-markdown.js';

const TAG = /(^|\s)#([\p{L}\p{N}_/-]+)/gu;
const DECK_TAG = /(^|\s)#flashcards(?:\/[\p{L}\p{N}_/-]*)?(?=\s|$)/giu;

export function findTags(text: string): string[] {
  // No '#', no tag: most lines are not masked and scanned at all.
  if (!text.includes('#')) return [];
  const masked = mask(text);
  const tags: string[] = [];
  for (const m of masked.matchAll(TAG)) {
    const tag = (m[2] ?? '').replace(/\/+$/, '');
    if (/\p{L}/u.test(tag)) tags.push(tag);
  }
  return tags;
}

/** Frontmatter may spell tags with or without `#`, as a list or a comma/space separated string. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').replace(/\/+$/, '');
}

/** Tags compare case-insensitively in Obsidian; the first spelling seen is kept. */
export function mergeTags(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const tag of list) {
      const key = tag.toLowerCase();
      if (tag === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** `flashcards/a/b` → `a::b`; a bare `flashcards` names no deck. */
export function deckPathOfTag(tag: string): string | null {
  const m = /^flashcards(?:\/(.*))?$/i.exec(tag);
  if (!m) return null;
  const parts = (m[1] ?? '').split('/').filter((p) => p !== '');
  return parts.length > 0 ? parts.join('::') : null;
}

export function firstDeckPath(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const path = deckPathOfTag(tag);
    if (path !== null) return path;
  }
  return null;
}

/** Deck tags say where a card goes, not what it says, so they are cut from card text. */
export function stripDeckTags(line: string): string {
  if (!line.includes('#')) return line;
  const masked = mask(line);
  let out = '';
  let pos = 0;
  for (const m of masked.matchAll(DECK_TAG)) {
    const start = (m.index ?? 0) + (m[1] ?? '').length;
    out += line.slice(pos, start);
    pos = start + m[0].length - (m[1] ?? '').length;
  }
  if (pos === 0) return line;
  return (out + line.slice(pos)).replace(/[ \t]+$/, '');
}
