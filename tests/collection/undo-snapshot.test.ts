/**
 * The undo snapshot is a typed value of core: what the collection writes with each answer must
 * decode to the card as it was, and the path the statistics SQL reads must point at the
 * interval the card had before the answer.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULED_DAYS_BEFORE, decodeUndoSnapshot, encodeUndoSnapshot, setNow } from '../../src/core/index.js';
import { useTempCollection } from '../helpers/collection.js';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const temp = useTempCollection(T0);

describe('the undo snapshot', () => {
  it('an answer stores the card as it was, which decodes to a typed snapshot', () => {
    const col = temp.col();
    const id = col.addCard('D', 'q', 'a').id;
    col.answer(id, 'easy');
    const before = col.getCard(id);
    setNow(before.memory.due);
    col.answer(id, 'good');
    const snapshot = decodeUndoSnapshot(col.store.lastReview()!.before);
    expect(snapshot).toEqual({
      memory: before.memory, suspended: false, tags: [], buriedUntil: 0, seenFront: 'q', seenBack: 'a', siblings: [],
    });
    expect(decodeUndoSnapshot(encodeUndoSnapshot(snapshot))).toEqual(snapshot);
  });

  it('the statistics\' JSON path reads the interval before the answer', () => {
    const col = temp.col();
    const id = col.addCard('D', 'q', 'a').id;
    col.answer(id, 'easy');
    const scheduledDays = col.getCard(id).memory.scheduledDays;
    expect(scheduledDays).toBeGreaterThan(0);
    setNow(col.getCard(id).memory.due);
    col.answer(id, 'good');
    const db = new Database(path.join(temp.dir(), 'engram.db'), { readonly: true });
    try {
      const read = db.prepare('SELECT json_extract(before, ?) AS days FROM reviews ORDER BY id DESC LIMIT 1').get(SCHEDULED_DAYS_BEFORE) as { days: number };
      expect(read.days).toBe(scheduledDays);
    } finally {
      db.close();
    }
  });

  it('a snapshot that is not JSON or lacks the card\'s state is refused with a message, not a crash', () => {
    expect(() => decodeUndoSnapshot('{')).toThrow('not JSON');
    expect(() => decodeUndoSnapshot('{"siblings": []}')).toThrow('incomplete');
    const old = decodeUndoSnapshot(JSON.stringify({ memory: { state: 'new' }, suspended: false, tags: [] }));
    expect(old).toMatchObject({ buriedUntil: 0, seenFront: null, seenBack: null, siblings: [] });
  });
});
