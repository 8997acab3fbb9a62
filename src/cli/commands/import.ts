import cliProgress from 'cli-progress';
import { UsageError, formatProblem, PROSE_CARDS_MODES, type ProseCardsMode } from '../../core/index.js';
import type { Collection, ImportOptions, ImportResult } from '../../collection/index.js';
import { importIfUnchanged } from '../../collection/import-unchanged.js';
import { oneLine, printJson, safeText } from '../format.js';

const PROGRESS_MIN_FILES = 300;

export async function importCommand(col: Collection, paths: string[], opts: { deck?: string; dryRun?: boolean; json?: boolean; proseCards?: string }): Promise<void> {
  const proseCards = parseProseCards(opts.proseCards);
  const bar = progressBar();
  const options = {
    ...(opts.deck ? { deck: opts.deck } : {}),
    ...(proseCards ? { proseCards } : {}),
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(bar ? { onProgress: bar } : {}),
  };
  const result = await importVault(col, paths, options);
  bar?.(-1, 0);
  if (opts.json) {
    // Warnings (an explicit card that could not be made, ...) sit beside errors but do not fail the import.
    const summary: Record<string, unknown> = {
      files: result.files, cards: result.cards, papers: result.papers, errors: result.errors, warnings: result.warnings, suggestions: result.suggestions,
    };
    if (opts.dryRun) {
      summary['preview'] = result.preview;
      summary['relinked'] = result.relinked;
      summary['moved'] = result.moved;
      summary['removed'] = result.removed;
    }
    printJson(summary);
    // Re-links and moves carry history: report them even in JSON mode, where stdout must stay exact.
    if (!opts.dryRun) for (const line of historyLines(result)) process.stderr.write(`${line}\n`);
  } else {
    printHuman(result, Boolean(opts.dryRun));
  }
  if (result.errors.length > 0) process.exitCode = 1;
}

function printHuman(result: ImportResult, dryRun: boolean): void {
  const c = result.cards;
  const verb = dryRun ? 'would import' : 'imported';
  process.stdout.write(
    `${verb} ${result.files} file${result.files === 1 ? '' : 's'}${result.skipped > 0 ? ` (${result.skipped} skipped)` : ''}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired; ${result.papers} paper${result.papers === 1 ? '' : 's'}\n`,
  );
  if (result.suggestions > 0) process.stdout.write(`${suggestionsLine(result.suggestions)}\n`);
  if (result.srSchedules > 0) {
    const fromFile = result.srFromDataFile ? ` (${result.srFromDataFile} from the plugin's schedule-data file)` : '';
    process.stdout.write(`took over ${result.srSchedules} Obsidian spaced-repetition schedule${result.srSchedules === 1 ? '' : 's'}${fromFile}: those cards continue where the plugin left off\n`);
  }
  for (const m of result.moved) process.stdout.write(`${moveLine(m)}\n`);
  for (const gone of result.removed) process.stdout.write(`${removedLine(gone)}\n`);
  for (const r of result.relinked) {
    process.stdout.write(`${relinkLine(r)}\n`);
    if (dryRun) {
      process.stdout.write(`    old: ${oneLine(r.old.front, 70)} → ${oneLine(r.old.back, 50)}\n`);
      process.stdout.write(`    new: ${oneLine(r.new.front, 70)} → ${oneLine(r.new.back, 50)}\n`);
    }
  }
  for (const w of result.warnings) process.stderr.write(`engram: warning: ${safeText(formatProblem(w))}\n`);
  for (const e of result.errors) process.stderr.write(`engram: ${safeText(formatProblem(e))}\n`);
  if (dryRun) process.stdout.write('dry run: nothing was written\n');
}

function parseProseCards(value: string | undefined): ProseCardsMode | undefined {
  if (value === undefined) return undefined;
  if (!(PROSE_CARDS_MODES as readonly string[]).includes(value)) {
    throw new UsageError(`invalid --prose-cards '${value}': expected ${PROSE_CARDS_MODES.join(', ')}`);
  }
  return value as ProseCardsMode;
}

export function suggestionsLine(count: number): string {
  return `${count} suggestion${count === 1 ? '' : 's'} from prose waiting (not in the queue): engram triage`;
}

function historyLines(result: ImportResult): string[] {
  return [...result.moved.map(moveLine), ...result.removed.map(removedLine), ...result.relinked.map(relinkLine)];
}

function moveLine(m: ImportResult['moved'][number]): string {
  const deck = m.deck ? `; deck ${safeText(m.deck.from)} → ${safeText(m.deck.to)}` : '';
  return `moved note ${safeText(m.from)} → ${safeText(m.to)} (its cards keep their history${deck})`;
}

function removedLine(file: string): string {
  return `note gone: ${safeText(file)} (its cards are retired; they come back with their history if it returns)`;
}

function relinkLine(r: ImportResult['relinked'][number]): string {
  return `relinked card ${r.id} (${r.how}) at ${safeText(r.file)}:${r.line}: "${oneLine(r.old.front, 40)}" → "${oneLine(r.new.front, 40)}"`;
}

/** A progress bar on stderr for big imports on a terminal; null otherwise. */
function progressBar(): ((done: number, total: number) => void) | null {
  if (!process.stderr.isTTY) return null;
  let bar: cliProgress.SingleBar | null = null;
  return (done, total) => {
    if (done === -1) {
      bar?.stop();
      return;
    }
    // total counts each file twice (read, then written).
    if (total < 2 * PROGRESS_MIN_FILES) return;
    if (!bar) {
      bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'importing [{bar}] {percentage}%', hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, done);
    }
    bar?.update(done);
  };
}

/**
 * An import where nothing changed is answered from the scan and the notes table; the importer
 * (parsers, papers, scheduler) is loaded only when some file must be read or something vanished.
 */
async function importVault(col: Collection, paths: string[], options: ImportOptions): Promise<ImportResult> {
  const quick = importIfUnchanged(col, paths, options);
  if (quick.unchanged) return quick.result;
  const { importNotes } = await import('../../collection/import-notes.js');
  return importNotes(col, paths, options, quick.prescan);
}

/** `npm start`'s first step: import the bundled decks; unchanged files are skipped by their stat. */
export async function importBundledDecks(col: Collection, dir: string): Promise<void> {
  const result = await importVault(col, [dir], {});
  const c = result.cards;
  if (c.added || c.updated || c.retired) {
    process.stdout.write(`bundled decks: ${c.added} added, ${c.updated} updated, ${c.retired} retired\n`);
  }
  for (const line of historyLines(result).filter((l) => !l.startsWith('relinked'))) process.stdout.write(`${line}\n`);
  for (const w of result.warnings) process.stderr.write(`engram: warning: ${safeText(formatProblem(w))}\n`);
  for (const e of result.errors) process.stderr.write(`engram: ${safeText(formatProblem(e))}\n`);
}
