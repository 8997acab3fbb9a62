/** `engram decks`: per deck, the totals and what is due today. */
import type { Collection } from '../../../collection/index.js';
import { printJson, safeText } from '../../format.js';

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
