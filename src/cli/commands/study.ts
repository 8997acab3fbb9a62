/** Scriptable study commands: the contract scripts and tests rely on. */
import { EngramError, UsageError, type Grade } from '../../core/index.js';
import type { Collection } from '../../collection/index.js';
import { cardJson, cardLine, printJson, safeText, shortDate } from '../format.js';

const GRADE_NAMES: Record<string, Grade> = { again: 'again', hard: 'hard', good: 'good', easy: 'easy', '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

export function parseGrade(value: string): Grade {
  const grade = GRADE_NAMES[value.toLowerCase()];
  if (!grade) throw new UsageError(`invalid rating '${value}': expected again|hard|good|easy or 1-4`);
  return grade;
}

export function parseCardId(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`invalid card id '${value}': expected a number`);
  return Number(value);
}

export function decksCommand(col: Collection, opts: { json?: boolean }): void {
  const decks = col.decks();
  if (opts.json) return printJson(decks);
  if (decks.length === 0) {
    process.stdout.write('No decks yet. Import notes with `engram import PATH` or add a card with `engram add`.\n');
    return;
  }
  const width = Math.max(4, ...decks.map((d) => d.name.length));
  process.stdout.write(`${'deck'.padEnd(width)}  total    new  learning  due today  suspended\n`);
  for (const d of decks) {
    process.stdout.write(
      `${safeText(d.name).padEnd(width)}  ${pad(d.total, 5)}  ${pad(d.new, 5)}  ${pad(d.learning, 8)}  ${pad(d.dueToday, 9)}  ${pad(d.suspended, 9)}\n`,
    );
  }
  for (const d of decks.filter((deck) => deck.quizCards > 0)) {
    process.stdout.write(`${safeText(d.name)}: ${d.quizCards} paper card${d.quizCards === 1 ? '' : 's'}, asked by \`engram quiz papers\` (not in the review)\n`);
  }
  for (const d of decks.filter((deck) => deck.suggestions > 0)) {
    process.stdout.write(`${safeText(d.name)}: ${d.suggestions} suggestion${d.suggestions === 1 ? '' : 's'} from prose waiting (not in the queue): engram triage --deck ${shellWord(d.name)}\n`);
  }
}

/** A deck name as it could be typed back in a shell. */
function shellWord(name: string): string {
  return /^[\w.:/-]+$/.test(name) ? name : `'${safeText(name).replace(/'/g, `'\\''`)}'`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

export function cardsCommand(col: Collection, opts: { deck?: string; search?: string; json?: boolean }): void {
  const cards = col.cards({ ...(opts.deck ? { deck: opts.deck } : {}), ...(opts.search ? { search: opts.search } : {}) });
  if (opts.json) return printJson(cards.map(cardJson));
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  process.stdout.write(`${cards.length} card${cards.length === 1 ? '' : 's'}\n`);
}

export function dueCommand(col: Collection, opts: { deck?: string; json?: boolean }): void {
  const { cards, counts } = col.queue(opts.deck);
  if (opts.json) return printJson({ counts, cards: cards.map(cardJson) });
  process.stdout.write(`new ${counts.new} · learning ${counts.learning} · review ${counts.review}\n`);
  for (const card of cards) process.stdout.write(`${cardLine(card)}\n`);
  if (cards.length === 0) {
    const next = col.nextDueTime();
    process.stdout.write(next ? `Nothing due now. Next card due ${shortDate(next)} UTC.\n` : 'Nothing due.\n');
  }
}

export function answerCommand(col: Collection, id: string, rating: string, opts: { json?: boolean; durationMs?: string }): void {
  const grade = parseGrade(rating);
  const duration = opts.durationMs === undefined ? null : Number(opts.durationMs);
  if (duration !== null && (!Number.isFinite(duration) || duration < 0)) throw new UsageError(`invalid --duration-ms '${opts.durationMs}'`);
  const result = col.answer(parseCardId(id), grade, duration);
  const out = {
    id: result.card.id,
    grade,
    state: result.memory.state,
    due: new Date(result.memory.due).toISOString(),
    stability: result.memory.stability,
    difficulty: result.memory.difficulty,
    interval_days: Math.round(result.intervalDays * 10000) / 10000,
    leech: result.leech,
    suspended: result.card.suspended,
  };
  if (opts.json) return printJson(out);
  process.stdout.write(`card ${out.id}: ${grade} → ${out.state}, due ${shortDate(result.memory.due)}${result.leech ? ' (leech)' : ''}\n`);
}

export function undoCommand(col: Collection, opts: { json?: boolean }): void {
  const { card, review } = col.undo();
  if (opts.json) return printJson({ undone: { reviewId: review.id, cardId: card.id, grade: review.grade }, card: cardJson(card) });
  process.stdout.write(`undid ${review.grade} on card ${card.id}; it is ${card.memory.state} again, due ${shortDate(card.memory.due)}\n`);
}

export function suspendCommand(col: Collection, id: string, suspended: boolean, opts: { json?: boolean }): void {
  const card = col.suspend(parseCardId(id), suspended);
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`card ${card.id} ${suspended ? 'suspended' : 'unsuspended'}\n`);
}

export function buryCommand(col: Collection, id: string, opts: { json?: boolean }): void {
  const card = col.bury(parseCardId(id));
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`card ${card.id} buried until ${shortDate(card.buriedUntil)}\n`);
}

export function showCommand(col: Collection, id: string, opts: { json?: boolean }): void {
  const card = col.getCard(parseCardId(id));
  const reviews = col.reviewsOf(card.id);
  const example = col.exampleOf(card.id);
  const intervals = card.retired ? [] : col.previewIntervals(card);
  if (opts.json) {
    return printJson({
      ...cardJson(card),
      example,
      intervals: Object.fromEntries(intervals.map((i) => [i.grade, i.label])),
      reviews: reviews.map((r) => ({ ...r, reviewedAt: new Date(r.reviewedAt).toISOString() })),
    });
  }
  const lines = [
    `card ${card.id} · ${safeText(card.deck)} · ${card.kind}${card.status === 'suggested' ? ' · suggestion (engram accept ID puts it in the queue)' : ''}${card.status === 'rejected' ? ' · rejected' : ''}${card.suspended ? ' · suspended' : ''}${card.retired ? ' · retired' : ''}`,
    card.source ? `source: ${safeText(card.source.file)}:${card.source.line}` : 'source: added by hand',
    card.breadcrumb.length ? `context: ${safeText(card.breadcrumb.join(' › '))}` : null,
    '',
    safeText(card.front),
    '---',
    safeText(card.back),
    '',
    `state ${card.memory.state}, due ${shortDate(card.memory.due)}, stability ${card.memory.stability.toFixed(2)}, difficulty ${card.memory.difficulty.toFixed(2)}, lapses ${card.memory.lapses}`,
    intervals.length ? `next: ${intervals.map((i) => `${i.grade} ${i.label}`).join(' · ')}` : null,
    example ? `example: ${example.lang}, ${example.code.split('\n').length} lines (run it from the review screen with r)` : null,
    `${reviews.length} review${reviews.length === 1 ? '' : 's'}`,
    ...reviews.map((r) => `  ${shortDate(r.reviewedAt)}  ${r.grade.padEnd(5)}  ${r.stateBefore} → ${r.stateAfter}`),
  ];
  process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);
}

export function addCommand(col: Collection, opts: { deck: string; front: string; back: string; json?: boolean }): void {
  const card = col.addCard(opts.deck, opts.front, opts.back);
  if (opts.json) return printJson(cardJson(card));
  process.stdout.write(`added card ${card.id} to ${safeText(card.deck)}\n`);
}

export function configCommand(col: Collection, key: string | undefined, value: string | undefined, opts: { deck?: string; json?: boolean }): void {
  if (key !== undefined && value !== undefined) {
    const changes = col.setOption(opts.deck, key, value);
    if (opts.json) return printJson(changes);
    for (const c of changes) process.stdout.write(`${safeText(c.deck)}: ${c.key} = ${JSON.stringify(c.value)}\n`);
    return;
  }
  const all = col.getOptions(opts.deck);
  if (all.length === 0) throw new EngramError('no decks yet: import notes or add a card first');
  if (key !== undefined) {
    const rows = all.map(({ deck, options }) => {
      if (!(key in options)) throw new UsageError(`unknown option '${key}' (known: ${Object.keys(options).join(', ')})`);
      return { deck, key, value: options[key as keyof typeof options] };
    });
    if (opts.json) return printJson(rows);
    for (const r of rows) process.stdout.write(`${safeText(r.deck)}: ${r.key} = ${JSON.stringify(r.value)}\n`);
    return;
  }
  if (opts.json) return printJson(all);
  for (const { deck, options } of all) {
    process.stdout.write(`[${safeText(deck)}]\n`);
    for (const [k, v] of Object.entries(options)) process.stdout.write(`  ${k} = ${JSON.stringify(v)}\n`);
  }
}

export function papersCommand(col: Collection, opts: { json?: boolean }): void {
  const papers = col.papers();
  if (opts.json) return printJson(papers);
  for (const p of papers) {
    const who = p.firstAuthor ? (p.authors.length > 1 ? `${p.firstAuthor} et al.` : p.firstAuthor) : p.authors.join(', ');
    const meta = [who, p.venue, p.year].filter(Boolean).join(' · ');
    process.stdout.write(`${safeText(p.title)}${meta ? ` (${safeText(meta)})` : ''}  [${p.citations} citation${p.citations === 1 ? '' : 's'}, ${p.cards} card${p.cards === 1 ? '' : 's'}]\n`);
    if (p.idea) process.stdout.write(`    ${safeText(p.idea)}\n`);
  }
  process.stdout.write(`${papers.length} paper${papers.length === 1 ? '' : 's'}\n`);
}

