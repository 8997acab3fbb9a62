/**
 * Obsidian spaced-repetition schedule comments. Formats from the plugin (st3v3nmw/obsidian-spaced-repetition,
 * src/constants.ts): MULTI_SCHEDULING_EXTRACTOR `/!([\d-]+),(\d+),(\d+)/gm` (one triple per card: a
 * reversed card has two, a cloze note one per deletion), the older single form without `!`, and
 * DUMMY_DUE_DATE_FOR_NEW_CARD "2000-01-01" for a sibling not yet reviewed.
 */
import { describe, expect, it } from 'vitest';
import { parseSrComment } from '../../src/interop/index.js';

describe('parseSrComment', () => {
  it('reads one triple for a basic card, with the ease as a factor', () => {
    expect(parseSrComment('What is 2+2?::4 <!--SR:!2026-12-20,30,250-->')).toEqual({
      ok: true, schedules: [{ due: '2026-12-20', intervalDays: 30, ease: 2.5 }],
    });
  });

  it('reads two triples for a reversed card and one per cloze deletion, with placeholders as new', () => {
    expect(parseSrComment('a:::b\n<!--SR:!2026-12-20,30,250!2026-12-25,10,230-->')).toEqual({
      ok: true, schedules: [{ due: '2026-12-20', intervalDays: 30, ease: 2.5 }, { due: '2026-12-25', intervalDays: 10, ease: 2.3 }],
    });
    expect(parseSrComment('==a== and ==b== and ==c== <!--SR:!2026-12-01,3,270!2000-01-01,1,250!2027-01-02,40,210-->')).toEqual({
      ok: true, schedules: [{ due: '2026-12-01', intervalDays: 3, ease: 2.7 }, null, { due: '2027-01-02', intervalDays: 40, ease: 2.1 }],
    });
  });

  it('reads the older single form, and says nothing about text without a comment', () => {
    expect(parseSrComment('q::a <!--SR:2021-08-11,4,270-->')).toEqual({ ok: true, schedules: [{ due: '2021-08-11', intervalDays: 4, ease: 2.7 }] });
    expect(parseSrComment('q::a')).toBeNull();
  });

  it('refuses a damaged comment instead of starting the card as new', () => {
    expect(parseSrComment('<!--SR:!2026-02-30,3,250-->')).toMatchObject({ ok: false, message: expect.stringContaining('impossible date') });
    expect(parseSrComment('<!--SR:!2026-02-10,0,250-->')).toMatchObject({ ok: false, message: expect.stringContaining('interval') });
    expect(parseSrComment('<!--SR:!2026-02-10,3,50-->')).toMatchObject({ ok: false, message: expect.stringContaining('ease') });
    expect(parseSrComment('<!--SR:garbage-->')).toMatchObject({ ok: false, message: expect.stringContaining('unreadable') });
  });
});
