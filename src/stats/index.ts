export type * from './types.js';
export { addDays, isoDate, weekday } from './calendar.js';
export { buildHeatmap, heatLevel } from './heatmap.js';
export { MATURE_DAYS, passRate, retentionWindow } from './retention.js';
export { studyStreaks } from './streaks.js';
export { PERIOD_DAYS, RETENTION_WINDOWS, summarizeStats } from './summarize.js';
