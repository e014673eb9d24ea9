/** What reconciliation reads from the store: figures and claims with their documents, sentences, holders and speakers. */
import type Database from 'better-sqlite3';
import type { StoredMeasurement } from '../../pipeline/db/documents.ts';
import { addTo } from '../../pipeline/collections.ts';

export interface DocumentInfo {
  id: string;
  path: string;
  title: string;
  kind: string;
  /** The publication date as known, and its lower bound. */
  published: string | null;
  publishedEarliest: string | null;
}

export interface FigureRow extends StoredMeasurement {
  id: string;
  doc: string;
  sentence: string;
  sentenceText: string;
  sentenceStart: number;
  start: number;
  end: number;
  holder: string | null;
  holderName: string | null;
  time: string | null;
  timeSource: string;
  partOf: string | null;
  speaker: string | null;
}

export interface ClaimRow {
  id: string;
  doc: string;
  side: string;
  /** Entity ids the claim names. */
  entities: string[];
  lemmas: string[];
  sentence: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerEntity: string | null;
  negated: boolean;
  reportingVerb: string | null;
}

export interface MentionRow {
  doc: string;
  sentence: string;
  start: number;
  end: number;
  entity: string;
  name: string;
  type: string;
}

export interface EntityName {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

/** Each document's main subject: the organisation or initiative it names most (ties to the first id). */
function documentTopics(counts: { doc: string; entity: string; mentions: number }[]): Map<string, string> {
  const best = new Map<string, { entity: string; mentions: number }>();
  for (const { doc, entity, mentions } of counts) {
    const current = best.get(doc);
    if (!current || mentions > current.mentions || (mentions === current.mentions && entity < current.entity)) best.set(doc, { entity, mentions });
  }
  return new Map([...best].map(([doc, { entity }]) => [doc, entity]));
}

export interface ReconcileInput {
  documents: Map<string, DocumentInfo>;
  /** The text, start offset and paragraph number of each sentence that states a figure or may hold a list, by sentence id. */
  sentences: Map<string, { text: string; start: number; paragraph: number }>;
  figures: FigureRow[];
  claims: ClaimRow[];
  /** The mentions of the sentences that name three entities or more, in corpus order. */
  listMentions: MentionRow[];
  /** Each document's main subject (see documentTopics). */
  topics: Map<string, string>;
  entities: EntityName[];
}

export function loadReconcileInput(db: Database.Database): ReconcileInput {
  const documents = new Map(
    (db.prepare('SELECT id, path, title, kind, published, published_earliest AS publishedEarliest FROM documents ORDER BY path').all() as DocumentInfo[]).map((row) => [row.id, row]),
  );
  const figures = db
    .prepare(
      `SELECT f.id, f.document_id AS doc, f.sentence_id AS sentence, s.text AS sentenceText, s.span_start AS sentenceStart, f.span_start AS start, f.span_end AS end,
         f.quote, f.value, f.unit, f.counted, f.qualifier, f.scope, f.holder_entity_id AS holder, f.holder AS holderName, f.time, f.time_source AS timeSource, f.part_of AS partOf, f.speaker
       FROM figure_details f JOIN sentences s ON s.id = f.sentence_id JOIN documents d ON d.id = f.document_id
       ORDER BY d.path, f.span_start`,
    )
    .all() as FigureRow[];
  const claimEntities = new Map<string, string[]>();
  for (const row of db.prepare('SELECT DISTINCT ce.claim_id AS claim, m.entity_id AS entity FROM claim_entities ce JOIN mentions m ON m.id = ce.mention_id WHERE m.entity_id IS NOT NULL ORDER BY ce.claim_id, m.entity_id').all() as { claim: string; entity: string }[]) {
    addTo(claimEntities, row.claim, row.entity);
  }
  const claims = (
    db
      .prepare(
        `SELECT c.id, c.document_id AS doc, d.kind AS side, s.terms, c.sentence_id AS sentence, p.ordinal AS paragraph, c.span_start AS start, c.span_end AS end, c.text,
           cs.speaker, cs.speaker_entity_id AS speakerEntity, c.negated, c.reporting_verb AS reportingVerb
         FROM claims c JOIN sentences s ON s.id = c.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id JOIN documents d ON d.id = c.document_id
         JOIN claim_speakers cs ON cs.claim_id = c.id
         ORDER BY d.path, c.span_start`,
      )
      .all() as (Omit<ClaimRow, 'negated' | 'entities' | 'lemmas'> & { negated: number; terms: string })[]
  ).map(({ terms, ...row }) => ({ ...row, negated: row.negated === 1, lemmas: terms.split(' '), entities: claimEntities.get(row.id) ?? [] }));
  // Only the sentences that name three entities or more can hold a list.
  const listMentions = db
    .prepare(
      `SELECT m.document_id AS doc, m.sentence_id AS sentence, m.span_start AS start, m.span_end AS end, m.entity_id AS entity, e.name, e.type
       FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.document_id
       WHERE m.sentence_id IN (SELECT sentence_id FROM mentions WHERE entity_id IS NOT NULL GROUP BY sentence_id HAVING count(DISTINCT entity_id) >= 3)
       ORDER BY d.path, m.span_start`,
    )
    .all() as MentionRow[];
  const topicCounts = db
    .prepare(
      `SELECT m.document_id AS doc, m.entity_id AS entity, count(*) AS mentions FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE e.type IN ('organization', 'initiative') GROUP BY m.document_id, m.entity_id`,
    )
    .all() as { doc: string; entity: string; mentions: number }[];
  const entities = (db.prepare('SELECT id, name, type, aliases FROM entities ORDER BY id').all() as { id: string; name: string; type: string; aliases: string }[]).map((row) => ({
    ...row,
    aliases: JSON.parse(row.aliases) as string[],
  }));
  // Not every sentence: the rules read only those of the figures and lists just read (the stems of all are counted in the store).
  const wanted = new Set([...figures.map((figure) => figure.sentence), ...listMentions.map((mention) => mention.sentence)]);
  const sentences = new Map(
    (
      db
        .prepare('SELECT s.id, s.text, s.span_start AS start, p.ordinal AS paragraph FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id WHERE s.id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify([...wanted])) as { id: string; text: string; start: number; paragraph: number }[]
    ).map(({ id, ...sentence }) => [id, sentence]),
  );
  return { documents, sentences, figures, claims, listMentions, topics: documentTopics(topicCounts), entities };
}
