/**
 * What frontmatter keys mean. `deck` and `tags` are the note's; everything else is passed through
 * as `options`, and a few option keys also steer the parser:
 *
 * - `cards: both` (or `prose: true`) asks for prose cards even when the note has explicit card
 *   syntax; `cards: explicit` (or `prose: false`) turns prose cards off; `cards: auto` is the default.
 * - `cloze: bold` makes `**bold**` text a cloze deletion, as the Spaced Repetition plugin's
 *   "convert bold text to clozes" setting does. A `cloze` tag (frontmatter or inline `#cloze`)
 *   does the same, so it can be set per note without frontmatter. Without either, bold is just bold.
 * - `cloze: curly` makes `{{text}}` a cloze deletion (the plugin's "curly brackets" setting); off
 *   by default, since templates and LaTeX use double braces. Both: `cloze: [bold, curly]`.
 */
import type { Problem } from '../core/index.js';
import { normaliseTag } from './tags.js';

export type CardsMode = 'auto' | 'both' | 'explicit';

export interface NoteSettings {
  deck: string | null;
  tags: string[];
  options: Record<string, unknown>;
  mode: CardsMode;
  boldCloze: boolean;
  curlyCloze: boolean;
}

const CLOZE_STYLES = ['bold', 'curly'] as const;
type ClozeStyle = (typeof CLOZE_STYLES)[number];

/** `bold`, `curly`, `bold, curly` or a list of them; null when the value is not understood. */
function readClozeStyles(value: unknown): ClozeStyle[] | null {
  const words = typeof value === 'string' ? value.split(/[,\s]+/).filter((w) => w !== '')
    : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]).map((v) => v.trim()) : null;
  if (words === null || words.length === 0) return null;
  const styles = words.map((w) => w.toLowerCase());
  return styles.every((w): w is ClozeStyle => (CLOZE_STYLES as readonly string[]).includes(w)) ? styles : null;
}

function readTags(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(/[,\s]+/).map(normaliseTag).filter((t) => t !== '');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map((v) => normaliseTag(String(v))).filter((t) => t !== '');
  }
  return null;
}

function readMode(data: Record<string, unknown>, warn: (key: string, message: string) => void): CardsMode {
  const cards = data['cards'];
  if (cards !== undefined) {
    if (cards === 'both' || cards === 'explicit' || cards === 'auto') return cards;
    warn('cards', `unknown 'cards' value ${JSON.stringify(cards)} (expected auto, both or explicit)`);
  }
  const prose = data['prose'];
  if (prose === true) return 'both';
  if (prose === false) return 'explicit';
  if (prose !== undefined) warn('prose', `'prose' must be true or false, got ${JSON.stringify(prose)}`);
  return 'auto';
}

export function readSettings(
  data: Record<string, unknown>,
  keyLine: (key: string) => number,
  file: string,
  problems: Problem[],
): NoteSettings {
  const warn = (key: string, message: string): void => {
    problems.push({ file, line: keyLine(key), message });
  };

  let deck: string | null = null;
  const rawDeck = data['deck'];
  if (typeof rawDeck === 'string' && rawDeck.trim() !== '') deck = rawDeck.trim();
  else if (rawDeck !== undefined && rawDeck !== null) warn('deck', "'deck' must be a string; ignored");

  let tags: string[] = [];
  const rawTags = data['tags'];
  if (rawTags !== undefined && rawTags !== null) {
    const read = readTags(rawTags);
    if (read === null) warn('tags', "'tags' must be a string or a list of strings; ignored");
    else tags = read;
  }

  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (key !== 'deck' && key !== 'tags' && key !== 'example') options[key] = value;

  const cloze = data['cloze'];
  let styles: ClozeStyle[] = [];
  if (cloze !== undefined && cloze !== null) {
    const read = readClozeStyles(cloze);
    if (read === null) warn('cloze', `unknown 'cloze' value ${JSON.stringify(cloze)} (expected bold, curly or both)`);
    else styles = read;
  }

  return { deck, tags, options, mode: readMode(data, warn), boldCloze: styles.includes('bold'), curlyCloze: styles.includes('curly') };
}
