/**
 * `engram import`: notes → cards, keeping each card's history across edits. Phases like
 * Anki's importer: the pure parsers produce plain data, each file's changes are planned from
 * reads (card identity), then one short transaction per file writes them, with the note's
 * content hash, so a killed import leaves every file fully imported or not at all and a re-run
 * redoes only the unfinished ones. Nothing holds the write lock for long, so answers given
 * meanwhile (another process, the review) never wait out the busy timeout. A file that fails
 * is reported and skipped whole; the others import.
 */
import { applyTagEdits, fileClockNs, isStorageError, now, trace, type Card, type CardStatus, type Memory, type ParsedCard, type PaperRef, type Problem, type ProseCardsMode } from '../core/index.js';
import type { CardContent, KnownNote, NoteStat, StoredExample } from '../store/index.js';
import { dropSharedFronts } from '../notes/index.js';
import { findDeclared, mentionFinder, mergeCitedPaper, mergePapers, paperKeyFinder, type DeclaredPaperEntry } from '../papers/index.js';
import { newMemory } from '../scheduler/index.js';
import type { Collection } from './collection.js';
import type { MatchHow } from './card-identity.js';
import { planFile, planIsCurrent, type FilePlan, type ParsedFile, type PlanOptions } from './import-plan.js';
import type { Prescan } from './import-unchanged.js';
import { findVanishedNotes, pickMovedNote, type VanishedNote } from './moved-notes.js';
import { BULK_NOTE_LOOKUP, GONE_HASH, unchangedByStat } from './read-context.js';
import { readContext, readNotes, type ReadTask } from './read-notes.js';
import { scanPaths } from './scan-files.js';
import { seedFromSrSchedule } from './sr-schedules.js';
import { isSrDataFile, loadSrDataFiles } from './sr-data-files.js';
import { proseModeFor } from './suggestions.js';
import { cardRefIfSyncing, recordRelink } from './sync-log.js';

/** A write transaction holds about this many card writes (or one file's, when a file needs more): answers wait no longer. */
const BATCH_WRITES = 500;
/** A long import pauses for waiting writers at least this often (see Store.yieldToWriters). */
const YIELD_EVERY_MS = 100;

/** A prose front made by more notes than this in one import is a label ("What is Description?"), not a term. */
const MAX_SHARED_PROSE_FRONT = 3;

export interface ImportOptions {
  deck?: string;
  dryRun?: boolean;
  /** Overrides every deck's `proseCards` option for this import. */
  proseCards?: ProseCardsMode;
  /** Called as files are read and then written, for a progress bar: work done out of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface Relink {
  id: number;
  how: MatchHow;
  file: string;
  line: number;
  old: { front: string; back: string };
  new: { front: string; back: string };
}

export interface PreviewCard {
  id: number | null;
  action: 'add' | 'update' | 'unchanged';
  deck: string;
  kind: string;
  front: string;
  back: string;
  source: { file: string; line: number };
  breadcrumb: string[];
  /** 'suggested': a prose card waiting for `engram triage`. */
  status: CardStatus;
}

/** A note file that moved or was renamed; its cards kept their history. */
export interface MovedNote {
  from: string;
  to: string;
  /** The deck of its cards before and after, when the move changed it (a note's deck comes from its folder); null: unchanged. */
  deck: { from: string; to: string } | null;
}

export interface ImportResult {
  /** Note files read and imported (or unchanged); files that failed are in `skipped` and `errors`. */
  files: number;
  skipped: number;
  cards: { added: number; updated: number; unchanged: number; retired: number };
  papers: number;
  errors: Problem[];
  /** Problems that did not stop a file from importing (an `example:` line under no card, an explicit card that could not be made). Files with warnings are read again on every import, so they are reported until fixed. */
  warnings: Problem[];
  relinked: Relink[];
  moved: MovedNote[];
  /** Note files that are gone from an imported folder; their cards were retired. */
  removed: string[];
  /** Every card the import makes or keeps, in file order (filled on dry runs). */
  preview: PreviewCard[];
  /** Suggestions (prose cards) waiting for `engram triage` in the whole collection after this import. */
  suggestions: number;
  /** New cards whose first memory came from an Obsidian SR schedule comment (review continues where the plugin left off). */
  srSchedules: number;
  /** Of those, the ones whose schedule came from the plugin's schedule-data file (`^sr-data-id-` cards). */
  srFromDataFile?: number;
  /** The plugin's schedule-data files read (schedule-data.sr.md, or its data.json holding schedules). */
  srDataFiles?: string[];
}


/** `prescan`: the scan importIfUnchanged took of the same inputs (which found a change), so the folders are not walked again. */
export function importNotes(col: Collection, inputs: string[], options: ImportOptions = {}, prescan?: Prescan): ImportResult {
  const result: ImportResult = {
    files: 0, skipped: 0, cards: { added: 0, updated: 0, unchanged: 0, retired: 0 }, papers: 0, errors: [], warnings: [], relinked: [], moved: [], removed: [], preview: [], suggestions: 0, srSchedules: 0,
  };
  // Taken before the files are looked at: a file modified at or after this moment cannot be
  // trusted by its stat (racy git), because an edit within the clock's granularity keeps its mtime.
  const scannedAt = prescan ? prescan.scannedAt : fileClockNs();
  const scanned = prescan ? prescan.scanned : scanPaths(inputs);
  // The plugin's schedule-data file is data for the notes' cards, not a note.
  const srData = loadSrDataFiles(inputs, scanned.files.map((f) => f.path));
  const scan = { ...scanned, files: scanned.files.filter((f) => !isSrDataFile(f.path)) };
  if (srData.files.length > 0) result.srDataFiles = srData.files;
  result.warnings.push(...srData.problems);
  result.errors.push(...scan.errors);
  result.skipped += scan.errors.length;
  trace(`import: ${scan.files.length} files found`);
  const store = col.store;
  const context = readContext(options, scannedAt);
  // Many files: every stored note in one query; a few: one query each.
  const knownNotes = scan.files.length > BULK_NOTE_LOOKUP ? store.knownNotes() : null;
  const knownNote = (file: string) => (knownNotes ? knownNotes.get(file) ?? null : store.knownNote(file));
  const unchangedStats: Array<{ id: number; contentHash: string; stat: NoteStat | null }> = [];

  // Phase 1: read and parse every changed file (pure work, no writes).
  const parsed: ParsedFile[] = [];
  const reads: Array<{ index: number; known: KnownNote | null; task: ReadTask }> = [];
  scan.files.forEach((file, index) => {
    const known = knownNote(file.path);
    // Size and mtime as stored: the file is not even read.
    if (known && !options.dryRun && unchangedByStat(known, file, context.readWith)) {
      result.files++;
      result.cards.unchanged += known.liveCards;
      options.onProgress?.(index + 1, 2 * scan.files.length);
      return;
    }
    reads.push({ index, known, task: { file, knownHash: known && !options.dryRun ? known.contentHash : null } });
  });
  const outcomes = readNotes(reads.map((r) => r.task), context);
  outcomes.forEach((outcome, k) => {
    const { index, known } = reads[k]!;
    if (outcome.kind === 'failed') {
      result.errors.push(...outcome.errors);
      result.skipped++;
      return;
    }
    result.files++;
    if (outcome.kind === 'unchanged') {
      result.cards.unchanged += known!.liveCards;
      if (!sameStat(known!.stat, outcome.stat)) unchangedStats.push({ id: known!.id, contentHash: known!.contentHash, stat: outcome.stat });
    } else {
      result.warnings.push(...outcome.warnings);
      result.errors.push(...outcome.errors);
      parsed.push(outcome.parsed);
    }
    options.onProgress?.(index + 1, 2 * scan.files.length);
  });

  trace(`import: ${parsed.length} files read and parsed`);
  // Files found unchanged by their hash remember their stat, so the next import need not read them.
  if (unchangedStats.length > 0) store.transaction(() => unchangedStats.forEach((u) => store.setNoteStat(u.id, u.contentHash, u.stat)));

  // The parser drops labels repeated within a note; across the notes read together they are dropped here.
  const notLabels = new Set(dropSharedFronts(parsed.flatMap((p) => p.cards), MAX_SHARED_PROSE_FRONT));
  for (const file of parsed) file.cards = file.cards.filter((card) => notLabels.has(card));

  // Papers are merged across all files of this import, so one paper cited by two notes is one record.
  const papers = mergePapers(parsed.flatMap((p) => p.refs.map((r) => ({ ...r, file: p.file.path }))));
  // A papers note is the authority on the papers it declares; declarations from notes not re-read
  // this time come from the database.
  const declaredHere = parsed.flatMap((p) => p.declared.map((d) => ({ ...d, file: p.file.path })));
  const declaredBefore = store.declaredPapers()
    .filter((p) => !declaredHere.some((d) => d.key === p.key) && !parsed.some((f) => p.declaredIn.startsWith(`${f.file.path}:`)));
  const declared: Array<Pick<DeclaredPaperEntry, 'key' | 'title' | 'slugs' | 'aliases'>> = [...declaredHere, ...declaredBefore];
  // Which declared paper each cited paper is, if any: asked once, used for the count and the writes.
  const declaredKeyOf = new Map(papers.map((p) => [p.key, findDeclared(p, declared)?.key ?? null]));
  result.papers = new Set([...papers.map((p) => declaredKeyOf.get(p.key) ?? p.key), ...declaredHere.map((d) => d.key)]).size;

  // Phase 2: plan, from reads only. A note file that vanished from an imported folder either
  // turns up under a new path in this import (moved or renamed: its cards and history follow
  // it) or is gone.
  const vanished = findVanishedNotes(store, inputs, new Set(scan.files.map((f) => f.path)));
  const movedTo = new Map<ParsedFile, VanishedNote>();
  for (const file of parsed) {
    if (file.isPapersNote || knownNote(file.file.path)) continue;
    const moved = pickMovedNote(file.cards, vanished, store);
    if (!moved) continue;
    movedTo.set(file, moved);
    vanished.splice(vanished.indexOf(moved), 1);
  }
  // A note already marked gone with no live card left has nothing more to do: its hash was
  // forgotten, its cards retired and its papers undeclared when it went (importIfUnchanged relies on this).
  const gone = vanished.map((note) => ({ note, live: store.liveCardCountOfNote(note.id) }))
    .filter(({ note, live }) => live > 0 || knownNote(note.path)?.contentHash !== GONE_HASH);
  for (const { note, live } of gone) {
    if (live === 0) continue;
    result.cards.retired += live;
    result.removed.push(note.path);
  }
  const decks = deckLookup(store);
  const proseModes = new Map<string, ProseCardsMode>();
  const proseModeOf = (deckName: string): ProseCardsMode => {
    let mode = proseModes.get(deckName);
    if (mode === undefined) proseModes.set(deckName, (mode = proseModeFor(col, deckName, options.proseCards)));
    return mode;
  };
  const planOptions: PlanOptions = { deck: options.deck, proseModeOf, deckIdOf: decks.idOf };
  // Planned from the notes read at the start (one query); a plan another process made stale is
  // caught under the lock (planIsCurrent) and made again.
  const snapshotOptions: PlanOptions = knownNotes ? { ...planOptions, noteAt: (p) => knownNotes.get(p) ?? null } : planOptions;
  const plans = parsed.map((file) => planFile(store, file, snapshotOptions, movedTo.get(file) ?? null));
  for (const plan of plans) {
    if (plan.movedFrom) result.moved.push({ from: plan.movedFrom.path, to: plan.file.file.path, deck: deckChange(store, plan) });
  }
  // Reading counted for the first half of the work; writing the changed files is the second.
  const unchanged = scan.files.length - parsed.length;
  if (options.dryRun) {
    for (const plan of plans) addPlan(result, plan, true);
    result.suggestions = store.suggestionCount() + plans.reduce((sum, plan) => sum + plan.suggestionsDelta, 0);
    options.onProgress?.(2 * scan.files.length, 2 * scan.files.length);
    return result;
  }

  trace(`import: ${plans.length} files planned`);
  // Phase 3: write, in short transactions. First what the files' writes refer to (papers),
  // then each gone note and each file on its own.
  const declaredIds = new Map<string, number>();
  const paperIds = new Map<string, number>();
  store.transaction(() => {
    for (const { note } of gone) store.undeclarePapersOf(note.path);
    for (const file of parsed) if (file.isPapersNote) store.undeclarePapersOf(file.file.path);
    for (const p of store.declaredPapers()) declaredIds.set(p.key, p.id);
    for (const d of declaredHere) {
      declaredIds.set(d.key, store.declarePaper({
        key: d.key, title: d.title, authors: d.authors, firstAuthor: d.firstAuthor, venue: d.venue, year: d.year,
        slugs: d.slugs, aliases: d.aliases, idea: d.idea, topic: d.topic, declaredIn: `${d.file}:${d.line}`,
      }));
    }
    for (const paper of papers) {
      const match = declaredKeyOf.get(paper.key);
      const declaredId = match ? declaredIds.get(match) : undefined;
      paperIds.set(paper.key, declaredId ?? store.upsertPaper({
        key: paper.key, title: paper.title, authors: paper.authors, venue: paper.venue, year: paper.year, slugs: paper.slugs,
      }, mergeCitedPaper));
    }
  });
  for (const { note } of gone) {
    store.transaction(() => {
      // Forget the content hash, so a file that comes back is read again and its cards return.
      store.updateNote(note.id, GONE_HASH, now());
      for (const card of store.cardsOfNote(note.id)) if (!card.retired) store.retireCard(card.id, now());
    });
  }
  // Obsidian SR schedule comments seed the memory of cards not stored yet.
  let scheduled = 0;
  const fromDataFile = new Set<string>();
  const seed = (card: ParsedCard, deckName: string, file: string): Memory | null => {
    const seeded = seedFromSrSchedule(col, card, deckName, srData.cards);
    if (seeded && 'problem' in seeded) {
      result.warnings.push({ file, line: card.line, message: seeded.problem });
      return null;
    }
    if (seeded && card.srSchedule?.startsWith('^sr-data-id-')) fromDataFile.add(`${file}\u0000${card.srSchedule}`);
    return seeded?.memory ?? null;
  };
  const mentionsOf = mentionFinder(declared);
  const mentioned = (text: string): number[] => (declared.length === 0 ? [] : mentionsOf(text).flatMap((key) => declaredIds.get(key) ?? []));
  const keyOf = paperKeyFinder(papers);
  const paperIdOf = (ref: PaperRef) => paperIds.get(keyOf(ref));
  const writeFile = (prepared: PreparedFile, written: number) => {
    options.onProgress?.(scan.files.length + unchanged + written, 2 * scan.files.length);
    try {
      // One savepoint per file inside the batch's transaction: a file that fails is undone alone.
      const plan = store.transaction(() => {
        // Another process may have imported this note since it was planned: plan again, under the lock.
        const current = planIsCurrent(store, prepared.plan)
          ? prepared
          : prepareFile(planFile(store, prepared.plan.file, planOptions, prepared.plan.movedFrom), decks.idOf, paperIdOf, mentioned, seed);
        applyFile(col, current, decks);
        scheduled += current.writes.filter((write) => write.id === null && write.memory !== null).length;
        return current.plan;
      });
      addPlan(result, plan, false);
    } catch (error) {
      // A full disk or a read-only database stops the whole import; files committed so far stay.
      if (isStorageError(error)) throw error;
      decks.forget(); // a deck the file created was undone with it
      result.errors.push({ file: prepared.plan.file.file.path, line: 0, message: `not imported: ${(error as Error).message}` });
      result.files--;
      result.skipped++;
    }
  };
  // Whole files, batched up to a few hundred card writes (small notes would otherwise pay a
  // commit each), prepared before the lock is taken, with a pause between batches in which a
  // waiting answer takes the lock.
  // A savepoint per file: its statement journal is kept in memory (see withTemporaryFilesInMemory).
  store.withTemporaryFilesInMemory(() => {
    let next = 0;
    let yielded = performance.now();
    while (next < plans.length) {
      const batch: PreparedFile[] = [];
      let size = 0;
      do {
        const prepared = prepareFile(plans[next]!, decks.idOf, paperIdOf, mentioned, seed);
        batch.push(prepared);
        size += prepared.writes.length + prepared.plan.retire.length + 1;
        next++;
      } while (next < plans.length && size < BATCH_WRITES);
      const first = next - batch.length;
      // Each card is inserted or updated here, never both: the search index takes the batch's new cards at its end.
      store.transactionWithSearchIndexDeferred(() => batch.forEach((prepared, k) => writeFile(prepared, first + k)));
      // The lock is free between two batches anyway (the next one is prepared first); a pause on
      // top, for a writer polling for the lock, every YIELD_EVERY_MS keeps its wait short without
      // sleeping after every batch.
      if (next < plans.length && performance.now() - yielded >= YIELD_EVERY_MS) {
        store.yieldToWriters();
        yielded = performance.now();
      }
    }
  });
  trace('import: files written');
  // Papers lose their last citation or card only when a note was read again or went away.
  if (parsed.length > 0 || gone.length > 0) store.transaction(() => store.pruneUnusedPapers());
  result.suggestions = store.suggestionCount();
  result.srSchedules = scheduled;
  if (fromDataFile.size > 0) result.srFromDataFile = fromDataFile.size;
  trace('import: done');
  options.onProgress?.(2 * scan.files.length, 2 * scan.files.length);
  return result;
}

function sameStat(a: NoteStat | null, b: NoteStat | null): boolean {
  if (!a || !b) return a === b;
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.readWith === b.readWith;
}

/** The decks of a moved note's cards before and after the move, if they differ (several decks are listed, comma-separated). */
function deckChange(store: Collection['store'], plan: FilePlan): MovedNote['deck'] {
  const before = new Set<string>();
  const after = new Set<string>();
  for (const card of plan.cards) {
    if (!card.match) continue;
    before.add(store.getDeck(card.match.card.deckId)?.name ?? '?');
    after.add(card.deckName.trim());
  }
  const from = [...before].sort().join(', ');
  const to = [...after].sort().join(', ');
  return from === to ? null : { from, to };
}

/** Deck ids by name for one import, asked of the database once per name. */
interface DeckLookup {
  idOf: (name: string) => number | null;
  created: (name: string, id: number) => void;
  /** Asks the database again (after a failed file, whose decks were rolled back). */
  forget: () => void;
}

function deckLookup(store: Collection['store']): DeckLookup {
  const ids = new Map<string, number | null>();
  return {
    idOf: (name) => {
      const key = name.trim();
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = store.getDeckByName(key)?.id ?? null));
      return id;
    },
    created: (name, id) => void ids.set(name.trim(), id),
    forget: () => ids.clear(),
  };
}

/** Counts a planned (dry run) or written file into the result. */
function addPlan(result: ImportResult, plan: FilePlan, preview: boolean): void {
  result.cards.added += plan.counts.added;
  result.cards.updated += plan.counts.updated;
  result.cards.unchanged += plan.counts.unchanged;
  result.cards.retired += plan.counts.retired;
  result.relinked.push(...plan.relinked);
  if (!preview) return;
  for (const card of plan.cards) {
    result.preview.push({
      id: card.match ? card.match.card.id : null, action: card.action, deck: card.deckName, kind: card.parsed.kind,
      front: card.parsed.front, back: card.parsed.back, source: { file: plan.file.file.path, line: card.parsed.line }, breadcrumb: card.parsed.breadcrumb,
      status: card.status,
    });
  }
}

/** One card of a file as it will be written; a card that stays exactly as stored has none. */
interface CardWrite {
  /** The stored card it updates; null: a new card. */
  id: number | null;
  deckName: string;
  status: CardStatus;
  content: Omit<CardContent, 'deckId' | 'noteId'>;
  example: StoredExample | null;
  paperIds: number[];
  writeContent: boolean;
  writeExample: boolean;
  writePapers: boolean;
  writeStatus: boolean;
  /** A new card's first memory, from an Obsidian SR schedule comment; null: new. */
  memory: Memory | null;
}

/** A planned file and the writes it needs, worked out before the write lock is taken. */
interface PreparedFile {
  plan: FilePlan;
  citations: Array<{ paperId: number; line: number; raw: string }>;
  writes: CardWrite[];
}

/**
 * The writes one planned file needs. A card that stays exactly as stored is not written
 * again: re-importing a big note with one edited line writes one card, and holds the write
 * lock for as long. Reads only (deck ids are looked up, not created).
 */
function prepareFile(
  plan: FilePlan,
  deckIdOf: (name: string) => number | null,
  paperIdOf: (ref: PaperRef) => number | undefined,
  mentionedPaperIds: (text: string) => number[],
  seed: (card: ParsedCard, deckName: string, file: string) => Memory | null,
): PreparedFile {
  const file = plan.file;
  const citations = file.refs.flatMap((ref) => {
    const paperId = paperIdOf(ref);
    return paperId === undefined ? [] : [{ paperId, line: ref.line, raw: ref.raw }];
  });
  const writes: CardWrite[] = [];
  for (const { parsed: card, deckName, match, status } of plan.cards) {
    const content = {
      kind: card.kind, front: card.front, back: card.back,
      source: { file: file.file.path, line: card.line }, breadcrumb: card.breadcrumb,
      itemKey: `${file.file.path}#${card.itemKey}`,
      // Tags the user added or removed by hand (`engram tag`) survive the note's re-import.
      tags: match?.card.tagEdits ? applyTagEdits(card.tags, match.card.tagEdits) : card.tags,
      ...(card.typeIn ? { typeIn: true } : {}),
    };
    const example = card.example ? { lang: card.example.lang, code: card.example.code, line: card.example.line, path: card.example.path ?? null } : null;
    const refPaperIds = file.refs
      .filter((ref) => ref.line >= card.line && ref.line <= card.endLine)
      .map(paperIdOf)
      .filter((pid): pid is number => pid !== undefined);
    const paperIds = [...new Set([...refPaperIds, ...mentionedPaperIds(`${card.front}\n${card.back}`)])].sort((a, b) => a - b);
    if (!match) {
      writes.push({
        id: null, deckName, status, content, example, paperIds, writeContent: true, writeExample: example !== null, writePapers: paperIds.length > 0, writeStatus: false,
        memory: seed(card, deckName, file.file.path),
      });
      continue;
    }
    const id = match.card.id;
    const write = {
      id, deckName, status, content, example, paperIds,
      writeContent: !sameContent(match.card, { ...content, deckId: deckIdOf(deckName) ?? -1, noteId: plan.note?.id ?? null }),
      writeExample: !sameExample(plan.storedExamples.get(id) ?? null, example),
      writePapers: (plan.storedPaperIds.get(id) ?? []).join(',') !== paperIds.join(','),
      writeStatus: match.card.status !== status,
      memory: null,
    };
    if (write.writeContent || write.writeExample || write.writePapers || write.writeStatus) writes.push(write);
  }
  return { plan, citations, writes };
}

/** Writes one prepared file: call inside a transaction. */
function applyFile(col: Collection, prepared: PreparedFile, decks: DeckLookup): void {
  const { plan, citations, writes } = prepared;
  const store = col.store;
  const file = plan.file;
  const time = now();
  if (plan.movedFrom) store.moveNote(plan.movedFrom.id, file.file.path);
  const noteId = plan.note ? plan.note.id : store.insertNote(file.file.path, file.hash, time, file.stat);
  // The content hash is written with the cards: a file whose transaction did not commit is read again next time.
  if (plan.note) store.updateNote(plan.note.id, file.hash, time, file.stat);
  store.replaceCitationsOfNote(noteId, citations, !plan.note);

  for (const write of writes) {
    let deckId = decks.idOf(write.deckName);
    if (deckId === null) {
      deckId = col.ensureDeck(write.deckName);
      decks.created(write.deckName, deckId);
    }
    const content = { ...write.content, deckId, noteId };
    let id = write.id;
    if (id === null) id = store.insertCard({ ...content, memory: write.memory ?? newMemory(time), createdAt: time, status: write.status });
    else if (write.writeContent) {
      // Sync: an edit that changes the card's name (an edited question keeping its history) is a relink event.
      const before = cardRefIfSyncing(store, id);
      store.updateCardContent(id, content, time);
      recordRelink(store, id, before);
    }
    if (write.id !== null && write.writeStatus) store.setCardStatus(id, write.status, time);
    if (write.writeExample) store.setExample(id, write.example);
    if (write.writePapers) store.replacePapersOfCard(id, write.paperIds, write.id === null);
  }
  for (const id of plan.retire) store.retireCard(id, time);
}

function sameContent(card: Card, content: CardContent): boolean {
  return !card.retired && card.deckId === content.deckId && card.noteId === content.noteId && card.kind === content.kind
    && card.front === content.front && card.back === content.back && card.source?.file === content.source?.file
    && card.source?.line === content.source?.line && card.itemKey === content.itemKey
    && JSON.stringify(card.breadcrumb) === JSON.stringify(content.breadcrumb) && JSON.stringify(card.tags) === JSON.stringify(content.tags)
    && Boolean(card.typeIn) === Boolean(content.typeIn);
}

function sameExample(stored: StoredExample | null, example: StoredExample | null): boolean {
  if (!stored || !example) return stored === example;
  return stored.lang === example.lang && stored.code === example.code && stored.line === example.line && (stored.path ?? null) === (example.path ?? null);
}
