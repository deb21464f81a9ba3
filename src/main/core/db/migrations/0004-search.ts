import type { WritableDb } from '../open-database'

/**
 * Search: the full-text index gets its own organization column (so `author:` no longer matches
 * an organization); a queue lets large batches be indexed in the background; a small unstemmed index of the
 * short fields gives the library's vocabulary, which typo'd query words are corrected against;
 * saved searches keep a query under a name.
 */
export function up(db: WritableDb): void {
  db.exec(`
    DROP TABLE papers_fts;
    CREATE VIRTUAL TABLE papers_fts USING fts5 (
      title, authors, org, abstract, tags, note,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );

    -- the words of titles, authors, organizations and tags as written (no stemming): only which
    -- papers hold a word is kept, enough for the vocabulary and its document counts
    CREATE VIRTUAL TABLE papers_fts_terms USING fts5 (
      text,
      content = '', contentless_delete = 1, detail = none,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE papers_fts_vocab USING fts5vocab (papers_fts_terms, 'row');

    -- papers whose index rows wait for a background step (a large batch is indexed in chunks)
    CREATE TABLE search_pending (paper_id INTEGER PRIMARY KEY) STRICT;

    CREATE TABLE saved_searches (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      query TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
  `)
  // The same rows papers-index.ts writes, for every paper at once (kept here: a migration must
  // not change when that module does).
  db.exec(`
    INSERT INTO papers_fts (rowid, title, authors, org, abstract, tags, note)
    SELECT p.id, coalesce(p.title, ''),
           coalesce((SELECT group_concat(a.name, ', ') FROM paper_authors a WHERE a.paper_id = p.id), ''),
           concat_ws(' ', p.organization, p.organization_handle),
           coalesce(p.abstract, ''),
           coalesce((SELECT group_concat(t.name, ' ') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id
                     WHERE pt.paper_id = p.id), ''),
           coalesce(p.note, '')
    FROM papers p;
    INSERT INTO papers_fts_terms (rowid, text)
    SELECT rowid, concat_ws(' ', title, authors, org, tags) FROM papers_fts;
  `)
}
