/**
 * Numbered schema migrations, tracked in PRAGMA user_version. Never edit a released
 * migration: add the next one. Each runs in its own transaction.
 */
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
  // 12: sync through a shared folder: this database's device id, the remembered folder and
  // autoSync (sync_settings); every event made here or read from another device's file, by id,
  // so none is applied twice (sync_events; 'local', 'applied' or 'pending' until its card
  // appears); how far each device file has been read (sync_files)
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
    review_id INTEGER
  ) STRICT;
  CREATE INDEX sync_events_device ON sync_events(device, seq);
  CREATE INDEX sync_events_slot ON sync_events(type, slot, time) WHERE slot IS NOT NULL;
  CREATE INDEX sync_events_review ON sync_events(review_id) WHERE review_id IS NOT NULL;
  CREATE INDEX sync_events_pending ON sync_events(time) WHERE status = 'pending';
  CREATE INDEX sync_events_unsent ON sync_events(seq) WHERE sent = 0 AND status = 'local';
  CREATE INDEX sync_events_target ON sync_events(target) WHERE target IS NOT NULL;
  CREATE TABLE sync_files (path TEXT PRIMARY KEY, offset INTEGER NOT NULL) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
