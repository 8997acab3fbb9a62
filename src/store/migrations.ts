/**
 * Numbered schema migrations, tracked in PRAGMA user_version. Never edit a released
 * migration: add the next one. The pending ones run together in one transaction (open-store.ts).
 */
import { SCHEDULED_DAYS_BEFORE } from '../core/index.js';

/** Migration 10's triggers: the row `new` added to its deck's and to all decks' quarter-hour counts. */
const ADD_NEW_REVIEW = `    INSERT INTO review_quarters
      SELECT d.deck_id, v.quarter, 1, v.duration_ms, v.retention AND NOT v.mature AND NOT v.failed, v.retention AND NOT v.mature AND v.failed,
        v.retention AND v.mature AND NOT v.failed, v.retention AND v.mature AND v.failed
      FROM review_classes v, (SELECT 0 AS deck_id UNION ALL SELECT deck_id FROM cards WHERE id = new.card_id) d WHERE v.id = new.id
      ON CONFLICT DO UPDATE SET reviews = reviews + 1, duration_ms = duration_ms + excluded.duration_ms,
        young_pass = young_pass + excluded.young_pass, young_fail = young_fail + excluded.young_fail,
        mature_pass = mature_pass + excluded.mature_pass, mature_fail = mature_fail + excluded.mature_fail;`;

/** Migration 10's triggers: the row `old` taken out of the counts it was added to. */
const REMOVE_OLD_REVIEW = `    UPDATE review_quarters SET reviews = review_quarters.reviews - 1, duration_ms = review_quarters.duration_ms - v.duration_ms,
        young_pass = review_quarters.young_pass - (v.retention AND NOT v.mature AND NOT v.failed), young_fail = review_quarters.young_fail - (v.retention AND NOT v.mature AND v.failed),
        mature_pass = review_quarters.mature_pass - (v.retention AND v.mature AND NOT v.failed), mature_fail = review_quarters.mature_fail - (v.retention AND v.mature AND v.failed)
      FROM review_classes v
      WHERE v.id = old.id AND review_quarters.quarter = v.quarter
        AND review_quarters.deck_id IN (0, (SELECT deck_id FROM cards WHERE id = old.card_id));`;

/** Migration 13's triggers: a card row (`row`: new or old) as one card of its deck's class, added (+) or taken out (-). */
const cardClassChange = (row: 'new' | 'old', sign: '+' | '-') => sign === '+'
  ? `    INSERT INTO card_counts VALUES (new.deck_id, new.status, new.state, new.suspended, new.kind = 'paper', 1, new.stability, new.difficulty)
      ON CONFLICT DO UPDATE SET n = n + 1, stability = stability + excluded.stability, difficulty = difficulty + excluded.difficulty;`.replaceAll('new.', `${row}.`)
  : `    UPDATE card_counts SET n = n - 1, stability = stability - old.stability, difficulty = difficulty - old.difficulty
      WHERE deck_id = old.deck_id AND status = old.status AND state = old.state AND suspended = old.suspended AND paper = (old.kind = 'paper');`.replaceAll('old.', `${row}.`);

/** Migration 13: whether a card row is live and at or below the mark (counted in card_counts rather than read from the tail). */
const countedRow = (row: 'new' | 'old') => `${row}.retired = 0 AND ${row}.id <= (SELECT mark FROM card_counts_mark)`;

/**
 * Migration 13: each deck's calibration cache is kept in 16 parts, a card in the part its id
 * hashes to, so an answer drops one part of its deck (the next `engram stats` replays about a
 * sixteenth of the deck's log, not all of it). The hash (Fibonacci hashing: bits 16–19 of the
 * low 32 bits of id × 2654435761) spreads ids that follow a pattern (every 100th card in one
 * deck) over all parts, which `id % 16` would not. Frozen with the migration's text.
 */
export const CALIBRATION_PARTS = 16;

/** The calibration part of a card id, in SQL (exact in 64-bit integers for ids below 2^31). */
export const calibrationPartSql = (id: string) => `(((${id} * 2654435761) & 4294967295) >> 16) & 15`;

/** calibrationPartSql in JavaScript: the same bits. */
export function calibrationPart(id: number): number {
  return (Math.imul(id, 0x9e3779b1) >>> 16) & 15;
}

/** Migration 13's triggers: a review_quarters row (`row`) added to (+) or taken out of (-) its hour's counts. */
const hourChange = (row: 'new' | 'old', sign: '+' | '-') => {
  const columns = ['reviews', 'duration_ms', 'young_pass', 'young_fail', 'mature_pass', 'mature_fail'];
  return `    INSERT INTO review_hours VALUES (${row}.deck_id, ${row}.quarter / 4, ${columns.map((c) => `${sign === '-' ? '-' : ''}${row}.${c}`).join(', ')})
      ON CONFLICT DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
};

/** The columns that decide a card's class in card_counts (and its sums). */
const CLASS_COLUMNS = 'id, deck_id, status, state, suspended, kind, retired, stability, difficulty';

export const MIGRATIONS: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE decks (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    options TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    imported_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    note_id INTEGER REFERENCES notes(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    front TEXT NOT NULL,
    back TEXT NOT NULL,
    source_file TEXT,
    source_line INTEGER,
    breadcrumb TEXT NOT NULL DEFAULT '[]',
    item_key TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    state TEXT NOT NULL DEFAULT 'new',
    due INTEGER NOT NULL,
    stability REAL NOT NULL DEFAULT 0,
    difficulty REAL NOT NULL DEFAULT 0,
    elapsed_days REAL NOT NULL DEFAULT 0,
    scheduled_days REAL NOT NULL DEFAULT 0,
    learning_steps INTEGER NOT NULL DEFAULT 0,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    last_review INTEGER,
    suspended INTEGER NOT NULL DEFAULT 0,
    buried_until INTEGER NOT NULL DEFAULT 0,
    retired INTEGER NOT NULL DEFAULT 0,
    new_position INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL,
    -- text the card had when it was last answered, to mark cards edited since
    seen_front TEXT,
    seen_back TEXT
  ) STRICT;
  CREATE INDEX cards_review_due ON cards(deck_id, due) WHERE state = 'review' AND retired = 0 AND suspended = 0;
  CREATE INDEX cards_learning_due ON cards(due) WHERE state IN ('learning', 'relearning') AND retired = 0 AND suspended = 0;
  CREATE INDEX cards_new ON cards(deck_id, new_position) WHERE state = 'new' AND retired = 0 AND suspended = 0;
  CREATE INDEX cards_note ON cards(note_id);
  CREATE INDEX cards_item ON cards(deck_id, item_key);

  -- Append-only: a row is only ever deleted by undo of that very answer.
  CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id),
    grade TEXT NOT NULL,
    reviewed_at INTEGER NOT NULL,
    elapsed_days REAL NOT NULL,
    duration_ms INTEGER,
    state_before TEXT NOT NULL,
    state_after TEXT NOT NULL,
    before TEXT NOT NULL
  ) STRICT;
  CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);
  CREATE INDEX reviews_time ON reviews(reviewed_at);

  CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    venue TEXT,
    year INTEGER,
    slugs TEXT NOT NULL DEFAULT '[]'
  ) STRICT;

  CREATE TABLE paper_citations (
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (paper_id, note_id, line)
  ) STRICT;

  CREATE TABLE card_papers (
    card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    PRIMARY KEY (card_id, paper_id)
  ) STRICT;

  CREATE TABLE examples (
    card_id INTEGER PRIMARY KEY REFERENCES cards(id) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    code TEXT NOT NULL,
    line INTEGER NOT NULL
  ) STRICT;
  `,
  // 2: a record of FSRS parameter fits per deck, so a fit can be compared with the one before
  `
  CREATE TABLE fsrs_fits (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
    weights TEXT NOT NULL,
    review_count INTEGER NOT NULL,
    fitted_at INTEGER NOT NULL
  ) STRICT;
  `,
  // 3: new cards take the next position with MAX(new_position); without an index that scans
  // every card on each insert, which made big imports quadratic
  `
  CREATE INDEX cards_position ON cards(new_position);
  `,
  // 4: papers declared in a papers note carry what the quiz asks about (the idea, the topic)
  // and where they were declared; an example read from a deck file remembers its path
  `
  ALTER TABLE papers ADD COLUMN first_author TEXT;
  ALTER TABLE papers ADD COLUMN idea TEXT;
  ALTER TABLE papers ADD COLUMN topic TEXT;
  ALTER TABLE papers ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE papers ADD COLUMN declared_in TEXT;
  ALTER TABLE examples ADD COLUMN path TEXT;
  `,
  // 5: papers are looked up by their cards (the papers list, pruning, the quiz's --deck); the
  // primary key (card_id, paper_id) only serves the other direction
  `
  CREATE INDEX card_papers_paper ON card_papers(paper_id);
  `,
  // 6: cards found in prose are suggestions until the user accepts them; a rejected one keeps
  // its row (status 'rejected') so a re-import of the same text leaves it rejected. Prose cards
  // already stored and never answered become suggestions; answered ones stay in the queue.
  `
  ALTER TABLE cards ADD COLUMN status TEXT NOT NULL DEFAULT 'accepted';
  UPDATE cards SET status = 'suggested'
    WHERE reps = 0 AND state = 'new' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.card_id = cards.id)
      AND (kind IN ('qa', 'definition', 'heading') OR (kind = 'reversed' AND item_key LIKE '%#definition:%'));
  CREATE INDEX cards_suggested ON cards(note_id, source_line) WHERE status = 'suggested';
  `,
  // 7: a card can carry one of four coloured flags (0: none), as in Anki; searched with flag:N
  `
  ALTER TABLE cards ADD COLUMN flag INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX cards_flag ON cards(flag) WHERE flag <> 0;
  `,
  // 8: an unchanged note is skipped by its file's size and mtime (ns) before it is read and
  // hashed, as git does; read_with is the parser version and import options the content hash
  // was made with. NULL: not known (or racily close to the import), so the file is hashed.
  // A note's citations are replaced by note id on every import of it: without an index that
  // scanned every citation once per note (quadratic on a vault with citations).
  `
  ALTER TABLE notes ADD COLUMN size INTEGER;
  ALTER TABLE notes ADD COLUMN mtime_ns INTEGER;
  ALTER TABLE notes ADD COLUMN read_with TEXT;
  CREATE INDEX paper_citations_note ON paper_citations(note_id);
  `,
  // 9: the search language. Text terms go through an FTS5 index of the cards' front and back
  // (accents and case folded), an external-content table kept in step with every card write (the
  // store indexes the cards it inserts, triggers the updates and deletes); custom study's preview answers (cram) go to a table of their own, which the
  // optimizer, stats, calibration and replay never read, so they change no schedule
  `
  CREATE VIRTUAL TABLE cards_fts USING fts5(front, back, content='cards', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  -- No insert trigger: any AFTER INSERT trigger on cards made each insert several times slower
  -- (a first import twice as slow), so the store indexes the cards it inserts itself, a bulk
  -- write's in one statement at its end (store/tables/cards.ts, withSearchIndexDeferred).
  CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, front, back) VALUES ('delete', old.id, old.front, old.back);
  END;
  CREATE TRIGGER cards_fts_update AFTER UPDATE OF front, back ON cards
    WHEN old.front IS NOT new.front OR old.back IS NOT new.back BEGIN
    INSERT INTO cards_fts(cards_fts, rowid, front, back) VALUES ('delete', old.id, old.front, old.back);
    INSERT INTO cards_fts(rowid, front, back) VALUES (new.id, new.front, new.back);
  END;
  INSERT INTO cards_fts(cards_fts) VALUES ('rebuild');

  CREATE TABLE preview_reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    grade TEXT NOT NULL,
    reviewed_at INTEGER NOT NULL,
    duration_ms INTEGER
  ) STRICT;
  CREATE INDEX preview_reviews_card ON preview_reviews(card_id, reviewed_at);
  `,
  // 10: counts that stay fast at a million cards: live cards per deck and class from a covering
  // index; the review log per deck (deck 0: all decks) and UTC quarter hour (every time zone's
  // day starts on a quarter hour), kept in step by triggers (so every writer, an answer, an
  // undo, a restore or a raw INSERT, keeps it right), with the retention classes of `engram
  // stats` (mature: 21 days or more before the answer, frozen here as this migration's text is);
  // a cache of each deck's calibration replay, dropped by any change to the deck's log. Plus the
  // indexes the forecast and the buried count seek with. (Triggers on cards were tried for the
  // card counts: any AFTER INSERT trigger on cards made each insert several times slower.)
  `
  -- Live cards per deck and class, counted from this index alone (no table row is read).
  CREATE INDEX cards_deck_counts ON cards(deck_id, status, state, suspended, kind, stability, difficulty) WHERE retired = 0;

  CREATE TABLE review_quarters (
    deck_id INTEGER NOT NULL,
    quarter INTEGER NOT NULL,
    reviews INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    young_pass INTEGER NOT NULL,
    young_fail INTEGER NOT NULL,
    mature_pass INTEGER NOT NULL,
    mature_fail INTEGER NOT NULL,
    PRIMARY KEY (deck_id, quarter)
  ) STRICT, WITHOUT ROWID;
  CREATE VIEW review_classes AS
    SELECT r.id, r.card_id, r.reviewed_at / 900000 AS quarter, COALESCE(r.duration_ms, 0) AS duration_ms,
      r.state_before = 'review' AND COALESCE(CASE WHEN json_valid(r.before) THEN json_extract(r.before, '${SCHEDULED_DAYS_BEFORE}') END, r.elapsed_days) >= 21 AS mature,
      r.state_before = 'review' AS retention, r.grade = 'again' AS failed
    FROM reviews r;
  INSERT INTO review_quarters
    SELECT c.deck_id, v.quarter, COUNT(*), SUM(v.duration_ms),
      SUM(v.retention AND NOT v.mature AND NOT v.failed), SUM(v.retention AND NOT v.mature AND v.failed),
      SUM(v.retention AND v.mature AND NOT v.failed), SUM(v.retention AND v.mature AND v.failed)
    FROM review_classes v JOIN cards c ON c.id = v.card_id GROUP BY c.deck_id, v.quarter;
  INSERT INTO review_quarters
    SELECT 0, quarter, SUM(reviews), SUM(duration_ms), SUM(young_pass), SUM(young_fail), SUM(mature_pass), SUM(mature_fail)
    FROM review_quarters GROUP BY quarter;
  CREATE TABLE calibration_cache (
    deck_id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    sums TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER review_quarters_insert AFTER INSERT ON reviews BEGIN
${ADD_NEW_REVIEW}
    DELETE FROM calibration_cache WHERE deck_id = (SELECT deck_id FROM cards WHERE id = new.card_id);
  END;
  CREATE TRIGGER review_quarters_delete BEFORE DELETE ON reviews BEGIN
${REMOVE_OLD_REVIEW}
    DELETE FROM calibration_cache WHERE deck_id = (SELECT deck_id FROM cards WHERE id = old.card_id);
  END;
  -- A log row rewritten in place (sync's replay writes each answer's states and undo snapshot)
  -- leaves the counts as a delete of the old row and an insert of the new one would.
  CREATE TRIGGER review_quarters_update_old BEFORE UPDATE OF card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, before ON reviews BEGIN
${REMOVE_OLD_REVIEW}
  END;
  CREATE TRIGGER review_quarters_update_new AFTER UPDATE OF card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, before ON reviews BEGIN
${ADD_NEW_REVIEW}
    DELETE FROM calibration_cache WHERE deck_id IN ((SELECT deck_id FROM cards WHERE id = old.card_id), (SELECT deck_id FROM cards WHERE id = new.card_id));
  END;
  -- A card moving to another deck takes its history along, as the stats' join on cards does.
  CREATE TRIGGER review_quarters_move AFTER UPDATE OF deck_id ON cards WHEN old.deck_id IS NOT new.deck_id BEGIN
    UPDATE review_quarters SET reviews = review_quarters.reviews - m.reviews, duration_ms = review_quarters.duration_ms - m.duration_ms,
        young_pass = review_quarters.young_pass - m.young_pass, young_fail = review_quarters.young_fail - m.young_fail,
        mature_pass = review_quarters.mature_pass - m.mature_pass, mature_fail = review_quarters.mature_fail - m.mature_fail
      FROM (SELECT quarter, COUNT(*) AS reviews, SUM(duration_ms) AS duration_ms,
          SUM(retention AND NOT mature AND NOT failed) AS young_pass, SUM(retention AND NOT mature AND failed) AS young_fail,
          SUM(retention AND mature AND NOT failed) AS mature_pass, SUM(retention AND mature AND failed) AS mature_fail
        FROM review_classes WHERE card_id = new.id GROUP BY quarter) m
      WHERE review_quarters.deck_id = old.deck_id AND review_quarters.quarter = m.quarter;
    INSERT INTO review_quarters
      SELECT new.deck_id, quarter, COUNT(*), SUM(duration_ms),
          SUM(retention AND NOT mature AND NOT failed), SUM(retention AND NOT mature AND failed),
          SUM(retention AND mature AND NOT failed), SUM(retention AND mature AND failed)
        FROM review_classes WHERE card_id = new.id GROUP BY quarter
      ON CONFLICT DO UPDATE SET reviews = reviews + excluded.reviews, duration_ms = duration_ms + excluded.duration_ms,
        young_pass = young_pass + excluded.young_pass, young_fail = young_fail + excluded.young_fail,
        mature_pass = mature_pass + excluded.mature_pass, mature_fail = mature_fail + excluded.mature_fail;
    DELETE FROM calibration_cache WHERE deck_id IN (old.deck_id, new.deck_id);
  END;
  -- The forecast reads only the index; a bury is found by seeking the buried cards alone.
  CREATE INDEX cards_review_forecast ON cards(deck_id, due) WHERE state = 'review' AND retired = 0 AND suspended = 0 AND status = 'accepted';
  CREATE INDEX cards_buried ON cards(buried_until) WHERE buried_until > 0;
  `,
  // 11: the action journal, an undo stack kept in the database (engram undo works across
  // processes) and the typed record of every card action (answer, suspend, bury, flag, forget,
  // tag, reschedule) that sync can carry as events; a card remembers the tags the user added or
  // removed by hand, so a re-import of its note keeps them; a card can ask for a typed answer
  // (type_in). The last answer already logged gets
  // a journal entry, so the undo that worked before the upgrade still works.
  `
  CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    change TEXT NOT NULL,
    before TEXT NOT NULL DEFAULT '[]',
    review_id INTEGER,
    undone_at INTEGER
  ) STRICT;
  CREATE INDEX actions_open ON actions(id) WHERE undone_at IS NULL;
  ALTER TABLE cards ADD COLUMN tag_edits TEXT NOT NULL DEFAULT '{"add":[],"remove":[]}';
  ALTER TABLE cards ADD COLUMN type_in INTEGER NOT NULL DEFAULT 0;
  INSERT INTO actions (kind, at, change, review_id)
    SELECT 'answer', reviewed_at, json_object('kind', 'answer', 'cardId', card_id, 'reviewId', id, 'grade', grade), id
    FROM reviews ORDER BY id DESC LIMIT 1;
  `,
  // 12: sync through a shared folder: this database's
  // device id, the remembered folder and autoSync (sync_settings); every event made here or read
  // from another device's file, by id, so none is applied twice (sync_events; 'local', 'applied'
  // or 'pending' until its card appears; a forget or reschedule names its local card, which the
  // replay reads); how far each device file has been read (sync_files)
  `
  CREATE TABLE sync_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE sync_events (
    id TEXT PRIMARY KEY,
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    time INTEGER NOT NULL,
    type TEXT NOT NULL,
    -- the card key (or deck and option) a last-writer-wins event sets; an undo's answer event id in target
    slot TEXT,
    target TEXT,
    line TEXT NOT NULL,
    status TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    review_id INTEGER,
    -- the local card a forget or reschedule applies to (the replay of the card's log reads them)
    card_id INTEGER
  ) STRICT;
  CREATE INDEX sync_events_device ON sync_events(device, seq);
  CREATE INDEX sync_events_slot ON sync_events(type, slot, time) WHERE slot IS NOT NULL;
  CREATE INDEX sync_events_review ON sync_events(review_id) WHERE review_id IS NOT NULL;
  CREATE INDEX sync_events_pending ON sync_events(time) WHERE status = 'pending';
  CREATE INDEX sync_events_unsent ON sync_events(seq) WHERE sent = 0 AND status = 'local';
  CREATE INDEX sync_events_target ON sync_events(target) WHERE target IS NOT NULL;
  CREATE INDEX sync_events_card ON sync_events(card_id) WHERE card_id IS NOT NULL;
  CREATE TABLE sync_files (path TEXT PRIMARY KEY, offset INTEGER NOT NULL) STRICT;
  `,
  // 13: live cards per deck and class kept as counts and sums (card_counts), so `engram decks`
  // and `engram stats` read a few hundred rows instead of every card's index entry. Cards with
  // ids above card_counts_mark (the tail: the cards inserted since the last fold) are counted
  // from the table by a rowid range instead, so cards has no INSERT trigger (any AFTER INSERT
  // trigger on cards, even one whose WHEN is false, made the import's inserts 5 times slower);
  // the store folds the tail into the counts at the end of each bulk write and when a read finds
  // it long. Triggers on UPDATE and DELETE keep the counted rows right for every writer: an
  // answer, a suspend, a retire, a delete, a move, a raw UPDATE; deleting the top cards brings
  // the mark down, so a reused id lands in the tail. (Only an INSERT with an explicit id into a
  // gap below the mark would be missed; engram never writes a card id.) And the
  // calibration cache kept per part of a deck (CALIBRATION_PARTS), so one answer does not make
  // the next `engram stats` replay its whole deck's log (a second at 10,000 reviews a deck). And
  // the log counts per UTC hour (review_hours), kept from migration 10's quarter hours.
  `
  CREATE TABLE card_counts (
    deck_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    state TEXT NOT NULL,
    suspended INTEGER NOT NULL,
    paper INTEGER NOT NULL,
    n INTEGER NOT NULL,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    PRIMARY KEY (deck_id, status, state, suspended, paper)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE card_counts_mark (id INTEGER PRIMARY KEY CHECK (id = 1), mark INTEGER NOT NULL) STRICT;
  INSERT INTO card_counts_mark VALUES (1, COALESCE((SELECT MAX(id) FROM cards), 0));
  INSERT INTO card_counts
    SELECT deck_id, status, state, suspended, kind = 'paper', COUNT(*), TOTAL(stability), TOTAL(difficulty)
    FROM cards WHERE retired = 0 GROUP BY deck_id, status, state, suspended, kind = 'paper';
  -- One trigger (the order of two on one event is not defined): the card taken out if it was
  -- counted, then, if it was the top card, the mark brought down to the highest id left, so the
  -- id SQLite gives the next insert (the highest + 1) is above it, in the tail.
  CREATE TRIGGER card_counts_delete AFTER DELETE ON cards WHEN old.id <= (SELECT mark FROM card_counts_mark) BEGIN
${cardClassChange('old', '-').replace(/;$/, ' AND old.retired = 0;')}
    UPDATE card_counts_mark SET mark = (SELECT COALESCE(MAX(id), 0) FROM cards) WHERE mark > (SELECT COALESCE(MAX(id), 0) FROM cards);
  END;
  CREATE TRIGGER card_counts_update_old AFTER UPDATE OF ${CLASS_COLUMNS} ON cards WHEN ${countedRow('old')} BEGIN
${cardClassChange('old', '-')}
  END;
  CREATE TRIGGER card_counts_update_new AFTER UPDATE OF ${CLASS_COLUMNS} ON cards WHEN ${countedRow('new')} BEGIN
${cardClassChange('new', '+')}
  END;

  -- The calibration cache in parts of each deck; a change to a card's log drops its part only.
  DROP TRIGGER review_quarters_insert;
  DROP TRIGGER review_quarters_delete;
  DROP TRIGGER review_quarters_update_new;
  DROP TABLE calibration_cache;
  CREATE TABLE calibration_cache (
    deck_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    key TEXT NOT NULL,
    sums TEXT NOT NULL,
    PRIMARY KEY (deck_id, part)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER review_quarters_insert AFTER INSERT ON reviews BEGIN
${ADD_NEW_REVIEW}
    DELETE FROM calibration_cache WHERE deck_id = (SELECT deck_id FROM cards WHERE id = new.card_id) AND part = ${calibrationPartSql('new.card_id')};
  END;
  CREATE TRIGGER review_quarters_delete BEFORE DELETE ON reviews BEGIN
${REMOVE_OLD_REVIEW}
    DELETE FROM calibration_cache WHERE deck_id = (SELECT deck_id FROM cards WHERE id = old.card_id) AND part = ${calibrationPartSql('old.card_id')};
  END;
  CREATE TRIGGER review_quarters_update_new AFTER UPDATE OF card_id, grade, reviewed_at, elapsed_days, duration_ms, state_before, before ON reviews BEGIN
${ADD_NEW_REVIEW}
    DELETE FROM calibration_cache WHERE (deck_id = (SELECT deck_id FROM cards WHERE id = old.card_id) AND part = ${calibrationPartSql('old.card_id')})
      OR (deck_id = (SELECT deck_id FROM cards WHERE id = new.card_id) AND part = ${calibrationPartSql('new.card_id')});
  END;

  -- The log counts per UTC hour too, kept from review_quarters by triggers on it: a study day is
  -- read as its whole hours plus the quarters at its edges (a quarter of the rows).
  CREATE TABLE review_hours (
    deck_id INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    reviews INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    young_pass INTEGER NOT NULL,
    young_fail INTEGER NOT NULL,
    mature_pass INTEGER NOT NULL,
    mature_fail INTEGER NOT NULL,
    PRIMARY KEY (deck_id, hour)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO review_hours
    SELECT deck_id, quarter / 4, SUM(reviews), SUM(duration_ms), SUM(young_pass), SUM(young_fail), SUM(mature_pass), SUM(mature_fail)
    FROM review_quarters GROUP BY deck_id, quarter / 4;
  CREATE TRIGGER review_hours_insert AFTER INSERT ON review_quarters BEGIN
${hourChange('new', '+')}
  END;
  CREATE TRIGGER review_hours_update AFTER UPDATE ON review_quarters BEGIN
${hourChange('old', '-')}
${hourChange('new', '+')}
  END;
  CREATE TRIGGER review_hours_delete AFTER DELETE ON review_quarters BEGIN
${hourChange('old', '-')}
  END;
  `,
  // 14: an import asks every note's live card count (store knownNotes) before it reads a file;
  // with retired in the note index the count is read from the index alone instead of from each
  // card's row (80–220 ms of an unchanged re-import of 50,000 cards, now about 30 ms)
  `
  DROP INDEX cards_note;
  CREATE INDEX cards_note ON cards(note_id, retired);
  `,
  // 15: today's queue reads each deck's due reviews and first new cards by their keys (id, note
  // item, due) for the review's first frame and the deck counts. With every column those reads
  // ask for in an index, and id after the sort key so the order needs no sort, they read the
  // index alone instead of one table row per card: at a million cards in 100 decks the reviews'
  // keys took 33 ms in a fresh process, now 20, and the new cards' 39 ms, now 13. The reviews get
  // an index of their own (the queries name it: SQLite would not pick it by itself), so that the
  // stats' 30-day forecast keeps reading the narrow cards_review_forecast (the wide one made it
  // 26 → 41 ms cold at a million cards). The columns the WHERE fixes (state, retired, suspended,
  // status) are in them too, so that SQLite's plan says it reads the index alone (tested).
  // The log keeps each answer's deck (its card's, kept by triggers when a card moves or a row is
  // written without it): the daily limits count today's answers per deck from one index, where
  // the join on cards read one table page per card answered today (7–14 ms cold at 200 answers).
  `
  ALTER TABLE reviews ADD COLUMN deck_id INTEGER;
  UPDATE reviews SET deck_id = (SELECT deck_id FROM cards WHERE cards.id = reviews.card_id);
  CREATE INDEX reviews_answered ON reviews(reviewed_at, deck_id, state_before, card_id);
  CREATE TRIGGER reviews_deck_insert AFTER INSERT ON reviews WHEN new.deck_id IS NULL BEGIN
    UPDATE reviews SET deck_id = (SELECT deck_id FROM cards WHERE id = new.card_id) WHERE id = new.id;
  END;
  CREATE TRIGGER reviews_deck_move AFTER UPDATE OF deck_id ON cards WHEN old.deck_id IS NOT new.deck_id BEGIN
    UPDATE reviews SET deck_id = new.deck_id WHERE card_id = new.id;
  END;
  CREATE TRIGGER reviews_deck_card AFTER UPDATE OF card_id ON reviews BEGIN
    UPDATE reviews SET deck_id = (SELECT deck_id FROM cards WHERE id = new.card_id) WHERE id = new.id;
  END;
  CREATE INDEX cards_review_keys ON cards(deck_id, due, id, item_key, buried_until, kind, state, retired, suspended, status)
    WHERE state = 'review' AND retired = 0 AND suspended = 0 AND status = 'accepted';
  DROP INDEX cards_new;
  CREATE INDEX cards_new ON cards(deck_id, new_position, id, item_key, due, buried_until, kind, status, state, retired, suspended)
    WHERE state = 'new' AND retired = 0 AND suspended = 0;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
