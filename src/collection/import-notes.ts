/**
 * `engram import`: notes → cards, keeping each card's history across edits. Two phases like
 * Anki's importer: the pure parsers produce plain data, then one transaction per file applies
 * it. A file that fails is reported and skipped whole; the others import.
 */
import crypto from 'node:crypto';
import { now, type Card, type ParsedCard, type PaperRef, type Problem } from '../core/index.js';
import { parseNote } from '../notes/index.js';
import { extractPaperRefs, findDeclared, mergePapers, paperKeyOf, papersMentioned, parsePapersNote, type DeclaredPaperEntry } from '../papers/index.js';
import { newMemory } from '../scheduler/index.js';
import type { Collection } from './collection.js';
import { matchCards, type MatchHow } from './card-identity.js';
import { cachedExampleReader, exampleFilesDigest, type ExampleReader } from './example-files.js';
import { findVanishedNotes, pickMovedNote } from './moved-notes.js';
import { readNote, scanPaths, type FoundFile } from './scan-files.js';

/** Bump when parsing changes, so unchanged files are parsed again once. */
const PARSER_VERSION = '3';

export interface ImportOptions {
  deck?: string;
  dryRun?: boolean;
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
}

/** A note file that moved or was renamed; its cards kept their history. */
export interface MovedNote {
  from: string;
  to: string;
}

export interface ImportResult {
  files: number;
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
}

class DryRunRollback extends Error {}

interface ParsedFile {
  file: FoundFile;
  text: string;
  hash: string;
  cards: ParsedCard[];
  noteDeck: string | null;
  refs: PaperRef[];
  /** A papers note (frontmatter `papers: true`) makes no cards: it declares papers. */
  isPapersNote: boolean;
  declared: DeclaredPaperEntry[];
}

export function importNotes(col: Collection, inputs: string[], options: ImportOptions = {}): ImportResult {
  const result: ImportResult = {
    files: 0, cards: { added: 0, updated: 0, unchanged: 0, retired: 0 }, papers: 0, errors: [], warnings: [], relinked: [], moved: [], removed: [], preview: [],
  };
  const scan = scanPaths(inputs);
  result.errors.push(...scan.errors);
  const store = col.store;

  // Phase 1: read and parse every changed file (pure work, no writes).
  const parsed: ParsedFile[] = [];
  const readExample = cachedExampleReader();
  scan.files.forEach((file, index) => {
    const read = readNote(file.path);
    if (!read.ok) {
      result.errors.push({ file: file.path, line: read.line, message: read.message });
      return;
    }
    result.files++;
    const hash = crypto.createHash('sha256').update(PARSER_VERSION).update('\0').update(options.deck ?? '').update('\0').update(read.bytes)
      .update('\0').update(exampleFilesDigest(read.text, file.path, readExample)).digest('hex');
    const known = store.getNoteByPath(file.path);
    if (known && known.contentHash === hash && !options.dryRun) {
      result.cards.unchanged += store.liveCardCountOfNote(known.id);
      options.onProgress?.(index + 1, 2 * scan.files.length);
      return;
    }
    const { note, errors, warnings } = parseNote(read.text, file.path);
    if (!note) {
      result.errors.push(...errors);
      return;
    }
    result.warnings.push(...warnings);
    if (note.options['papers'] === true) {
      const declared = parsePapersNote(read.text, file.path);
      result.errors.push(...declared.problems);
      const storedHash = declared.problems.length > 0 ? `retry:${hash}` : hash;
      parsed.push({ file, text: read.text, hash: storedHash, cards: [], noteDeck: note.deck, refs: [], isPapersNote: true, declared: declared.papers });
      options.onProgress?.(index + 1, 2 * scan.files.length);
      return;
    }
    const exampleErrors = resolveExampleFiles(note.cards, file.path, readExample);
    result.errors.push(...exampleErrors);
    // A note with a broken example reference or a warning is parsed again next time, so neither is forgotten.
    const storedHash = exampleErrors.length > 0 || warnings.length > 0 ? `retry:${hash}` : hash;
    parsed.push({ file, text: read.text, hash: storedHash, cards: note.cards, noteDeck: note.deck, refs: extractPaperRefs(read.text), isPapersNote: false, declared: [] });
    options.onProgress?.(index + 1, 2 * scan.files.length);
  });

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

  // Phase 2: apply, one transaction per file (or one rolled-back transaction for a dry run).
  const apply = () => {
    // A note file that vanished from an imported folder either turns up under a new path in
    // this import (moved or renamed: its cards and history follow it) or is gone.
    const vanished = findVanishedNotes(store, inputs, new Set(scan.files.map((f) => f.path)));
    const anyGone = vanished.length > 0;
    for (const gone of vanished) store.undeclarePapersOf(gone.path);
    for (const file of parsed) {
      if (file.isPapersNote || store.getNoteByPath(file.file.path)) continue;
      const moved = pickMovedNote(file.cards, vanished, store);
      if (!moved) continue;
      store.moveNote(moved.id, file.file.path);
      vanished.splice(vanished.indexOf(moved), 1);
      result.moved.push({ from: moved.path, to: file.file.path });
    }
    for (const gone of vanished) {
      // Forget the content hash, so a file that comes back is read again and its cards return.
      store.updateNote(gone.id, 'gone', now());
      const live = store.cardsOfNote(gone.id).filter((c) => !c.retired);
      for (const card of live) store.retireCard(card.id, now());
      if (live.length > 0) {
        result.cards.retired += live.length;
        result.removed.push(gone.path);
      }
    }
    for (const file of parsed) if (file.isPapersNote) store.undeclarePapersOf(file.file.path);
    const declaredIds = new Map<string, number>(store.declaredPapers().map((p) => [p.key, p.id]));
    for (const d of declaredHere) {
      declaredIds.set(d.key, store.declarePaper({
        key: d.key, title: d.title, authors: d.authors, firstAuthor: d.firstAuthor, venue: d.venue, year: d.year,
        slugs: d.slugs, aliases: d.aliases, idea: d.idea, topic: d.topic, declaredIn: `${d.file}:${d.line}`,
      }));
    }
    const paperIds = new Map<string, number>();
    for (const paper of papers) {
      const match = declaredKeyOf.get(paper.key);
      const declaredId = match ? declaredIds.get(match) : undefined;
      paperIds.set(paper.key, declaredId ?? store.upsertPaper({
        key: paper.key, title: paper.title, authors: paper.authors, venue: paper.venue, year: paper.year, slugs: paper.slugs,
      }));
    }
    // Reading counted for the first half of the work; writing the changed files is the second.
    const unchanged = scan.files.length - parsed.length;
    parsed.forEach((file, written) => {
      options.onProgress?.(scan.files.length + unchanged + written, 2 * scan.files.length);
      try {
        store.db.exec('SAVEPOINT import_file');
        const mentioned = (text: string): number[] => papersMentioned(text, declared).flatMap((key) => declaredIds.get(key) ?? []);
        applyFile(col, file, options, result, (ref) => paperIds.get(paperKeyOf(ref, papers)), mentioned);
        store.db.exec('RELEASE import_file');
      } catch (error) {
        store.db.exec('ROLLBACK TO import_file');
        store.db.exec('RELEASE import_file');
        result.errors.push({ file: file.file.path, line: 0, message: `not imported: ${(error as Error).message}` });
      }
    });
    // Papers lose their last citation or card only when a note was read again or went away.
    if (parsed.length > 0 || anyGone) store.pruneUnusedPapers();
    options.onProgress?.(2 * scan.files.length, 2 * scan.files.length);
    if (options.dryRun) throw new DryRunRollback();
  };
  try {
    store.transaction(apply);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result;
}

function applyFile(
  col: Collection,
  file: ParsedFile,
  options: ImportOptions,
  result: ImportResult,
  paperIdOf: (ref: PaperRef) => number | undefined,
  mentionedPaperIds: (text: string) => number[],
): void {
  const store = col.store;
  const time = now();
  const known = store.getNoteByPath(file.file.path);
  const noteId = known ? known.id : store.insertNote(file.file.path, file.hash, time);
  if (known) store.updateNote(known.id, file.hash, time);
  const existing = known ? store.cardsOfNote(known.id) : [];
  const matches = matchCards(file.cards, existing);
  const byParsed = new Map(matches.map((m) => [m.parsedIndex, m]));
  const kept = new Set<number>();

  const citations = file.refs.flatMap((ref) => {
    const paperId = paperIdOf(ref);
    return paperId === undefined ? [] : [{ paperId, line: ref.line, raw: ref.raw }];
  });
  store.replaceCitationsOfNote(noteId, citations);

  file.cards.forEach((card, index) => {
    const deckName = options.deck ?? card.deckPath ?? file.noteDeck ?? file.file.defaultDeck;
    const deckId = col.ensureDeck(deckName);
    const content = {
      deckId, noteId, kind: card.kind, front: card.front, back: card.back,
      source: { file: file.file.path, line: card.line }, breadcrumb: card.breadcrumb,
      itemKey: `${file.file.path}#${card.itemKey}`, tags: card.tags,
    };
    const match = byParsed.get(index);
    let id: number;
    let action: PreviewCard['action'];
    if (match) {
      id = match.card.id;
      kept.add(id);
      const changed = contentChanged(match.card, content);
      store.updateCardContent(id, content, time);
      if (changed || match.card.retired) {
        result.cards.updated++;
        action = 'update';
      } else {
        result.cards.unchanged++;
        action = 'unchanged';
      }
      if (match.how !== 'exact' && (match.card.front !== card.front || match.card.back !== card.back)) {
        result.relinked.push({
          id, how: match.how, file: file.file.path, line: card.line,
          old: { front: match.card.front, back: match.card.back }, new: { front: card.front, back: card.back },
        });
      }
    } else {
      id = store.insertCard({ ...content, memory: newMemory(time), createdAt: time });
      result.cards.added++;
      action = 'add';
    }
    store.setExample(id, card.example ? { lang: card.example.lang, code: card.example.code, line: card.example.line, path: card.example.path ?? null } : null);
    const paperIds = file.refs
      .filter((ref) => ref.line >= card.line && ref.line <= card.endLine)
      .map(paperIdOf)
      .filter((pid): pid is number => pid !== undefined);
    store.replacePapersOfCard(id, [...new Set([...paperIds, ...mentionedPaperIds(`${card.front}\n${card.back}`)])]);
    if (options.dryRun) {
      result.preview.push({
        id: action === 'add' ? null : id, action, deck: deckName, kind: card.kind, front: card.front, back: card.back,
        source: { file: file.file.path, line: card.line }, breadcrumb: card.breadcrumb,
      });
    }
  });

  for (const card of existing) {
    if (!kept.has(card.id) && !card.retired) {
      store.retireCard(card.id, time);
      result.cards.retired++;
    }
  }
}

/** Reads each card's example file into its `example`; a refused or missing file is an error at the `example:` line, and the card keeps no example. */
function resolveExampleFiles(cards: ParsedCard[], noteFile: string, readExample: ExampleReader): Problem[] {
  const errors: Problem[] = [];
  const reported = new Set<number>();
  for (const card of cards) {
    if (!card.exampleFile) continue;
    const read = readExample(card.exampleFile, noteFile);
    if (read.ok) card.example = read.spec;
    else if (!reported.has(card.exampleFile.line)) {
      reported.add(card.exampleFile.line);
      errors.push({ file: noteFile, line: card.exampleFile.line, message: read.message });
    }
  }
  return errors;
}

function contentChanged(card: Card, content: { deckId: number; kind: string; front: string; back: string; breadcrumb: string[] }): boolean {
  return card.deckId !== content.deckId || card.kind !== content.kind || card.front !== content.front
    || card.back !== content.back || card.breadcrumb.join('\u0000') !== content.breadcrumb.join('\u0000');
}
