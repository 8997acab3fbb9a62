import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { parseNote } from '../../src/notes/index.js';
it('counts', () => {
  const DECK = '/work/wt/deck/decks/multimodality';
  const out: string[] = [];
  for (const f of fs.readdirSync(DECK).filter((f) => /^0\d-.+\.md$/.test(f)).sort()) {
    const { note } = parseNote(fs.readFileSync(path.join(DECK, f), 'utf8'), f);
    const cards = note?.cards ?? [];
    out.push(`${f} ${cards.length} output=${cards.filter((c) => c.kind === 'output').length}`);
  }
  console.log(out.join('\n'));
});
