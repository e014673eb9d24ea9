/**
 * The store's schema as one script: a new store is made by running it, and an older one is brought to
 * exactly the same by migrations.ts. docs/schema.md describes every table and column. Tables whose
 * names start with `_` are the pipeline's own bookkeeping (caches, queues of work, memos), which
 * Datasette hides; the others are what a user of the store reads.
 *
 * Foreign keys are enforced (open.ts turns them on). A reference that resolution or the document
 * writer repoints within one transaction is DEFERRABLE INITIALLY DEFERRED: it is checked at commit, so
 * the order of the writes inside does not matter, and no row is changed by the check.
 */

/** The schema version of the baseline; the migrations of MIGRATIONS (migrations.ts) come after it. */
export const BASELINE_VERSION = 35;

export const BASELINE_SQL = `
-- Documents and their text ----------------------------------------------------------------------

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  title TEXT NOT NULL,
  source TEXT,
  kind TEXT NOT NULL,
  published TEXT,
  published_earliest TEXT,
  language TEXT,
  url TEXT,
  author TEXT,
  file_metadata TEXT NOT NULL,
  encoding TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  boilerplate_chars INTEGER NOT NULL,
  metadata_inputs TEXT
);

CREATE TABLE document_files (
  path TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  file_hash TEXT NOT NULL
);
CREATE INDEX document_files_document ON document_files(document_id);

CREATE TABLE boilerplate_blocks (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  rule TEXT NOT NULL,
  chars INTEGER NOT NULL,
  location TEXT NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE paragraphs (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX paragraphs_document ON paragraphs(document_id, ordinal);

CREATE TABLE sentences (
  row_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  paragraph_id TEXT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  terms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sentences_document ON sentences(document_id, ordinal);
CREATE INDEX sentences_paragraph ON sentences(paragraph_id);

-- content="sentences" in double quotes is the form sqlite-utils and Datasette recognise as the
-- full-text index of sentences.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content="sentences", content_rowid="row_id", tokenize='porter unicode61');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.row_id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.row_id, old.text);
END;

-- What the document stages extract ----------------------------------------------------------------

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  aliases TEXT NOT NULL,
  roles TEXT NOT NULL,
  mention_count INTEGER NOT NULL,
  document_count INTEGER NOT NULL,
  evidence_type TEXT,
  first_mention TEXT
);
CREATE INDEX entities_page_order ON entities(mention_count DESC, name, id);

CREATE TABLE mentions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  entity_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  role TEXT,
  place TEXT,
  acronym TEXT,
  evidence TEXT NOT NULL,
  group_id INTEGER REFERENCES _mention_groups(id) DEFERRABLE INITIALLY DEFERRED,
  full_name TEXT
);
CREATE INDEX mentions_document ON mentions(document_id, span_start);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_sentence ON mentions(sentence_id, entity_id);
CREATE INDEX mentions_group ON mentions(group_id, document_id);

CREATE TABLE dates (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT NOT NULL,
  year_inferred INTEGER NOT NULL
);
CREATE INDEX dates_document ON dates(document_id, span_start);
CREATE INDEX dates_sentence ON dates(sentence_id);

CREATE TABLE figures (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  counted TEXT,
  qualifier TEXT NOT NULL,
  scope TEXT,
  holder_mention_id TEXT REFERENCES mentions(id) ON DELETE SET NULL,
  time TEXT,
  time_source TEXT NOT NULL,
  part_of TEXT REFERENCES figures(id) ON DELETE SET NULL,
  claim_id TEXT REFERENCES claims(id) DEFERRABLE INITIALLY DEFERRED,
  type TEXT NOT NULL DEFAULT 'level',
  direction TEXT,
  low REAL,
  high REAL,
  linked_to TEXT REFERENCES figures(id) ON DELETE SET NULL,
  link TEXT
);
CREATE INDEX figures_document ON figures(document_id, span_start);
CREATE INDEX figures_sentence ON figures(sentence_id);
CREATE INDEX figures_holder ON figures(holder_mention_id);
CREATE INDEX figures_part_of ON figures(part_of);
CREATE INDEX figures_linked_to ON figures(linked_to);
CREATE INDEX figures_claim ON figures(claim_id);

CREATE TABLE claims (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker_mention_id TEXT REFERENCES mentions(id) ON DELETE SET NULL,
  speaker_text TEXT,
  direct INTEGER NOT NULL,
  reporting_verb TEXT,
  hedges TEXT NOT NULL,
  negated INTEGER NOT NULL,
  score REAL NOT NULL,
  features TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document_id, span_start);
CREATE INDEX claims_sentence ON claims(sentence_id);
CREATE INDEX claims_speaker ON claims(speaker_mention_id);

CREATE TABLE claim_entities (
  claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, mention_id)
);
CREATE INDEX claim_entities_mention ON claim_entities(mention_id);

CREATE TABLE claim_figures (
  claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  figure_id TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  PRIMARY KEY (claim_id, figure_id)
);
CREATE INDEX claim_figures_figure ON claim_figures(figure_id);

-- Single-table views with scalar subqueries, not joins: a view whose body is a join is materialised
-- whole when it is the right side of a LEFT JOIN, which made per-document report queries quadratic.
CREATE VIEW claim_speakers AS
  SELECT c.id AS claim_id,
    coalesce((SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.id = c.speaker_mention_id), c.speaker_text) AS speaker,
    (SELECT e.id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.id = c.speaker_mention_id) AS speaker_entity_id
  FROM claims c;
CREATE VIEW figure_details AS
  SELECT f.*,
    (SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.id = f.holder_mention_id) AS holder,
    (SELECT e.id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.id = f.holder_mention_id) AS holder_entity_id,
    (SELECT cs.speaker FROM claim_speakers cs WHERE cs.claim_id = f.claim_id) AS speaker,
    (SELECT cs.speaker_entity_id FROM claim_speakers cs WHERE cs.claim_id = f.claim_id) AS speaker_entity_id
  FROM figures f;

-- Findings, verdicts and the narrative comparison -------------------------------------------------

CREATE TABLE findings (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  rule TEXT NOT NULL,
  summary TEXT NOT NULL,
  measure TEXT NOT NULL,
  severity TEXT NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT,
  fingerprint TEXT NOT NULL UNIQUE,
  lineage TEXT NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX findings_kind ON findings(kind, severity);

CREATE TABLE finding_items (
  finding_id TEXT NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  figure_id TEXT REFERENCES figures(id) ON DELETE CASCADE,
  claim_id TEXT REFERENCES claims(id) ON DELETE CASCADE,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (finding_id, ordinal)
);
CREATE INDEX finding_items_document ON finding_items(document_id);
CREATE INDEX finding_items_figure ON finding_items(figure_id);
CREATE INDEX finding_items_claim ON finding_items(claim_id);

-- A verdict outlives the finding it was given to (findings are rewritten on every run), so finding_id
-- is the id the finding had then, not a reference.
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  lineage TEXT NOT NULL,
  finding_id TEXT NOT NULL,
  verdict TEXT NOT NULL,
  note TEXT,
  reviewer TEXT,
  reviewed_at TEXT NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX reviews_fingerprint ON reviews(fingerprint, id);
CREATE INDEX reviews_lineage ON reviews(lineage, id);

-- Rewritten whole by the narratives stage, which runs after resolution: an entity that resolution
-- removes first leaves its rows with no entity until then.
CREATE TABLE narrative_terms (
  side TEXT NOT NULL,
  term TEXT NOT NULL,
  count INTEGER NOT NULL,
  other_count INTEGER NOT NULL,
  log_odds REAL NOT NULL,
  z REAL NOT NULL,
  rank INTEGER NOT NULL,
  examples TEXT NOT NULL,
  PRIMARY KEY (side, term)
);
CREATE TABLE narrative_subjects (
  subject TEXT NOT NULL,
  side TEXT NOT NULL,
  entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
  sentences INTEGER NOT NULL,
  sentiment REAL NOT NULL,
  words TEXT NOT NULL,
  representative TEXT NOT NULL,
  PRIMARY KEY (subject, side)
);
CREATE TABLE narrative_speakers (
  side TEXT NOT NULL,
  speaker TEXT NOT NULL,
  entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
  claims INTEGER NOT NULL,
  PRIMARY KEY (side, speaker)
);
CREATE TABLE narrative_absent_voices (
  side TEXT NOT NULL,
  speaker TEXT NOT NULL,
  other_side TEXT NOT NULL
);

-- Runs --------------------------------------------------------------------------------------------

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  pid INTEGER NOT NULL,
  options TEXT NOT NULL,
  stage_versions TEXT NOT NULL,
  stage_seconds TEXT,
  counts TEXT,
  corpus_state TEXT,
  pid_start TEXT
);

CREATE TABLE run_messages (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  level TEXT NOT NULL,
  stage TEXT NOT NULL,
  rule TEXT,
  reason TEXT NOT NULL
);

-- Internal: the pipeline's bookkeeping --------------------------------------------------------------
-- A document_id here is a plain value where the row must outlive its document (to subtract what the
-- document counted, or to find the report sections that showed it); where the row goes with it, it
-- is a reference with ON DELETE CASCADE.

CREATE TABLE _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

CREATE TABLE _document_stages (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  version TEXT NOT NULL,
  PRIMARY KEY (document_id, stage)
);

CREATE TABLE _corpus_input_writes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  writes INTEGER NOT NULL
);
INSERT INTO _corpus_input_writes VALUES (1, 0);

CREATE TABLE _stale_pages (document_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TABLE _mention_groups (
  id INTEGER PRIMARY KEY,
  signature TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  role TEXT,
  place TEXT,
  acronym TEXT,
  evidence TEXT NOT NULL,
  mention_count INTEGER NOT NULL DEFAULT 0,
  first_mention TEXT,
  entity_id TEXT REFERENCES entities(id) DEFERRABLE INITIALLY DEFERRED,
  dirty INTEGER NOT NULL DEFAULT 1,
  key TEXT,
  full_name TEXT
);
CREATE INDEX _mention_groups_dirty ON _mention_groups(id) WHERE dirty = 1;
CREATE INDEX _mention_groups_key ON _mention_groups(key);
CREATE INDEX _mention_groups_entity ON _mention_groups(entity_id, key);

CREATE TABLE _entity_keys (
  key TEXT PRIMARY KEY,
  surname TEXT
) WITHOUT ROWID;
CREATE INDEX _entity_keys_surname ON _entity_keys(surname) WHERE surname IS NOT NULL;

CREATE TABLE _entity_key_links (
  key TEXT NOT NULL,
  target TEXT NOT NULL,
  PRIMARY KEY (key, target)
) WITHOUT ROWID;
CREATE INDEX _entity_key_links_target ON _entity_key_links(target);

CREATE TABLE _report_fragments (
  id INTEGER PRIMARY KEY,
  page TEXT NOT NULL,
  key TEXT NOT NULL,
  digest TEXT NOT NULL,
  weight INTEGER NOT NULL,
  body TEXT NOT NULL,
  row TEXT,
  UNIQUE (page, key)
);

CREATE TABLE _report_fragment_documents (
  fragment_id INTEGER NOT NULL REFERENCES _report_fragments(id) ON DELETE CASCADE,
  document_id TEXT NOT NULL,
  PRIMARY KEY (fragment_id, document_id)
) WITHOUT ROWID;
CREATE INDEX _report_fragment_documents_document ON _report_fragment_documents(document_id);

CREATE TABLE _report_page_inputs (
  page TEXT PRIMARY KEY,
  digest TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE _report_layouts (
  page TEXT PRIMARY KEY,
  layout TEXT NOT NULL
) WITHOUT ROWID;

-- As last rendered: the report rewrites an entity's pairs, so they may name an entity removed since.
CREATE TABLE _entity_top_pairs (
  entity_id TEXT NOT NULL,
  other_id TEXT NOT NULL,
  sentences INTEGER NOT NULL,
  PRIMARY KEY (entity_id, other_id)
) WITHOUT ROWID;
CREATE INDEX _entity_top_pairs_sentences ON _entity_top_pairs(sentences DESC);

CREATE TABLE _stem_documents (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  stems TEXT NOT NULL,
  counted INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX _stem_documents_document ON _stem_documents(document_id);

CREATE TABLE _stem_counts (stem TEXT PRIMARY KEY, sentences INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE _term_documents (document_id TEXT PRIMARY KEY, side TEXT NOT NULL, counted INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE _term_removals (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, terms TEXT NOT NULL);
CREATE TABLE _term_sides (side TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE _sentence_evaluations (
  sentence_id TEXT PRIMARY KEY REFERENCES sentences(id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  score REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE _wordnet_synonyms (
  word TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  synonyms TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE _reconcile_documents (document_id TEXT PRIMARY KEY, version TEXT NOT NULL, digest TEXT NOT NULL, inputs TEXT NOT NULL, claims TEXT) WITHOUT ROWID;

-- With a rowid: its rows are large (1.1 KB of JSON on average), which a WITHOUT ROWID table keeps in
-- its key's B-tree, spilling to overflow pages and slow to write.
CREATE TABLE _reconcile_claims (
  subject TEXT NOT NULL,
  document_id TEXT NOT NULL,
  claims TEXT NOT NULL,
  UNIQUE (subject, document_id)
);
CREATE INDEX _reconcile_claims_document ON _reconcile_claims(document_id);

CREATE TABLE _reconcile_lemmas (
  lemma TEXT PRIMARY KEY,
  claims INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE _reconcile_stale (document_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TABLE _reconcile_units (rule TEXT NOT NULL, key TEXT NOT NULL, digest TEXT NOT NULL, drafts TEXT NOT NULL, PRIMARY KEY (rule, key)) WITHOUT ROWID;

CREATE TABLE _finding_digests (
  finding_id TEXT PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
  digest TEXT NOT NULL
) WITHOUT ROWID;

-- Triggers that keep the internal tables in step, whoever writes ---------------------------------

-- The documents whose report page must be written again.
CREATE TRIGGER documents_inserted_stale AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (new.id);
END;
CREATE TRIGGER documents_updated_stale AFTER UPDATE ON documents
  WHEN old.path IS NOT new.path OR old.title IS NOT new.title OR old.source IS NOT new.source OR old.kind IS NOT new.kind
    OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest OR old.language IS NOT new.language
    OR old.url IS NOT new.url OR old.author IS NOT new.author OR old.encoding IS NOT new.encoding
    OR old.word_count IS NOT new.word_count OR old.boilerplate_chars IS NOT new.boilerplate_chars BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (new.id);
END;
CREATE TRIGGER document_stages_inserted_stale AFTER INSERT ON _document_stages BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (new.document_id);
END;
CREATE TRIGGER document_files_inserted_stale AFTER INSERT ON document_files BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (new.document_id);
END;
CREATE TRIGGER document_files_updated_stale AFTER UPDATE OF document_id ON document_files WHEN old.document_id IS NOT new.document_id BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (old.document_id);
  INSERT OR IGNORE INTO _stale_pages VALUES (new.document_id);
END;
CREATE TRIGGER document_files_deleted_stale AFTER DELETE ON document_files BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (old.document_id);
END;
CREATE TRIGGER mentions_entity_stale AFTER UPDATE OF entity_id ON mentions WHEN old.entity_id IS NOT new.entity_id BEGIN
  INSERT OR IGNORE INTO _stale_pages VALUES (new.document_id);
END;
CREATE TRIGGER entities_renamed_stale AFTER UPDATE OF name ON entities WHEN old.name IS NOT new.name BEGIN
  INSERT OR IGNORE INTO _stale_pages SELECT DISTINCT document_id FROM mentions WHERE entity_id = new.id;
END;

-- A deleted mention's group is counted again by the next resolution.
CREATE TRIGGER mentions_deleted_group AFTER DELETE ON mentions WHEN old.group_id IS NOT NULL BEGIN
  UPDATE _mention_groups SET dirty = 1 WHERE id = old.group_id;
END;

-- A document's segmentation rewritten, or the document deleted: its stem and term counts are taken
-- away (the terms before the document's row goes, whichever order a cascade takes).
CREATE TRIGGER document_segments_deleted_stems AFTER DELETE ON _document_stages WHEN old.stage = 'segment' BEGIN
  DELETE FROM _stem_documents WHERE document_id = old.document_id AND counted = 2;
  UPDATE _stem_documents SET counted = 0 WHERE document_id = old.document_id AND counted = 1;
END;
CREATE TRIGGER sentences_deleted_terms AFTER DELETE ON sentences
  WHEN (SELECT counted FROM _term_documents WHERE document_id = old.document_id) = 1 BEGIN
  INSERT INTO _term_removals (document_id, terms) VALUES (old.document_id, old.terms);
END;
CREATE TRIGGER document_segments_deleted_terms AFTER DELETE ON _document_stages WHEN old.stage = 'segment' BEGIN
  UPDATE _term_documents SET counted = 0 WHERE document_id = old.document_id;
END;
CREATE TRIGGER documents_deleted_terms BEFORE DELETE ON documents
  WHEN (SELECT counted FROM _term_documents WHERE document_id = old.id) = 1 BEGIN
  INSERT INTO _term_removals (document_id, terms) SELECT document_id, terms FROM sentences WHERE document_id = old.id;
  UPDATE _term_documents SET counted = 0 WHERE document_id = old.id;
END;

-- The documents whose reconciliation inputs changed.
CREATE TRIGGER documents_inserted_reconcile AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO _reconcile_stale VALUES (new.id);
END;
CREATE TRIGGER documents_updated_reconcile AFTER UPDATE ON documents
  WHEN old.path IS NOT new.path OR old.title IS NOT new.title OR old.kind IS NOT new.kind
    OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest BEGIN
  INSERT OR IGNORE INTO _reconcile_stale VALUES (new.id);
END;
CREATE TRIGGER document_stages_inserted_reconcile AFTER INSERT ON _document_stages BEGIN
  INSERT OR IGNORE INTO _reconcile_stale VALUES (new.document_id);
END;
CREATE TRIGGER mentions_entity_reconcile AFTER UPDATE OF entity_id ON mentions WHEN old.entity_id IS NOT new.entity_id BEGIN
  INSERT OR IGNORE INTO _reconcile_stale VALUES (new.document_id);
END;
CREATE TRIGGER entities_changed_reconcile AFTER UPDATE OF name, type ON entities WHEN old.name IS NOT new.name OR old.type IS NOT new.type BEGIN
  INSERT OR IGNORE INTO _reconcile_stale SELECT DISTINCT document_id FROM mentions WHERE entity_id = new.id;
END;

-- An item deleted with the figure or claim it quotes: its finding is written whole by the next run.
CREATE TRIGGER finding_items_deleted_digest AFTER DELETE ON finding_items BEGIN
  DELETE FROM _finding_digests WHERE finding_id = old.finding_id;
END;

-- Writes that change what the corpus stages read besides the extracted items (corpus-state.ts); an
-- update that leaves the columns they read as they were is not counted.
CREATE TRIGGER documents_inserted_input AFTER INSERT ON documents BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER documents_updated_input AFTER UPDATE ON documents
  WHEN old.id IS NOT new.id OR old.path IS NOT new.path OR old.title IS NOT new.title OR old.source IS NOT new.source OR old.kind IS NOT new.kind
    OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest OR old.language IS NOT new.language
    OR old.url IS NOT new.url OR old.author IS NOT new.author OR old.file_metadata IS NOT new.file_metadata
    OR old.encoding IS NOT new.encoding OR old.content_hash IS NOT new.content_hash BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER documents_deleted_input AFTER DELETE ON documents BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_files_inserted_input AFTER INSERT ON document_files BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_files_updated_input AFTER UPDATE ON document_files
  WHEN old.path IS NOT new.path OR old.document_id IS NOT new.document_id BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_files_deleted_input AFTER DELETE ON document_files BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_stages_inserted_input AFTER INSERT ON _document_stages BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_stages_updated_input AFTER UPDATE ON _document_stages
  WHEN old.document_id IS NOT new.document_id OR old.stage IS NOT new.stage OR old.version IS NOT new.version BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER document_stages_deleted_input AFTER DELETE ON _document_stages BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER reviews_inserted_input AFTER INSERT ON reviews BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER reviews_updated_input AFTER UPDATE ON reviews BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
CREATE TRIGGER reviews_deleted_input AFTER DELETE ON reviews BEGIN
  UPDATE _corpus_input_writes SET writes = writes + 1;
END;
`;
