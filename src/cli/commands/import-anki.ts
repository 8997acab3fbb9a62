/** `engram import-anki`: cards and review history from an Anki .apkg package. */
import type { Collection } from '../../collection/index.js';
import { importAnki } from '../../collection/anki-import.js';
import { printJson, safeText } from '../format.js';

export function importAnkiCommand(col: Collection, file: string, opts: { deck?: string; json?: boolean }): void {
  const result = importAnki(col, file, opts.deck ? { deck: opts.deck } : {});
  if (opts.json) return printJson(result);
  const c = result.cards;
  process.stdout.write(
    `imported ${file}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged; ${result.reviews} reviews (Anki v${result.scheduler} scheduler); decks: ${result.decks.map(safeText).join(', ') || 'none'}\n`,
  );
  for (const s of result.skipped) process.stdout.write(`skipped Anki note ${s.noteId} card ${s.ord + 1}: ${safeText(s.reason)}\n`);
  if (result.typeIn > 0) {
    process.stdout.write(`${result.typeIn} type-in card${result.typeIn === 1 ? '' : 's'}: the review asks for a typed answer\n`);
  }
  if (result.mediaImported > 0) process.stdout.write(`${result.mediaImported} picture${result.mediaImported === 1 ? '' : 's'} stored in media/ beside the database\n`);
  for (const m of result.mediaSkipped) process.stdout.write(`picture ${safeText(m.name)} not imported: ${safeText(m.reason)}\n`);
}
