/** `engram papers`: the papers the notes cite or declare. */
import type { Collection } from '../../../collection/index.js';
import { printJson, safeText } from '../../format.js';

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
