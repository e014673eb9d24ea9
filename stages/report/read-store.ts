/** The report stage's only source: rows read from the store, never in-memory pipeline state. */
import type Database from 'better-sqlite3';
import type { StoredEntity, StoredMeasurement } from '../../pipeline/db/documents.ts';
import { statement } from '../../pipeline/db/statements.ts';

export interface StoredDocument {
  id: string;
  path: string;
  title: string;
  source: string | null;
  kind: string;
  published: string | null;
  published_earliest: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
  encoding: string;
  word_count: number;
  boilerplate_chars: number;
}

export interface StoredParagraph {
  id: string;
  ordinal: number;
  span_start: number;
  span_end: number;
  text: string;
}

export interface StoredRemoval {
  rule: string;
  chars: number;
  location: string;
}

export function readDocuments(db: Database.Database): StoredDocument[] {
  // Not the text: the pages show it by paragraph, and every document's text at once is the corpus held twice.
  const sql = 'SELECT id, path, title, source, kind, published, published_earliest, language, url, author, encoding, word_count, boilerplate_chars FROM documents ORDER BY path';
  return statement(db, sql).all() as StoredDocument[];
}

export function readFiles(db: Database.Database, documentId: string): string[] {
  return (statement(db, 'SELECT path FROM document_files WHERE document_id = ? ORDER BY path').all(documentId) as { path: string }[]).map((row) => row.path);
}

export function readParagraphs(db: Database.Database, documentId: string): StoredParagraph[] {
  return statement(db, 'SELECT id, ordinal, span_start, span_end, text FROM paragraphs WHERE document_id = ? ORDER BY ordinal').all(documentId) as StoredParagraph[];
}

export function readRemovals(db: Database.Database, documentId: string): StoredRemoval[] {
  return statement(db, 'SELECT rule, chars, location FROM boilerplate_blocks WHERE document_id = ? ORDER BY ordinal').all(documentId) as StoredRemoval[];
}

/** Each document's boilerplate rules, each once, in the order they first removed something. */
export function readRemovalRules(db: Database.Database): Map<string, string[]> {
  const rules = new Map<string, string[]>();
  for (const row of statement(db, 'SELECT document_id, rule FROM boilerplate_blocks ORDER BY document_id, ordinal').all() as { document_id: string; rule: string }[]) {
    const list = rules.get(row.document_id);
    if (!list) rules.set(row.document_id, [row.rule]);
    else if (!list.includes(row.rule)) list.push(row.rule);
  }
  return rules;
}

export interface EntityMention {
  entity_id: string;
  document_id: string;
  paragraph: number;
  count: number;
}

/** Mentions per entity and document, with the paragraph each is in (of one entity, when given). */
export function readEntityMentions(db: Database.Database, entityId?: string): EntityMention[] {
  const sql = `SELECT m.entity_id, m.document_id, p.ordinal AS paragraph, count(*) AS count
    FROM mentions m JOIN sentences s ON s.id = m.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id JOIN documents d ON d.id = m.document_id
    WHERE ${entityId === undefined ? 'm.entity_id IS NOT NULL' : 'm.entity_id = ?'} GROUP BY m.entity_id, m.document_id, p.ordinal ORDER BY d.path, p.ordinal`;
  return (entityId === undefined ? statement(db, sql).all() : statement(db, sql).all(entityId)) as EntityMention[];
}

/** Two entities named in the same sentence (a before b by id), and in how many sentences. */
export interface EntityPair {
  a: string;
  b: string;
  sentences: number;
}

/** Pairs of entities named in the same sentence, most sentences first (of one entity, in no order, when given). */
export function readCooccurrences(db: Database.Database, entityId?: string): EntityPair[] {
  if (entityId !== undefined) {
    const sql = `SELECT min(a.entity_id, b.entity_id) AS a, max(a.entity_id, b.entity_id) AS b, count(DISTINCT a.sentence_id) AS sentences
      FROM mentions a JOIN mentions b ON a.sentence_id = b.sentence_id AND b.entity_id <> a.entity_id
      WHERE a.entity_id = ? GROUP BY b.entity_id`;
    return statement(db, sql).all(entityId) as EntityPair[];
  }
  const sql = `SELECT a.entity_id AS a, b.entity_id AS b, count(DISTINCT a.sentence_id) AS sentences
    FROM mentions a JOIN mentions b ON a.sentence_id = b.sentence_id AND a.entity_id < b.entity_id
    GROUP BY a.entity_id, b.entity_id ORDER BY sentences DESC, a.entity_id, b.entity_id`;
  return statement(db, sql).all() as EntityPair[];
}

export interface StoredFigure extends StoredMeasurement {
  id: string;
  document_id: string;
  paragraph: number;
  holder: string | null;
  holder_id: string | null;
  time: string | null;
  speaker: string | null;
  sentence: string;
}

/** A StoredFigure's columns, from `figure_details f` with its sentence, paragraph and document `d`. */
const SELECT_FIGURES = `SELECT f.id, f.document_id, p.ordinal AS paragraph, f.quote, f.value, f.unit, f.counted, f.qualifier, f.scope, f.holder, f.holder_entity_id AS holder_id,
       f.time, f.speaker, s.text AS sentence
     FROM figure_details f JOIN sentences s ON s.id = f.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id JOIN documents d ON d.id = f.document_id`;

/** What a figure counts, as figures.md names it, in SQL over `figure_details f`. */
const FIGURE_COUNTS = `coalesce(f.counted, CASE WHEN f.unit = 'count' THEN 'things not named' ELSE f.unit END)`;
/** The name of the group a figure is shown in on figures.md (what it counts, and its holder), in SQL; figures-page.ts's groupName in JS. */
const FIGURE_GROUP = `${FIGURE_COUNTS} || CASE WHEN coalesce(f.holder, '') = '' THEN '' ELSE ' — ' || f.holder END`;

/** The figures of the groups named, in corpus order. */
export function readFiguresOfGroups(db: Database.Database, groups: string[]): StoredFigure[] {
  // What the groups count, each name cut at each " — ": tested first, so that the holder (a look-up per
  // figure) is named only for figures that count one of them.
  const counts = new Set(groups.flatMap((group) => [group, ...[...group.matchAll(/ — /g)].map((match) => group.slice(0, match.index))]));
  const sql = `${SELECT_FIGURES}
     WHERE ${FIGURE_COUNTS} IN (SELECT value FROM json_each(@counts)) AND ${FIGURE_GROUP} IN (SELECT value FROM json_each(@groups)) ORDER BY d.path, f.span_start`;
  return statement(db, sql).all({ counts: JSON.stringify([...counts]), groups: JSON.stringify(groups) }) as StoredFigure[];
}

export function readFigures(db: Database.Database, documentId?: string): StoredFigure[] {
  // Two statements, not "? IS NULL OR document_id = ?", which would scan every figure for each document.
  const sql = `${SELECT_FIGURES}
     ${documentId === undefined ? '' : 'WHERE f.document_id = ?'} ORDER BY d.path, f.span_start`;
  return (documentId === undefined ? statement(db, sql).all() : statement(db, sql).all(documentId)) as StoredFigure[];
}

export interface StoredClaim {
  id: string;
  paragraph: number;
  text: string;
  speaker: string | null;
  speaker_id: string | null;
  direct: number;
  reporting_verb: string | null;
  hedges: string;
  negated: number;
  score: number;
}

export function readClaims(db: Database.Database, documentId: string): StoredClaim[] {
  const sql = `SELECT c.id, p.ordinal AS paragraph, c.text, cs.speaker, cs.speaker_entity_id AS speaker_id, c.direct, c.reporting_verb, c.hedges, c.negated, c.score
    FROM claims c JOIN sentences s ON s.id = c.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id JOIN claim_speakers cs ON cs.claim_id = c.id
    WHERE c.document_id = ? ORDER BY c.span_start`;
  return statement(db, sql).all(documentId) as StoredClaim[];
}
