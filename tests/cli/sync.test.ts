/** `engram sync`: the command's contract (flags, JSON shape, exit codes, one-line errors and warnings). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importNotes } from '../../src/collection/import-notes.js';
import { tempEnv, type TempEnv } from '../helpers/cli.js';
import { withCollectionAt } from '../helpers/collection.js';

const NOW = '2026-12-01T09:00:00Z';
const NOTE = '---\ndeck: Sync\n---\nWhat is the first fact?::The first answer.\n\nWhat is the second fact?::The second answer.\n';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

/** A database with the notes imported (in-process: set-up is not the contract under test), answered `answered` times. */
function device(name: string, answered = 0): { run: (args: string[]) => ReturnType<TempEnv['run']>; db: string } {
  const db = path.join(env.dir, `${name}.db`);
  const notes = env.write(`${name}/notes/facts.md`, NOTE);
  withCollectionAt(db, NOW, (col) => {
    importNotes(col, [path.dirname(notes)]);
    for (let i = 0; i < answered; i++) col.answer(col.cards({})[0]!.id, 'good');
  });
  const run = (args: string[]) => env.run(['--db', db, ...args], { now: NOW });
  return { run, db };
}

describe('engram sync', () => {
  it('--json prints exactly {device, sent, received, applied, cardsRebuilt, pending}; the folder is remembered', () => {
    const shared = path.join(env.dir, 'shared');
    const a = device('a', 1);
    const b = device('b');
    const first = a.run(['sync', '--dir', shared, '--device', 'laptop', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ device: 'laptop', sent: 1, received: 0, applied: 0, cardsRebuilt: 0, pending: 0 });
    const second = b.run(['sync', '--dir', shared, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ sent: 0, received: 1, applied: 1, cardsRebuilt: 1, pending: 0 });
    expect(JSON.parse(second.stdout).device).toMatch(/^device-[0-9a-f]{8}$/);
    // remembered: no --dir the second time
    expect(JSON.parse(a.run(['sync', '--json']).stdout)).toEqual({ device: 'laptop', sent: 0, received: 0, applied: 0, cardsRebuilt: 0, pending: 0 });
    const human = b.run(['sync']);
    expect(human.stdout).toMatch(/^synced as device-[0-9a-f]{8}: sent 0, received 0, applied 0, 0 cards rebuilt\n$/);
    expect(fs.readdirSync(shared).sort()).toEqual([JSON.parse(second.stdout).device, 'laptop'].sort());
  });

  it('a relative --dir is resolved against the working folder and remembered as an absolute path', () => {
    const a = device('a', 1);
    const out = a.run(['sync', '--dir', 'rel-shared', '--device', 'laptop', '--json']);
    expect(out.code).toBe(0);
    expect(fs.readdirSync(path.join(env.dir, 'rel-shared'))).toEqual(['laptop']);
    expect(JSON.parse(a.run(['sync', '--status', '--json']).stdout).dir).toBe(path.join(env.dir, 'rel-shared'));
  });

  it('--status lists the devices seen with their last event time', () => {
    const shared = path.join(env.dir, 'shared');
    const a = device('a', 1);
    expect(a.run(['sync', '--status']).stdout).toBe('not syncing yet: engram sync --dir PATH [--device NAME]\n');
    a.run(['sync', '--dir', shared, '--device', 'laptop', '--auto-sync', 'true']);
    const status = JSON.parse(a.run(['sync', '--status', '--json']).stdout);
    expect(status).toEqual({
      device: 'laptop', dir: shared, autoSync: true, pending: 0,
      devices: [{ device: 'laptop', events: 1, lastEventAt: '2026-12-01T09:00:00.000Z', self: true }],
    });

  });

  it('bad input: one line and a non-zero exit; a malformed line is a warning on stderr', () => {
    const a = device('a');
    const noDir = a.run(['sync']);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toBe('engram: no sync folder yet: run `engram sync --dir PATH` once (it is remembered)\n');
    const file = env.write('afile', 'x');
    const notFolder = a.run(['sync', '--dir', file]);
    expect(notFolder.code).toBe(1);
    expect(notFolder.stderr).toBe(`engram: ${file} is not a folder (--dir)\n`);
    const badName = a.run(['sync', '--dir', path.join(env.dir, 's'), '--device', '../x']);
    expect(badName.code).toBe(2);
    expect(badName.stderr.trim().split('\n')).toHaveLength(1);
    env.write('s/other/2026-12.jsonl', 'garbage\n');
    const warned = a.run(['sync', '--dir', path.join(env.dir, 's'), '--json']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(`engram: warning: ${path.join(env.dir, 's', 'other', '2026-12.jsonl')}:1: malformed event (not JSON), skipped\n`);
    expect(JSON.parse(warned.stdout)).toMatchObject({ received: 0, pending: 0 });
  });
});
