// Numbered, append-only schema migrations. Never edit a shipped migration: add the next one.
export const MIGRATIONS: readonly string[] = [
  // 1: the foundation schema.
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    article_count INTEGER NOT NULL DEFAULT 0,
    failure_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT NOT NULL,
    published TEXT,
    publisher TEXT NOT NULL,
    publisher_name TEXT NOT NULL,
    lang TEXT,
    body TEXT NOT NULL,
    syndicated_from TEXT,
    origin TEXT NOT NULL,
    first_seen_run INTEGER NOT NULL REFERENCES runs(id),
    updated_run INTEGER NOT NULL REFERENCES runs(id)
  );
  CREATE INDEX articles_url ON articles(url);
  CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    original_id TEXT NOT NULL REFERENCES articles(id),
    reason TEXT NOT NULL
  );
  CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    publishers TEXT NOT NULL
  );
  CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (story_id, article_id)
  );
  CREATE TABLE summaries (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    method TEXT NOT NULL,
    body TEXT NOT NULL,
    sentences TEXT NOT NULL,
    word_count INTEGER NOT NULL
  );
  CREATE TABLE audits (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    sentences TEXT NOT NULL
  );
  CREATE TABLE rankings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    initial_rank INTEGER NOT NULL,
    first_ranked_run INTEGER NOT NULL REFERENCES runs(id),
    usage TEXT NOT NULL DEFAULT 'candidate'
  );
  CREATE TABLE candidates (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    story_id TEXT NOT NULL,
    rank INTEGER NOT NULL,
    score REAL NOT NULL,
    components TEXT NOT NULL,
    usage TEXT NOT NULL,
    PRIMARY KEY (run_id, article_id)
  );
  `,
  // 2: the editorial audit trail, and story sizes per run so novelty can tell a grown story from a repeat.
  `
  CREATE TABLE usage_events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    usage TEXT NOT NULL,
    previous TEXT,
    note TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX usage_events_article ON usage_events(article_id, id);
  CREATE TABLE story_sizes (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    story_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (run_id, story_id)
  );
  CREATE INDEX candidates_story ON candidates(story_id);
  ALTER TABLE candidates ADD COLUMN capped TEXT;
  `,
  // 3: per-URL fetch state: validators for conditional GET and the failure streak for backing off.
  `
  CREATE TABLE fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt TEXT
  );
  `,
  // 4: story continuation across runs: each story as last saved and its centroid, found by member or by time.
  `
  CREATE TABLE story_states (
    story_id TEXT PRIMARY KEY REFERENCES stories(id),
    story TEXT NOT NULL,
    centroid TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT
  );
  CREATE INDEX story_states_last_seen ON story_states(last_seen);
  CREATE INDEX story_articles_article ON story_articles(article_id);
  `,
  // 5: articles by the source they were read from, to keep a 304 Not Modified feed's articles in a run.
  `
  CREATE INDEX articles_origin_path ON articles(json_extract(origin, '$.path'));
  `,
  // 6: a run's failures and notices, so that a run rebuilt after an editor's change still reports them.
  `
  ALTER TABLE runs ADD COLUMN failures TEXT;
  ALTER TABLE runs ADD COLUMN notices TEXT;
  `,
  // 7: which command recorded a run: `newsdesk cluster --db` saves articles and stories under a run of its
  // own, and the editorial commands' "latest run" must stay the latest ranked one.
  `
  ALTER TABLE runs ADD COLUMN command TEXT NOT NULL DEFAULT 'run';
  `,
  // 8: the audit trail of rank moves an editor makes, beside usage_events.
  `
  CREATE TABLE rank_events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    run_id INTEGER NOT NULL REFERENCES runs(id),
    rank INTEGER NOT NULL,
    previous INTEGER NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX rank_events_article ON rank_events(article_id);
  `,
  // 9: the living desk. A run is 'running' until it commits everything at once (or fails, or is cancelled, or
  // its process dies: 'abandoned'); an editor can pin an article's rank across runs (an unpin is an event
  // with no rank); each candidate keeps its rank by score alone beside the rank editors' decisions gave it.
  `
  ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'committed';
  UPDATE runs SET status = 'abandoned' WHERE finished_at IS NULL;
  ALTER TABLE runs ADD COLUMN pid INTEGER;
  ALTER TABLE runs ADD COLUMN reason TEXT;
  ALTER TABLE candidates ADD COLUMN base_rank INTEGER;
  UPDATE candidates SET base_rank = rank;
  ALTER TABLE rankings ADD COLUMN pinned_rank INTEGER;
  CREATE TABLE rank_events_9 (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    run_id INTEGER NOT NULL REFERENCES runs(id),
    rank INTEGER,
    previous INTEGER NOT NULL,
    at TEXT NOT NULL
  );
  INSERT INTO rank_events_9 (id, article_id, run_id, rank, previous, at) SELECT id, article_id, run_id, rank, previous, at FROM rank_events;
  DROP TABLE rank_events;
  ALTER TABLE rank_events_9 RENAME TO rank_events;
  CREATE INDEX rank_events_article ON rank_events(article_id);
  CREATE INDEX runs_status ON runs(status, command);
  `,
  // 10: how long a feed may be left alone before it is fetched again (its TTL, Cache-Control, or the desk's
  // per-source interval).
  `
  ALTER TABLE fetch_state ADD COLUMN fresh_until TEXT;
  `,
  // 11: the key each summary was made under (the gate's version, the settings, the article's text), so a run
  // reuses the summary and audit of an article that has not changed.
  `
  ALTER TABLE summaries ADD COLUMN source_key TEXT;
  `,
  // 12: answers a language model gave (summaries and their repairs), keyed by the article's content hash, the
  // prompt's version, the model and the request, so a re-run on unchanged articles makes no request.
  `
  CREATE TABLE llm_answers (
    content_hash TEXT NOT NULL,
    prompt_version INTEGER NOT NULL,
    model TEXT NOT NULL,
    request TEXT NOT NULL,
    content TEXT NOT NULL,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    received_at TEXT NOT NULL,
    PRIMARY KEY (content_hash, prompt_version, model, request)
  );
  `,
  // 13: full-text search over every stored article (title and text), kept in step with the articles table by
  // triggers, so a run's commit indexes what it writes in the same transaction. Porter stems: "bridges" finds "bridge".
  `
  CREATE VIRTUAL TABLE article_search USING fts5(
    title, body, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;
  CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
  END;
  CREATE TRIGGER article_search_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO article_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
  END;
  INSERT INTO article_search (article_search) VALUES ('rebuild');
  `,
  // 14: what each editor has seen (read state), by an editor id the editor's browser keeps.
  `
  CREATE TABLE seen (
    editor TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    at TEXT NOT NULL,
    PRIMARY KEY (editor, article_id)
  );
  `,
  // 15: editors' mute and boost rules and saved searches, and why a mute rule moved a candidate down. Ids are
  // never reused (AUTOINCREMENT): explanations name rules by id, and a removed rule's id must not name another.
  `
  CREATE TABLE rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (action, field, value)
  );
  CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    query TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  ALTER TABLE candidates ADD COLUMN muted TEXT;
  `,
  // 16: what a running run has read, saved a batch at a time apart from the desk's tables; its commit moves
  // the rows into articles, summaries and audits in the commit's transaction, and a run that ends otherwise
  // leaves none behind. JSON: the rows are written once and read once, by the backend's own code.
  `
  CREATE TABLE staged_articles (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    article_id TEXT NOT NULL,
    article TEXT NOT NULL,
    summary TEXT,
    audit TEXT,
    summary_key TEXT,
    PRIMARY KEY (run_id, article_id)
  );
  `,
  // 17: story digests a language model wrote, per run and story (the sentences that passed the gate, and the
  // gate's verdict on every draft), committed with the run and read back when it is published. JSON, as staging.
  `
  CREATE TABLE story_digests (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    story_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    audit TEXT NOT NULL,
    PRIMARY KEY (run_id, story_id)
  );
  `,
  // 18: a running run's stories, staged as clustering finishes them (with their centroids), so that a large
  // run does not hold them all until it commits; the commit moves them, an ending otherwise drops them.
  `
  CREATE TABLE staged_stories (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    story_id TEXT NOT NULL,
    story TEXT NOT NULL,
    centroid TEXT NOT NULL,
    PRIMARY KEY (run_id, story_id)
  );
  `,
];
