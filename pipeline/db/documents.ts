/**
 * Writing and removing documents. Everything one document contributes is written in one transaction,
 * so a crash never leaves half a document. Every write transaction in the pipeline is IMMEDIATE: it
 * takes the write lock at BEGIN, waiting (busy_timeout) for a reviewer's write to finish; a deferred
 * one that read first would instead fail at once with SQLITE_BUSY once another connection had written. camelCase stays in TypeScript; snake_case starts here.
 */
import type Database from 'better-sqlite3';
import type { DocData, DocMeta, IngestResult, Segmentation } from '../doc.ts';

/** What the per-document stages produced for one document, ready to store. */
/** A stored figure's measurement, as its columns hold it; the export, reconciliation and reports each read it with their own context. */
export interface StoredMeasurement {
  quote: string;
  value: number;
  unit: string;
  counted: string | null;
  qualifier: string;
  scope: string | null;
  /** level, change, share or duration; absent where a reader does not select it (taken as a level). */
  type?: string;
  /** up or down, for a change. */
  direction?: string | null;
}

/** A row of the entities table, which resolve-entities writes and the report reads. */
export interface StoredEntity {
  id: string;
  name: string;
  type: string;
  /** JSON arrays of strings. */
  aliases: string;
  roles: string;
  mention_count: number;
  document_count: number;
  /** The type its mentions' evidence gives, before its family's; and its first mention's id (resolve-entities/entity.ts). Null until the next resolution of an older store that lacks them. */
  evidence_type: string | null;
  first_mention: string | null;
}

export interface ProcessedDocument {
  id: string;
  path: string;
  fileHash: string;
  contentHash: string;
  ingest: IngestResult;
  segment: Segmentation;
  /** Content lemmas of each sentence, by sentence ordinal, for the vocabulary comparison. */
  terms: Map<number, string[]>;
  /** How many sentences use each word stem (JSON, see stages/reconcile/stems.ts). */
  stems: string;
  extracted: Pick<DocData, 'entities' | 'dates' | 'figures' | 'claims'>;
  stageVersions: Record<string, string>;
}

/** Stored rows a document owns, besides its `documents` row and files. Deleted before a rewrite. */
const OWNED_TABLES = ['claims', 'figures', 'dates', 'mentions', 'sentences', 'paragraphs', 'boilerplate_blocks', '_document_stages'] as const;

/** Paragraph ids are stable: the document id and the paragraph's number. */
export function paragraphId(documentId: string, ordinal: number): string {
  return `${documentId}:p${ordinal}`;
}

/** Sentence ids are stable: the document id and the sentence's offsets. */
export function sentenceId(documentId: string, start: number, end: number): string {
  return `${documentId}:s${start}-${end}`;
}

/** Ids of located items: the document, a letter for the kind, and the offsets. */
export function itemId(documentId: string, kind: 'm' | 'f' | 't' | 'c', start: number, end: number): string {
  return `${documentId}:${kind}${start}-${end}`;
}

export function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Prepared statements for one store, made once and reused for every document. */
export function documentWriter(db: Database.Database) {
  const statements = {
    upsertDocument: db.prepare(`
      INSERT INTO documents (id, path, title, kind, file_metadata, encoding, content_hash, text, word_count, boilerplate_chars)
      VALUES (@id, @path, @title, 'unknown', @fileMetadata, @encoding, @contentHash, @text, @wordCount, @boilerplateChars)
      ON CONFLICT(id) DO UPDATE SET file_metadata = excluded.file_metadata, encoding = excluded.encoding,
        word_count = excluded.word_count, boilerplate_chars = excluded.boilerplate_chars`),
    deleteOwned: OWNED_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE document_id = ?`)),
    insertStage: db.prepare('INSERT INTO _document_stages (document_id, stage, version) VALUES (?, ?, ?)'),
    // Stored for reconciliation to add to the corpus's stem counts (counted = 2).
    insertStems: db.prepare('INSERT INTO _stem_documents (document_id, stems, counted) VALUES (?, ?, 2)'),
    insertBlock: db.prepare('INSERT INTO boilerplate_blocks (document_id, ordinal, rule, chars, location) VALUES (?, ?, ?, ?, ?)'),
    insertParagraph: db.prepare('INSERT INTO paragraphs (id, document_id, ordinal, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)'),
    insertSentence: db.prepare('INSERT INTO sentences (id, document_id, paragraph_id, ordinal, span_start, span_end, text, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertMention: db.prepare('INSERT INTO mentions (id, document_id, sentence_id, span_start, span_end, text, role, place, acronym, evidence, full_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    insertDate: db.prepare('INSERT INTO dates (id, document_id, sentence_id, span_start, span_end, text, value, year_inferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertFigure: db.prepare(`INSERT INTO figures (id, document_id, sentence_id, span_start, span_end, quote, value, unit, counted, qualifier, scope, holder_mention_id, time, time_source, part_of, type, direction, low, high, linked_to, link)
      VALUES (@id, @documentId, @sentenceId, @start, @end, @quote, @value, @unit, @counted, @qualifier, @scope, @holder, @time, @timeSource, @partOf, @type, @direction, @low, @high, @linkedTo, @link)`),
    insertClaim: db.prepare(`INSERT INTO claims (id, document_id, sentence_id, span_start, span_end, text, speaker_mention_id, speaker_text, direct, reporting_verb, hedges, negated, score, features)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertClaimEntity: db.prepare('INSERT OR IGNORE INTO claim_entities (claim_id, mention_id) VALUES (?, ?)'),
    insertClaimFigure: db.prepare('INSERT OR IGNORE INTO claim_figures (claim_id, figure_id) VALUES (?, ?)'),
    setFigureClaim: db.prepare('UPDATE figures SET claim_id = ? WHERE id = ?'),
    fileDocument: db.prepare<[string], { document_id: string }>('SELECT document_id FROM document_files WHERE path = ?'),
    upsertFile: db.prepare(`INSERT INTO document_files (path, document_id, file_hash) VALUES (?, ?, ?)
      ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, file_hash = excluded.file_hash`),
    deleteFile: db.prepare('DELETE FROM document_files WHERE path = ?'),
    deleteOrphan: db.prepare('DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM document_files WHERE document_id = ?)'),
    primaryPath: db.prepare('UPDATE documents SET path = (SELECT min(path) FROM document_files WHERE document_id = documents.id) WHERE id = ?'),
  };

  /** Drops the document a path pointed at, if no other path still points at it. */
  const releasePath = (path: string, keep?: string) => {
    const previous = statements.fileDocument.get(path)?.document_id;
    if (previous === undefined || previous === keep) return;
    statements.deleteFile.run(path);
    if (statements.deleteOrphan.run(previous, previous).changes === 0) statements.primaryPath.run(previous);
  };

  const sentenceOf = (doc: ProcessedDocument, ordinal: number) => {
    const sentence = doc.segment.sentences[ordinal - 1]!;
    return sentenceId(doc.id, sentence.start, sentence.end);
  };
  const writeExtracted = (doc: ProcessedDocument) => {
    const { entities = [], dates = [], figures = [], claims = [] } = doc.extracted;
    const mentionIds = entities.map((mention) => itemId(doc.id, 'm', mention.start, mention.end));
    entities.forEach((mention, index) => {
      statements.insertMention.run(mentionIds[index], doc.id, sentenceOf(doc, mention.sentence), mention.start, mention.end, mention.text, mention.role ?? null, mention.place ?? null, mention.acronym ?? null, JSON.stringify(mention.evidence), mention.fullName ?? null);
    });
    for (const date of dates) {
      statements.insertDate.run(itemId(doc.id, 't', date.start, date.end), doc.id, sentenceOf(doc, date.sentence), date.start, date.end, date.text, date.value, date.yearInferred ? 1 : 0);
    }
    const figureIds = figures.map((figure) => itemId(doc.id, 'f', figure.start, figure.end));
    // A figure before the one its part_of or linked_to names would break the reference: insert by depth, wholes and later levels first.
    const depths = new Map<number, number>();
    const depthOf = (index: number, seen = 0): number => {
      const figure = figures[index]!;
      if (!depths.has(index)) depths.set(index, seen > figures.length ? 0 : 1 + Math.max(-1, ...[figure.partOf, figure.linkedTo].filter((to) => to !== undefined).map((to) => depthOf(to, seen + 1))));
      return depths.get(index)!;
    };
    const order = figures.map((_, index) => index).sort((a, b) => depthOf(a) - depthOf(b) || a - b);
    for (const index of order) {
      const figure = figures[index]!;
      statements.insertFigure.run({
        id: figureIds[index],
        documentId: doc.id,
        sentenceId: sentenceOf(doc, figure.sentence),
        start: figure.start,
        end: figure.end,
        quote: figure.quote,
        value: figure.value,
        unit: figure.unit,
        counted: figure.counted ?? null,
        qualifier: figure.qualifier,
        scope: figure.scope ?? null,
        holder: figure.holder === undefined ? null : mentionIds[figure.holder],
        time: figure.time ?? null,
        timeSource: figure.timeSource,
        partOf: figure.partOf === undefined ? null : figureIds[figure.partOf],
        type: figure.type,
        direction: figure.direction ?? null,
        low: figure.low ?? null,
        high: figure.high ?? null,
        linkedTo: figure.linkedTo === undefined ? null : figureIds[figure.linkedTo],
        link: figure.link ?? null,
      });
    }
    for (const claim of claims) {
      const id = itemId(doc.id, 'c', claim.start, claim.end);
      statements.insertClaim.run(
        id,
        doc.id,
        sentenceOf(doc, claim.sentence),
        claim.start,
        claim.end,
        claim.text,
        claim.speaker === undefined ? null : mentionIds[claim.speaker],
        claim.speakerText ?? null,
        claim.direct ? 1 : 0,
        claim.reportingVerb ?? null,
        JSON.stringify(claim.hedges),
        claim.negated ? 1 : 0,
        claim.score,
        JSON.stringify(claim.features),
      );
      for (const mention of claim.mentions) statements.insertClaimEntity.run(id, mentionIds[mention]);
      for (const figure of claim.figures) {
        statements.insertClaimFigure.run(id, figureIds[figure]);
        statements.setFigureClaim.run(id, figureIds[figure]);
      }
    }
  };

  return {
    /**
     * Stores one processed document and points its path at it, replacing whatever the path held.
     * `rewrite` is false when another path already stored this very text in this run.
     */
    write: db.transaction((doc: ProcessedDocument, rewrite: boolean) => {
      releasePath(doc.path, doc.id);
      const { ingest, segment } = doc;
      statements.upsertDocument.run({
        id: doc.id,
        path: doc.path,
        title: '',
        fileMetadata: JSON.stringify(ingest.meta),
        encoding: ingest.encoding,
        contentHash: doc.contentHash,
        text: ingest.text,
        wordCount: wordCount(ingest.text),
        boilerplateChars: ingest.removed.reduce((sum, block) => sum + block.chars, 0),
      });
      if (rewrite) {
        for (const statement of statements.deleteOwned) statement.run(doc.id);
        for (const [stage, version] of Object.entries(doc.stageVersions)) statements.insertStage.run(doc.id, stage, version);
        ingest.removed.forEach((block, index) => statements.insertBlock.run(doc.id, index + 1, block.rule, block.chars, block.location));
        for (const paragraph of segment.paragraphs) {
          statements.insertParagraph.run(paragraphId(doc.id, paragraph.ordinal), doc.id, paragraph.ordinal, paragraph.start, paragraph.end, ingest.text.slice(paragraph.start, paragraph.end));
        }
        for (const sentence of segment.sentences) {
          statements.insertSentence.run(
            sentenceId(doc.id, sentence.start, sentence.end),
            doc.id,
            paragraphId(doc.id, sentence.paragraph),
            sentence.ordinal,
            sentence.start,
            sentence.end,
            ingest.text.slice(sentence.start, sentence.end),
            (doc.terms.get(sentence.ordinal) ?? []).join(' '),
          );
        }
        writeExtracted(doc);
        statements.insertStems.run(doc.id, doc.stems);
      }
      statements.upsertFile.run(doc.path, doc.id, doc.fileHash);
      statements.primaryPath.run(doc.id);
    }).immediate,

    /** Forgets a path that is gone from the corpus, and its document if no other path has it. */
    remove: db.transaction((path: string) => releasePath(path)).immediate,
  };
}

/** Applies manifest and page metadata to a stored document; the manifest wins, defaults fill the rest. */
export function metadataUpdater(db: Database.Database) {
  // Only rows whose metadata differs are written: rewriting all of them dirtied the store's pages on every run.
  const update = db.prepare(`UPDATE documents SET title = @title, source = @source, kind = @kind, published = @published,
    published_earliest = @publishedEarliest, language = @language, url = @url, author = @author
    WHERE id = @id AND (title IS NOT @title OR source IS NOT @source OR kind IS NOT @kind OR published IS NOT @published
      OR published_earliest IS NOT @publishedEarliest OR language IS NOT @language OR url IS NOT @url OR author IS NOT @author)`);
  return (id: string, meta: Required<Pick<DocMeta, 'title' | 'kind'>> & DocMeta) =>
    update.run({
      id,
      title: meta.title,
      kind: meta.kind,
      source: meta.source ?? null,
      published: meta.published ?? null,
      publishedEarliest: meta.publishedEarliest ?? null,
      language: meta.language ?? null,
      url: meta.url ?? null,
      author: meta.author ?? null,
    });
}
