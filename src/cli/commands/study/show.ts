/** `engram show ID`: one card with its source, schedule, next intervals and review log. */
import type { Collection } from '../../../collection/index.js';
import { flagColor } from '../../../core/index.js';
import { cardJson, printJson, safeText, shortDate } from '../../format.js';
import { parseCardId } from '../args.js';

export function showCommand(col: Collection, id: string, opts: { json?: boolean }): void {
  const card = col.getCard(parseCardId(id));
  const reviews = col.reviewsOf(card.id);
  const resets = col.resetsOf(card.id);
  const example = col.exampleOf(card.id);
  const intervals = card.retired ? [] : col.previewIntervals(card);
  if (opts.json) {
    return printJson({
      ...cardJson(card),
      example,
      intervals: Object.fromEntries(intervals.map((i) => [i.grade, i.label])),
      reviews: reviews.map((r) => ({ ...r, reviewedAt: new Date(r.reviewedAt).toISOString() })),
      /** When the card was reset to new (`engram forget`): its history before stays in `reviews`. */
      resets: resets.map((t) => new Date(t).toISOString()),
    });
  }
  const lines = [
    `card ${card.id} · ${safeText(card.deck)} · ${card.kind}${card.status === 'suggested' ? ' · suggestion (engram accept ID puts it in the queue)' : ''}${card.status === 'rejected' ? ' · rejected' : ''}${card.suspended ? ' · suspended' : ''}${card.retired ? ' · retired' : ''}${card.flag ? ` · flag ${flagColor(card.flag)}` : ''}${card.typeIn ? ' · typed answer' : ''}`,
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
    ...[
      ...reviews.map((r) => ({ at: r.reviewedAt, line: `  ${shortDate(r.reviewedAt)}  ${r.grade.padEnd(5)}  ${r.stateBefore} → ${r.stateAfter}` })),
      ...resets.map((at) => ({ at, line: `  ${shortDate(at)}  reset  → new (engram forget)` })),
    ].sort((a, b) => a.at - b.at).map((e) => e.line),
  ];
  process.stdout.write(`${lines.filter((line) => line !== null).join('\n')}\n`);
}
