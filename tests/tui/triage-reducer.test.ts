import { describe, expect, it } from 'vitest';
import { currentItem, initialTriage, isDone, restOfNote, skippedCount, triageReducer, type TriageItem } from '../../src/tui/triage/triage-reducer.js';

function item(id: number, file: string): TriageItem {
  return { id, deck: 'D', kind: 'qa', front: `q${id}`, back: `a${id}`, breadcrumb: [], source: { file, line: id } };
}

const items = [item(1, 'a.md'), item(2, 'a.md'), item(3, 'a.md'), item(4, 'b.md')];

describe('triage reducer', () => {
  it('a decision removes the item and the next one comes up; undo puts it back where it was', () => {
    let s = initialTriage(items);
    s = triageReducer(s, { type: 'decided', decision: 'accept', ids: [1], changed: [{ id: 1, from: 'suggested' }] });
    expect(currentItem(s)?.id).toBe(2);
    expect(s.accepted).toBe(1);
    s = triageReducer(s, { type: 'skip' });
    s = triageReducer(s, { type: 'decided', decision: 'reject', ids: [3], changed: [{ id: 3, from: 'suggested' }] });
    expect(currentItem(s)?.id).toBe(4);
    s = triageReducer(s, { type: 'undone' });
    expect(currentItem(s)?.id).toBe(3);
    expect(s.rejected).toBe(0);
    s = triageReducer(s, { type: 'undone' });
    expect(s.items.map((i) => i.id)).toEqual([1, 2, 3, 4]);
    expect(currentItem(s)?.id).toBe(1);
    expect(triageReducer(s, { type: 'undone' }).notice).toBe('nothing to undo');
  });

  it('the rest of the note is the item on screen and the following ones of the same file', () => {
    let s = triageReducer(initialTriage(items), { type: 'skip' });
    expect(restOfNote(s)).toEqual([2, 3]);
    s = triageReducer(s, { type: 'decided', decision: 'reject', ids: restOfNote(s), changed: [] });
    expect(s.rejected).toBe(2);
    expect(currentItem(s)?.id).toBe(4);
    s = triageReducer(s, { type: 'skip' });
    expect(isDone(s)).toBe(true);
    expect(skippedCount(s)).toBe(2);
  });

  it('a re-imported note replaces its items in place', () => {
    let s = triageReducer(initialTriage(items), { type: 'skip' });
    s = triageReducer(s, { type: 'reloaded', file: 'a.md', items: [item(7, 'a.md')], notice: 'note re-imported' });
    expect(s.items.map((i) => i.id)).toEqual([7, 4]);
    expect(currentItem(s)?.id).toBe(7);
    expect(s.notice).toBe('note re-imported');
  });
});

describe('triage screen text', () => {
  it('card sides wrap at spaces to the width instead of being cut', async () => {
    const { wrapLines } = await import('../../src/tui/triage/triage-screen.js');
    expect(wrapLines('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapLines('abcdefghijkl\nxy', 5)).toEqual(['abcde', 'fghij', 'kl', 'xy']);
  });
});
