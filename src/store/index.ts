export { ALL_DECKS, CALIBRATION_PARTS, QUARTER_MS, Store, calibrationPart } from './store.js';
export type {
  NewCard, CardContent, CardScheduleUpdate, DeckStats, StoredDeck, CardClassCount, QuarterAggregate, NewReview, StoredPaper,
  StoredExample, DeclaredPaper, KnownNote, NoteStat, CardKey, DeckTodayCounts,
} from './store.js';
export { SCHEMA_VERSION } from './migrations.js';
export { SEARCH_ORDERS, type SearchClock, type SearchOrder, type SearchScope, type PreviewReview } from './store.js';
