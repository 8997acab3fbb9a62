/** `engram show ID`: one card with its source, schedule, next intervals and review log. */
import type { Collection } from '../../../collection/index.js';
import { cardJson, printJson, safeText, shortDate } from '../../format.js';
import { parseCardId } from '../args.js';

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
