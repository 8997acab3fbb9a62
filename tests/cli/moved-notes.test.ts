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
const FUSION = '# Fusion\n\nWhat is early fusion?::Joining modalities at the input.\n\nWhat is late fusion?::Joining unimodal decisions.\n';

// Identity through moves, renames and deletions is tested in-process in
// tests/collection/import-identity.test.ts; here, what the command says about them.
describe('engram import on moved and deleted notes', () => {
  it('with --json, says on stderr which note moved and which is gone', () => {
    env.write('deck/old-name.md', FUSION);
    env.write('deck/gone.md', 'What is DTW?::Dynamic time warping.\n');
    expect(env.run(['import', path.join(env.dir, 'deck')], { now: NOW }).code).toBe(0);
    fs.renameSync(path.join(env.dir, 'deck/old-name.md'), path.join(env.dir, 'deck/new-name.md'));
    fs.rmSync(path.join(env.dir, 'deck/gone.md'));
    const r = env.run(['import', path.join(env.dir, 'deck'), '--json'], { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).cards).toEqual({ added: 0, updated: 0, unchanged: 2, retired: 1 });
    expect(r.stderr).toContain(`moved note ${path.join(env.dir, 'deck/old-name.md')} → ${path.join(env.dir, 'deck/new-name.md')}`);
    expect(r.stderr).toContain(`note gone: ${path.join(env.dir, 'deck/gone.md')}`);
    expect(r.stderr).not.toContain('; deck ');
  });

  it('says when a moved note changed deck (its folder), in the text summary and in the dry run JSON', () => {
    env.write('notes/ml/fusion.md', FUSION);
    expect(env.run(['import', path.join(env.dir, 'notes')], { now: NOW }).code).toBe(0);
    fs.mkdirSync(path.join(env.dir, 'notes/vision'));
    fs.renameSync(path.join(env.dir, 'notes/ml/fusion.md'), path.join(env.dir, 'notes/vision/fusion.md'));
    const dry = env.run(['import', path.join(env.dir, 'notes'), '--dry-run', '--json'], { now: NOW });
    expect(JSON.parse(dry.stdout).moved).toEqual([
      { from: path.join(env.dir, 'notes/ml/fusion.md'), to: path.join(env.dir, 'notes/vision/fusion.md'), deck: { from: 'ml', to: 'vision' } },
    ]);
    const r = env.run(['import', path.join(env.dir, 'notes')], { now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`moved note ${path.join(env.dir, 'notes/ml/fusion.md')} → ${path.join(env.dir, 'notes/vision/fusion.md')} (its cards keep their history; deck ml → vision)`);
  });
});
