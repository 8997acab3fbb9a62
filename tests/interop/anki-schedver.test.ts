/**
 * Which Anki scheduler gave the answers decides what an ease means. Golden rules, from Anki's code:
 * - A collection without `schedVer` is on v1: `scheduler_version()` in rslib/src/config/mod.rs is
 *   `get_config_optional(SchedulerVersion).unwrap_or(SchedulerVersion::V1)`.
 * - v1 learning answers have three buttons (pylib/anki/scheduler/v1.py, `_answerLrnCard`:
 *   "ease 1=no, 2=yes, 3=remove"), logged as type 0 (learn), 2 (relearn, a review card) or 3 (cram,
 *   a filtered-deck card that was not new); review answers (`_answerRevCard`, type 1) have four.
 * - Anki's own v1 → v2 upgrade rewrites exactly that: rslib/src/storage/revlog/v2_upgrade.sql is
 *   `UPDATE revlog SET ease = ease + 1 WHERE ease IN (2, 3) AND type IN (0, 2)`. (It leaves type 3
 *   alone; v1.py logs cram from the three-button path, so Engram reads v1 cram on that scale.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importAnki } from '../../src/collection/anki-import.js';
import { parseSchedVer, revlogGrade } from '../../src/interop/index.js';
import { withCollectionAt } from '../helpers/collection.js';
import { DAY, IDS, T0, buildApkg, type REVLOG } from './anki-fixture.js';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engram-schedver-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = T0 + 30 * DAY;
const MIN = 60_000;

/** A v1 history of the basic card: learned with "good" twice, reviewed, lapsed, relearned, crammed. */
const V1_LOG: typeof REVLOG = [
  [IDS.basicForward, T0, 2, 0, 5000], // learn, good
  [IDS.basicForward, T0 + 10 * MIN, 2, 0, 4000], // learn, good: graduates
  [IDS.basicForward, T0 + 1 * DAY, 2, 1, 3000], // review, hard
  [IDS.basicForward, T0 + 4 * DAY, 1, 1, 9000], // review, again: lapse
  [IDS.basicForward, T0 + 4 * DAY + 10 * MIN, 2, 2, 4000], // relearn, good
  [IDS.basicForward, T0 + 5 * DAY, 3, 3, 2000], // cram, easy (the v1 "remove" button)
  [IDS.basicForward, T0 + 9 * DAY, 4, 1, 2000], // review, easy
  [IDS.clozeOne, T0 + MIN, 2, 0, 6000], // learn, good
  [IDS.clozeOne, T0 + 11 * MIN, 3, 0, 3000], // learn, easy: graduates early
];

function importInto(db: string, conf: Record<string, unknown>, log: typeof REVLOG, name: string) {
  const apkg = buildApkg(dir, name, 'collection.anki2', log, conf);
  return withCollectionAt(db, NOW, (col) => {
    const result = importAnki(col, apkg);
    const byKey = new Map(col.cards({}).map((c) => [c.itemKey, { state: c.memory.state, grades: col.reviewsOf(c.id).map((r) => r.grade) }]));
    return { result, forward: byKey.get(`anki:${IDS.basicNote}:0`)!, cloze: byKey.get(`anki:${IDS.clozeNote}:0`)! };
  });
}

/** Anki's v2_upgrade.sql applied to a log: learn and relearn eases 2 and 3 move up by one. */
const upgradedToV2 = (log: typeof REVLOG): typeof REVLOG =>
  log.map(([cid, at, ease, type, ms]) => [cid, at, (type === 0 || type === 2) && (ease === 2 || ease === 3) ? ease + 1 : ease, type, ms]);

describe('Anki schedVer', () => {
  it('reads a collection without schedVer as v1, and a broken or odd value the way Anki falls back', () => {
    expect(parseSchedVer('{}')).toBe(1);
    expect(parseSchedVer(JSON.stringify({ schedVer: 1 }))).toBe(1);
    expect(parseSchedVer(JSON.stringify({ schedVer: 2 }))).toBe(2);
    expect(parseSchedVer(JSON.stringify({ schedVer: '2' }))).toBe(1);
    expect(parseSchedVer('null')).toBe(1);
    expect(parseSchedVer('not json')).toBe(1);
  });

  it('maps v1 learn, relearn and cram eases on three buttons and review eases on four; v2 on four everywhere', () => {
    const v1 = (ease: number, type: number) => revlogGrade({ ease, type }, 1);
    const v2 = (ease: number, type: number) => revlogGrade({ ease, type }, 2);
    for (const type of [0, 2, 3]) {
      expect([1, 2, 3, 4].map((e) => v1(e, type))).toEqual(['again', 'good', 'easy', null]);
      expect([1, 2, 3, 4].map((e) => v2(e, type))).toEqual(['again', 'hard', 'good', 'easy']);
    }
    expect([1, 2, 3, 4].map((e) => v1(e, 1))).toEqual(['again', 'hard', 'good', 'easy']);
    expect([1, 2, 3, 4].map((e) => v2(e, 1))).toEqual(['again', 'hard', 'good', 'easy']);
    // Manual entries (4: reschedule/forget, 5: v3 "set due date") and ease 0 are not answers.
    for (const sched of [1, 2] as const) {
      expect(revlogGrade({ ease: 3, type: 4 }, sched)).toBeNull();
      expect(revlogGrade({ ease: 3, type: 5 }, sched)).toBeNull();
      expect(revlogGrade({ ease: 0, type: 1 }, sched)).toBeNull();
    }
  });

  it('imports a v1 package with the grades the v1 buttons meant, so learned cards land in review', () => {
    const { result, forward, cloze } = importInto(path.join(dir, 'v1.db'), {}, V1_LOG, 'v1.apkg');
    expect(result.scheduler).toBe(1);
    expect(result.reviews).toBe(9);
    expect(forward.grades).toEqual(['good', 'good', 'hard', 'again', 'good', 'easy', 'easy']);
    expect(cloze.grades).toEqual(['good', 'easy']);
    expect(forward.state).toBe('review');
    expect(cloze.state).toBe('review');
  });

  it('reads the same eases in a v2 package on four buttons', () => {
    const { result, forward, cloze } = importInto(path.join(dir, 'v2.db'), { schedVer: 2 }, V1_LOG, 'v2.apkg');
    expect(result.scheduler).toBe(2);
    expect(forward.grades).toEqual(['hard', 'hard', 'hard', 'again', 'hard', 'good', 'easy']);
    expect(cloze.grades).toEqual(['hard', 'good']);
  });

  it('gives a v1 package the history Anki gives it after upgrading the collection to v2', () => {
    const answered = V1_LOG.filter(([, , , type]) => type !== 3);
    const v1 = importInto(path.join(dir, 'v1.db'), {}, answered, 'v1.apkg');
    const upgraded = importInto(path.join(dir, 'up.db'), { schedVer: 2 }, upgradedToV2(answered), 'upgraded.apkg');
    expect(v1.forward).toEqual(upgraded.forward);
    expect(v1.cloze).toEqual(upgraded.cloze);
  });

  it('leaves out a v1 learning answer with ease 4, which its three buttons could not give', () => {
    const log: typeof REVLOG = [[IDS.basicForward, T0, 4, 0, 1000], [IDS.basicForward, T0 + MIN, 2, 0, 1000]];
    const { result, forward } = importInto(path.join(dir, 'odd.db'), {}, log, 'odd.apkg');
    expect(result.reviews).toBe(1);
    expect(forward.grades).toEqual(['good']);
  });
});
