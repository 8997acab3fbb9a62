/** True retention: the share of review-state answers that were not `again`. */
import type { DayActivity, PassRate, RetentionWindow } from './types.js';

/** Interval (days, before the answer) from which a card counts as mature, as in Anki. */
export const MATURE_DAYS = 21;

export function passRate(pass: number, fail: number): PassRate {
  return { pass, fail, rate: pass + fail > 0 ? pass / (pass + fail) : null };
}

/** Pass rates over the last `days` study days (today included), young, mature and together. */
export function retentionWindow(activity: readonly DayActivity[], days: number): RetentionWindow {
  let youngPass = 0;
  let youngFail = 0;
  let maturePass = 0;
  let matureFail = 0;
  for (const day of activity) {
    if (day.ago < 0 || day.ago >= days) continue;
    youngPass += day.youngPass;
    youngFail += day.youngFail;
    maturePass += day.maturePass;
    matureFail += day.matureFail;
  }
  return {
    days,
    young: passRate(youngPass, youngFail),
    mature: passRate(maturePass, matureFail),
    all: passRate(youngPass + maturePass, youngFail + matureFail),
  };
}
