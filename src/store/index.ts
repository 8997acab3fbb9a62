export { ALL_DECKS, QUARTER_MS, Store } from './store.js';
export type { NewCard, CardContent, CardScheduleUpdate, DeckStats, StoredDeck, CardClassCount, QuarterAggregate, NewReview, StoredPaper, StoredExample, DeclaredPaper } from './store.js';
export { SCHEMA_VERSION } from './migrations.js';
