-- newsbrief store, schema version 1: articles with their stories, per-story summaries, the detector's saved
-- state and cached briefs. Plain SQL (PostgreSQL will get the same model).

-- Every article stored, in arrival order (seq). An exact copy of an earlier article (the same text under
-- another id) keeps no text: `text_of` names the article holding it, and it was not given to the detector.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    url TEXT,
    text_hash INTEGER NOT NULL,
    story INTEGER NOT NULL,
    duplicate_of TEXT,
    text_of TEXT
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_story ON articles (story, seq);

-- One row per story: what listings show. `outlets` is a JSON array in order of first appearance;
-- `first_time`/`last_time` are `first_seen`/`last_seen` in seconds since 1970 (NULL when unparsable);
-- `updated` is the seq of its latest article; `version` goes up with every ingest batch that changes it.
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    first_time INTEGER,
    last_time INTEGER,
    updated INTEGER NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX stories_updated ON stories (updated);
CREATE INDEX stories_sources ON stories (sources, updated);

-- The detector's saved state after the article with seq `covers_seq` (only the latest is kept): `length`
-- bytes in `parts` parts (of at most 1 MiB, numbered from 0, in snapshot_parts: a state can be large).
CREATE TABLE snapshots (
    covers_seq INTEGER PRIMARY KEY,
    parts INTEGER NOT NULL,
    length INTEGER NOT NULL
);
CREATE TABLE snapshot_parts (
    covers_seq INTEGER NOT NULL,
    part INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (covers_seq, part)
);

-- A story's rendered brief, valid while the story's version is `version`.
CREATE TABLE briefs (
    story INTEGER NOT NULL,
    format TEXT NOT NULL,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (story, format)
);
