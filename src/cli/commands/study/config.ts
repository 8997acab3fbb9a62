/** `engram config [KEY [VALUE]]`: reads or sets deck options. */
import { EngramError, UsageError } from '../../../core/index.js';
import type { Collection } from '../../../collection/index.js';
import { printJson, safeText } from '../../format.js';

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
    const rows = all.map(({ deck, options, sources }) => {
      if (!(key in options)) throw new UsageError(`unknown option '${key}' (known: ${Object.keys(options).join(', ')})`);
      return { deck, key, value: options[key as keyof typeof options], source: sources[key as keyof typeof sources] };
    });
    if (opts.json) return printJson(rows);
    for (const r of rows) process.stdout.write(`${safeText(r.deck)}: ${r.key} = ${JSON.stringify(r.value)}\n`);
    return;
  }
  if (opts.json) return printJson(all);
  for (const { deck, options, sources } of all) {
    process.stdout.write(`[${safeText(deck)}]\n`);
    for (const [k, v] of Object.entries(options)) {
      const source = sources[k as keyof typeof sources];
      const from = source.from === 'deck' ? 'set here' : source.from === 'parent' ? `from ${safeText(source.deck)}` : 'default';
      process.stdout.write(`  ${k} = ${JSON.stringify(v)}  (${from})\n`);
    }
  }
}
