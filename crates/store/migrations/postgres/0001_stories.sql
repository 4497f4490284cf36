-- newsbrief store on PostgreSQL, schema version 1: the same model as the embedded (SQLite) store —
-- articles with their stories, per-story summaries, the detector's saved state and cached briefs.
-- See ../0001_stories.sql for what each column means.

CREATE TABLE articles (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    url TEXT,
    text_hash BIGINT NOT NULL,
    story BIGINT NOT NULL,
    duplicate_of TEXT,
    text_of TEXT
);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_story ON articles (story, seq);

CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    title TEXT,
    articles BIGINT NOT NULL,
    sources BIGINT NOT NULL,
    outlets TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    first_time BIGINT,
    last_time BIGINT,
    updated BIGINT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX stories_updated ON stories (updated);
CREATE INDEX stories_sources ON stories (sources, updated);
CREATE INDEX stories_last_time ON stories (last_time);

CREATE TABLE snapshots (
    covers_seq BIGINT PRIMARY KEY,
    parts BIGINT NOT NULL,
    length BIGINT NOT NULL
);
CREATE TABLE snapshot_parts (
    covers_seq BIGINT NOT NULL,
    part BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (covers_seq, part)
);

CREATE TABLE briefs (
    story BIGINT NOT NULL,
    format TEXT NOT NULL,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (story, format)
);
