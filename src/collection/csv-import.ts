/**
 * `engram import-csv`: a CSV/TSV file of cards (Anki's text import) becomes basic cards.
 * Parsing is pure (src/interop/csv-read.ts); here the file is read with a size cap and the cards
 * written in one transaction, so a bad row leaves nothing behind.
 *
 * Identity: a row with a guid is `csv:guid:<guid>` wherever it comes from (Anki's text exports
 * carry one); any other row is `csv:<file name>:<hash of its front>`, the second row with the same
 * front `…#2`. Re-importing the edited file updates those cards (back, tags; the front too for a
 * guid) and keeps their schedule; a row whose front changed without a guid is a new card.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { EngramError, UsageError, applyTagEdits, now } from '../core/index.js';
import { csvIdentities, parseColumns, readCsvCards, type CsvColumn } from '../interop/index.js';
import { newMemory } from '../scheduler/index.js';
import { InteropStore } from '../store/interop.js';
import type { Collection } from './collection.js';
import { readInputFile } from './read-input.js';

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

export interface CsvImportOptions {
  deck?: string;
  columns?: string;
  delimiter?: string;
  header?: boolean;
  html?: boolean;
}

export interface CsvImportResult {
  file: string;
  cards: { added: number; updated: number; unchanged: number };
  decks: string[];
  delimiter: string;
  header: boolean;
  columns: CsvColumn[];
}

const DELIMITER_NAMES: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ' };

export function parseDelimiterFlag(value: string): string {
  const d = DELIMITER_NAMES[value.toLowerCase()] ?? value;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(`--delimiter must be one character or tab, comma, semicolon, pipe, space (got '${value}')`);
  }
  return d;
}

export function importCsv(col: Collection, file: string, options: CsvImportOptions = {}): CsvImportResult {
  const label = path.basename(file);
  const read = readInputFile(file, MAX_CSV_BYTES);
  if (!read.ok) throw new EngramError(`${file}: ${read.message}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new EngramError(`${file}: not UTF-8 text (save it as UTF-8 CSV)`);
  }
  const delimiter = options.delimiter === undefined ? undefined : parseDelimiterFlag(options.delimiter);
  const columns = options.columns === undefined ? undefined : options.columns.split(',').map((c) => c.trim());
  if (columns) {
    const checked = parseColumns(columns);
    if (!checked.ok) throw new UsageError(`--columns: ${checked.message}`);
  }
  const parsed = readCsvCards(text, {
    fileName: label,
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(columns !== undefined ? { columns } : {}),
    ...(options.header !== undefined ? { header: options.header } : {}),
    ...(options.html !== undefined ? { html: options.html } : {}),
  });
  if (!parsed.ok) throw new EngramError(`${file}:${parsed.problem.line}: ${parsed.problem.message}`);
  const { cards, deck: fileDeck } = parsed.value;
  const keys = csvIdentities(cards).map((id) => (id.startsWith('guid:') ? `csv:${id}` : `csv:${label}:${hash(id)}`));
  const defaultDeck = options.deck?.trim() || fileDeck || (label.replace(/\.(csv|tsv|txt)$/i, '') || 'Default');
  const result: CsvImportResult = {
    file, cards: { added: 0, updated: 0, unchanged: 0 }, decks: [],
    delimiter: parsed.value.delimiter, header: parsed.value.header, columns: parsed.value.columns,
  };
  const time = now();
  const store = new InteropStore(col.store);
  col.store.transactionWithSearchIndexDeferred(() => {
    const known = store.cardIdsByItemKeyPrefix('csv:');
    const decks = new Set<string>();
    const seen = new Set<string>();
    cards.forEach((card, i) => {
      const key = keys[i]!;
      if (seen.has(key)) throw new EngramError(`${file}:${card.line}: guid '${card.guid ?? ''}' is used by an earlier row`);
      seen.add(key);
      const existing = known.get(key);
      if (existing !== undefined) {
        // The card stays in the deck it is in now (the user may have moved it); its text follows the file.
        const stored = col.getCard(existing);
        const tags = stored.tagEdits ? applyTagEdits(card.tags, stored.tagEdits) : card.tags;
        const sameTags = stored.tags.length === tags.length && stored.tags.every((t, j) => t === tags[j]);
        if (stored.front === card.front && stored.back === card.back && sameTags) {
          result.cards.unchanged++;
        } else {
          col.store.updateCardContent(existing, { ...stored, front: card.front, back: card.back, tags }, time);
          result.cards.updated++;
        }
        decks.add(stored.deck);
        return;
      }
      const deckName = options.deck?.trim() || card.deck || defaultDeck;
      const deckId = col.ensureDeck(deckName);
      decks.add(deckName);
      const memory = newMemory(time);
      store.insertCard({
        deck_id: deckId, note_id: null, kind: 'basic', front: card.front, back: card.back, source_file: null, source_line: null,
        breadcrumb: '[]', item_key: key, tags: JSON.stringify(card.tags),
        state: memory.state, due: memory.due, stability: memory.stability, difficulty: memory.difficulty,
        elapsed_days: memory.elapsedDays, scheduled_days: memory.scheduledDays, learning_steps: memory.learningSteps,
        reps: memory.reps, lapses: memory.lapses, last_review: memory.lastReview,
        suspended: 0, buried_until: 0, retired: 0, new_position: null, status: 'accepted',
        created_at: time, modified_at: time, seen_front: null, seen_back: null,
      });
      result.cards.added++;
    });
    result.decks = [...decks].sort();
  });
  return result;
}

function hash(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}
