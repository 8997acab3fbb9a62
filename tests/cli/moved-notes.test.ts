import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempEnv, type TempEnv } from '../helpers/cli.js';

let env: TempEnv;
beforeEach(() => {
  env = tempEnv();
});
afterEach(() => env.cleanup());

const NOW = '2026-12-01T09:00:00Z';
const LATER = '2026-12-05T09:00:00Z';
const FUSION = '# Fusion\n\nWhat is early fusion?::Joining modalities at the input.\n\nWhat is late fusion?::Joining unimodal decisions.\n\nWhat is tensor fusion?::An outer product of [x_A,1] and [x_B,1].\n';

interface CardJson { id: number; front: string; source: { file: string }; reps: number; retired: boolean }

function importDeck(now = NOW) {
  return env.run(['import', path.join(env.dir, 'deck')], { now });
}

describe('moving, renaming and deleting note files', () => {
  it('a renamed note keeps its cards, ids and history, even with an edit, and says so', () => {
    env.write('deck/old-name.md', FUSION);
    expect(importDeck().code).toBe(0);
    const before = env.json<CardJson[]>(['cards']);
    env.json(['answer', String(before[0]?.id), 'good'], { now: NOW });

    fs.renameSync(path.join(env.dir, 'deck/old-name.md'), path.join(env.dir, 'deck/new-name.md'));
    env.write('deck/new-name.md', FUSION.replace('Joining unimodal decisions.', 'Combining the unimodal decisions.'));
    const r = importDeck(LATER);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`moved note ${path.join(env.dir, 'deck/old-name.md')} → ${path.join(env.dir, 'deck/new-name.md')}`);
    expect(r.stdout).toMatch(/0 added, 1 updated, 2 unchanged, 0 retired/);

    const after = env.json<CardJson[]>(['cards']);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.every((c) => c.source.file === path.join(env.dir, 'deck/new-name.md'))).toBe(true);
    expect(env.json(['show', String(before[0]?.id)]).reviews).toHaveLength(1);
  });

  it('a deleted note\'s cards are retired, and come back with their history when it returns', () => {
    env.write('deck/fusion.md', FUSION);
    env.write('deck/other.md', 'What is DTW?::Dynamic time warping.\n');
    importDeck();
    const id = env.json<CardJson[]>(['cards']).find((c) => c.front === 'What is late fusion?')?.id;
    env.json(['answer', String(id), 'good'], { now: NOW });

    fs.rmSync(path.join(env.dir, 'deck/fusion.md'));
    const r = importDeck(LATER);
    expect(r.stdout).toMatch(/0 added, 0 updated, 1 unchanged, 3 retired/);
    expect(r.stdout).toContain(`note gone: ${path.join(env.dir, 'deck/fusion.md')}`);
    expect(env.json<unknown[]>(['due'], { now: LATER })).not.toContainEqual(expect.objectContaining({ id }));
    expect(importDeck(LATER).stdout).not.toContain('note gone');

    env.write('deck/fusion.md', FUSION);
    importDeck(LATER);
    const back = env.json(['show', String(id)]);
    expect(back.retired).toBe(false);
    expect(back.reviews).toHaveLength(1);
  });

  it('importing one file never retires other notes', () => {
    env.write('deck/fusion.md', FUSION);
    env.write('deck/other.md', 'What is DTW?::Dynamic time warping.\n');
    importDeck();
    fs.rmSync(path.join(env.dir, 'deck/fusion.md'));
    const r = env.run(['import', path.join(env.dir, 'deck/other.md')], { now: LATER });
    expect(r.stdout).toMatch(/0 retired/);
    expect(env.json<CardJson[]>(['cards']).filter((c) => !c.retired)).toHaveLength(4);
  });
});
