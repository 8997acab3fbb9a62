/**
 * `engram decks`: the deck tree (`a::b` under `a`), per deck the totals and what is due today,
 * each rolled up over its sub-decks. `--json` gives the same tree: each node has the counts,
 * its whole `name`, its `label` (last level), `exists` and `children`.
 */
import { flattenTree, type Collection } from '../../../collection/index.js';
import { printJson, safeText } from '../../format.js';

export function decksCommand(col: Collection, opts: { json?: boolean }): void {
  const decks = col.decks();
  const tree = col.deckTree(decks);
  if (opts.json) return printJson(tree);
  const rows = flattenTree(tree);
  if (rows.length === 0) {
    process.stdout.write('No decks yet. Import notes with `engram import PATH` or add a card with `engram add`.\n');
    return;
  }
  const shown = rows.map(({ node, depth }) => '  '.repeat(depth) + safeText(node.label));
  const width = Math.max(4, ...shown.map((name) => name.length));
  process.stdout.write(`${'deck'.padEnd(width)}  total    new  learning  due today  suspended\n`);
  rows.forEach(({ node: d }, i) => {
    process.stdout.write(
      `${shown[i]!.padEnd(width)}  ${pad(d.total, 5)}  ${pad(d.new, 5)}  ${pad(d.learning, 8)}  ${pad(d.dueToday, 9)}  ${pad(d.suspended, 9)}\n`,
    );
  });
  // Notes name the decks whose own cards they are about.
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
