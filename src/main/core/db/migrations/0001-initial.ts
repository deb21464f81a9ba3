import type { WritableDb } from '../open-database'

/**
 * The first schema, shaped for the whole product: papers with remote metadata kept apart from
 * the user's fields, tags, lists, sources with provenance, stored PDFs and a full-text index.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE papers (
      id INTEGER PRIMARY KEY,
      -- identity: arXiv id without version > DOI (lower-case) > normalised title
      arxiv_id TEXT UNIQUE,
      doi TEXT UNIQUE,
      title_key TEXT,
      latest_version INTEGER,
      -- remote metadata: sync may refresh these
      title TEXT,
      abstract TEXT,
      author_count INTEGER,
      organization TEXT,
      organization_handle TEXT,
      published_at TEXT,
      upvotes INTEGER,
      comment_count INTEGER,
      withdrawn INTEGER NOT NULL DEFAULT 0,
      journal_ref TEXT,
      pdf_url TEXT,
      code_url TEXT,
      code_stars INTEGER,
      project_url TEXT,
      featured_on TEXT,
      -- rank of the source that set title/abstract/authors: a lower rank only fills blanks
      metadata_rank INTEGER NOT NULL DEFAULT 0,
      -- the user's fields: sync never writes these
      status TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'reading', 'read')),
      starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
      note TEXT,
      last_read_page INTEGER,
      view_state TEXT,
      last_opened_at TEXT,
      added_at TEXT NOT NULL,
      modified_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX papers_title_key ON papers (title_key);
    CREATE INDEX papers_added ON papers (added_at, id);
    CREATE INDEX papers_published ON papers (published_at, id);
    CREATE INDEX papers_upvotes ON papers (upvotes, id);
    CREATE INDEX papers_title ON papers (title COLLATE NOCASE, id);
    CREATE INDEX papers_status ON papers (status, added_at);
    CREATE INDEX papers_starred ON papers (starred, added_at) WHERE starred = 1;

    CREATE TABLE paper_authors (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      affiliation TEXT,
      PRIMARY KEY (paper_id, position)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE paper_categories (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      origin TEXT NOT NULL,
      PRIMARY KEY (paper_id, origin, label)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE paper_tags (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      added_at TEXT NOT NULL,
      PRIMARY KEY (paper_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX paper_tags_tag ON paper_tags (tag_id, paper_id);

    CREATE TABLE lists (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE list_papers (
      list_id INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (list_id, paper_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX list_papers_paper ON list_papers (paper_id);

    -- a followed list or feed, or an imported file; key identifies it across re-imports
    CREATE TABLE sources (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      name TEXT NOT NULL,
      config TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      last_synced_at TEXT,
      last_error TEXT,
      UNIQUE (kind, key)
    ) STRICT;

    CREATE TABLE paper_sources (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
      first_seen_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      rank INTEGER,
      section TEXT,
      raw TEXT,
      PRIMARY KEY (paper_id, source_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX paper_sources_source ON paper_sources (source_id, rank);

    -- a stored PDF, named by its content hash inside the library folder
    CREATE TABLE paper_files (
      paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      origin TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (paper_id, sha256)
    ) STRICT, WITHOUT ROWID;

    -- kept in step by papers-index.ts (authors, tags and note live in other tables/columns)
    CREATE VIRTUAL TABLE papers_fts USING fts5 (
      title, authors, abstract, tags, note,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `)
}
