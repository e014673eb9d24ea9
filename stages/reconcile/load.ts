/**
 * What reconciliation reads from the store: figures and claims with their documents, sentences, holders
 * and speakers, and the lists of names in their sentences. The rules (rules/) read what is loaded here;
 * nothing here depends on a rule.
 */
import type Database from 'better-sqlite3';
import { addTo } from '../../pipeline/collections.ts';
import type { CurrentEntity } from '../resolve-entities/current.ts';
import { stems } from './stems.ts';
import { loadedFigure, type EntityName, type FigureRow, type LoadedFigure } from './measures.ts';
import { findLists, type EntityList, type MentionRow } from './entity-lists.ts';
import { claimsBySubject, readClaim, type ClaimSource, type Reading } from './claim-reading.ts';

export interface DocumentInfo {
  id: string;
  path: string;
  title: string;
  kind: string;
  /** The publication date as known, and its lower bound. */
  published: string | null;
  publishedEarliest: string | null;
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
  /** Its discrediting word and evaluation (claim-reading.ts). */
  reading: Reading;
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
  /** The text, start offset and paragraph number of each sentence that may hold a list, by sentence id. */
  sentences: Map<string, SentenceInfo>;
  figures: LoadedFigure[];
  /** Each document's claims, in corpus order, read when a subject needs them. */
  claimSources: ClaimSource<ClaimRow>[];
  /** The lists of named things, in corpus order. */
  lists: EntityList[];
  entities: EntityName[];
}

export interface SentenceInfo {
  text: string;
  start: number;
  paragraph: number;
}

/**
 * What reconciliation reads of one document: all of it comes from the document's own rows (and the
 * names and types of the entities it mentions).
 */
export interface DocumentInputs {
  info: DocumentInfo;
  figures: LoadedFigure[];
  claims: ClaimRow[];
  /** The sentences of its lists. */
  sentences: [string, SentenceInfo][];
  lists: EntityList[];
  topic: string | null;
}

const IN_DOCUMENTS = 'IN (SELECT value FROM json_each(?))';

/** The inputs of the documents given, by document id, each in text order. */
export function loadDocumentInputs(db: Database.Database, ids: string[]): Map<string, DocumentInputs> {
  const list = JSON.stringify(ids);
  const inputs = new Map<string, DocumentInputs>();
  for (const info of db.prepare(`SELECT id, path, title, kind, published, published_earliest AS publishedEarliest FROM documents WHERE id ${IN_DOCUMENTS}`).all(list) as DocumentInfo[]) {
    inputs.set(info.id, { info, figures: [], claims: [], sentences: [], lists: [], topic: null });
  }
  const figures = db
    .prepare(
      `SELECT f.id, f.document_id AS doc, f.sentence_id AS sentence, s.text AS sentenceText, s.span_start AS sentenceStart, p.ordinal AS paragraph, f.span_start AS start, f.span_end AS end,
         f.quote, f.value, f.unit, f.type, f.direction, f.counted, f.qualifier, f.scope, f.holder_entity_id AS holder, f.holder AS holderName, f.time, f.time_source AS timeSource, f.part_of AS partOf, f.speaker
       FROM figure_details f JOIN sentences s ON s.id = f.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id
       WHERE f.document_id ${IN_DOCUMENTS} ORDER BY f.document_id, f.span_start`,
    )
    .all(list) as Omit<FigureRow, 'stems'>[];
  for (const figure of figures) {
    const quoted = stems(figure.quote);
    inputs.get(figure.doc)!.figures.push(loadedFigure({ ...figure, stems: [...stems(figure.sentenceText)].filter((stem) => !quoted.has(stem)) }));
  }
  const claimEntities = new Map<string, string[]>();
  const entitiesOfClaims = db.prepare(
    `SELECT DISTINCT ce.claim_id AS claim, m.entity_id AS entity FROM claim_entities ce JOIN mentions m ON m.id = ce.mention_id
     WHERE m.entity_id IS NOT NULL AND m.document_id ${IN_DOCUMENTS} ORDER BY ce.claim_id, m.entity_id`,
  );
  for (const row of entitiesOfClaims.all(list) as { claim: string; entity: string }[]) addTo(claimEntities, row.claim, row.entity);
  const claims = db
    .prepare(
      `SELECT c.id, c.document_id AS doc, d.kind AS side, s.terms, c.sentence_id AS sentence, p.ordinal AS paragraph, c.span_start AS start, c.span_end AS end, c.text,
         cs.speaker, cs.speaker_entity_id AS speakerEntity, c.negated, c.reporting_verb AS reportingVerb
       FROM claims c JOIN sentences s ON s.id = c.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id JOIN documents d ON d.id = c.document_id
       JOIN claim_speakers cs ON cs.claim_id = c.id
       WHERE c.document_id ${IN_DOCUMENTS} ORDER BY c.document_id, c.span_start`,
    )
    .all(list) as (Omit<ClaimRow, 'negated' | 'entities' | 'lemmas' | 'reading'> & { negated: number; terms: string })[];
  for (const { terms, ...row } of claims) {
    inputs.get(row.doc)!.claims.push({ ...row, negated: row.negated === 1, lemmas: terms.split(' '), entities: claimEntities.get(row.id) ?? [], reading: readClaim(row.text) });
  }
  // Only the sentences that name three entities or more can hold a list.
  const listMentions = db
    .prepare(
      `SELECT m.document_id AS doc, m.sentence_id AS sentence, m.span_start AS start, m.span_end AS end, m.entity_id AS entity, e.name, e.type
       FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.document_id ${IN_DOCUMENTS} AND m.sentence_id IN (
         SELECT sentence_id FROM mentions WHERE entity_id IS NOT NULL AND document_id ${IN_DOCUMENTS} GROUP BY sentence_id HAVING count(DISTINCT entity_id) >= 3)
       ORDER BY m.document_id, m.span_start`,
    )
    .all(list, list) as MentionRow[];
  const mentionsOf = new Map<string, MentionRow[]>();
  for (const mention of listMentions) addTo(mentionsOf, mention.doc, mention);
  const topicCounts = db
    .prepare(
      `SELECT m.document_id AS doc, m.entity_id AS entity, count(*) AS mentions FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE e.type IN ('organization', 'initiative') AND m.document_id ${IN_DOCUMENTS} GROUP BY m.document_id, m.entity_id`,
    )
    .all(list) as { doc: string; entity: string; mentions: number }[];
  for (const [doc, topic] of documentTopics(topicCounts)) inputs.get(doc)!.topic = topic;
  // Not every sentence: the rules read only those of the lists just read (the stems of all are counted in the store).
  const wanted = new Set(listMentions.map((mention) => mention.sentence));
  const sentences = new Map<string, Map<string, SentenceInfo>>();
  const rows = db
    .prepare('SELECT s.id, s.document_id AS doc, s.text, s.span_start AS start, p.ordinal AS paragraph FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.document_id, s.span_start')
    .all(JSON.stringify([...wanted])) as ({ id: string; doc: string } & SentenceInfo)[];
  for (const { id, doc, ...sentence } of rows) sentences.set(doc, (sentences.get(doc) ?? new Map<string, SentenceInfo>()).set(id, sentence));
  for (const [doc, document] of inputs) {
    const own = sentences.get(doc) ?? new Map<string, SentenceInfo>();
    document.lists = findLists(mentionsOf.get(doc) ?? [], own);
    const listed = new Set(document.lists.map((list) => list.sentence));
    document.sentences = [...own].filter(([id]) => listed.has(id));
  }
  return inputs;
}

/**
 * A document's inputs as reconciliation keeps them: all but its claims (two thirds of the inputs of a
 * corpus), of which it keeps how many there are and what they are about. The claims about a subject are
 * read when the subject is compared again (`about`), all of them only to count their lemmas again.
 */
export type KeptInputs = Omit<DocumentInputs, 'claims'> & { claimCount: number; claimSubjects: string[] };

export interface KeptDocument {
  inputs: KeptInputs;
  claims(): ClaimRow[];
  about(subject: string): ClaimRow[];
}

/** The inputs just loaded, split as kept, with their claims by subject (claimsBySubject). */
export function keep(inputs: DocumentInputs): KeptDocument & { bySubject: Map<string, ClaimRow[]> } {
  const { claims, ...rest } = inputs;
  const bySubject = claimsBySubject(claims, rest.topic);
  return { inputs: { ...rest, claimCount: claims.length, claimSubjects: [...bySubject.keys()] }, claims: () => claims, about: (subject) => bySubject.get(subject) ?? [], bySubject };
}

/** The corpus's inputs from its documents' (any order: they are put in corpus order, by path). */
export function assembleInput(kept: Iterable<KeptDocument>, entities: EntityName[]): ReconcileInput {
  const sources = [...kept].sort((a, b) => (a.inputs.info.path < b.inputs.info.path ? -1 : a.inputs.info.path > b.inputs.info.path ? 1 : 0));
  const ordered = sources.map((document) => document.inputs);
  return {
    documents: new Map(ordered.map((document) => [document.info.id, document.info])),
    sentences: new Map(ordered.flatMap((document) => document.sentences)),
    figures: ordered.flatMap((document) => document.figures),
    claimSources: sources.map(({ inputs, about }) => ({ doc: inputs.info.id, side: inputs.info.kind, subjects: inputs.claimSubjects, count: inputs.claimCount, about })),
    lists: ordered.flatMap((document) => document.lists),
    entities,
  };
}

/**
 * The entities holder inference and framing name: every stored entity, in id order, as the resolution
 * just run left them (`resolved`) or else from the store. Only holder inference reads aliases, and only
 * those of organisations and initiatives: the others' are left empty.
 */
export function loadEntityNames(db: Database.Database, resolved?: CurrentEntity[]): EntityName[] {
  if (resolved) return resolved.map(({ id, name, type, aliases }) => ({ id, name, type, aliases: HOLDER_TYPES.has(type) ? (JSON.parse(aliases) as string[]) : [] }));
  const sql = `SELECT id, name, type, CASE WHEN type IN (${[...HOLDER_TYPES].map((type) => `'${type}'`).join(', ')}) THEN aliases END AS aliases FROM entities ORDER BY id`;
  return (db.prepare(sql).all() as { id: string; name: string; type: string; aliases: string | null }[]).map((row) => ({
    ...row,
    aliases: row.aliases === null ? [] : (JSON.parse(row.aliases) as string[]),
  }));
}

/** The types whose aliases holder inference reads. */
const HOLDER_TYPES = new Set(['organization', 'initiative']);
