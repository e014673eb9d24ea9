/**
 * The whole store as one JSON document: stable order (documents by path, items by offset), stable ids,
 * no run records or timestamps, so the same corpus always exports the same bytes.
 */
import type Database from 'better-sqlite3';
import type { StoredMeasurement } from './db/documents.ts';
import { readFindings, type StoredReview } from './db/findings.ts';
import { addTo } from './collections.ts';

export interface ExportedDocument {
  id: string;
  path: string;
  paths: string[];
  title: string;
  source: string | null;
  kind: string;
  published: string | null;
  published_earliest: string | null;
  language: string | null;
  url: string | null;
  author: string | null;
  encoding: string;
  content_hash: string;
  word_count: number;
  boilerplate_chars: number;
  boilerplate: { rule: string; chars: number; location: string }[];
  text: string;
}

export interface ExportedSpanItem {
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface ExportedMention extends ExportedSpanItem {
  sentence: string;
  role: string | null;
}

export interface ExportedEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  roles: string[];
  mentions: ExportedMention[];
}

export interface ExportedFigure extends StoredMeasurement {
  id: string;
  doc: string;
  sentence: string;
  start: number;
  end: number;
  /** The name of the entity the figure is about. */
  holder: string | null;
  holder_entity: string | null;
  time: string | null;
  time_source: string;
  /** Who stated it, when it is inside an attributed claim. */
  speaker: string | null;
  part_of: string | null;
  /** level, change, share or duration. */
  type: string;
  /** up or down, for a change; else null. */
  direction: string | null;
  /** The ends of a range (its value is the low end); else null. */
  low: number | null;
  high: number | null;
  /** The later level a change construction links this figure to, and how: `earlier` (the level before) or `change` (the amount). */
  linked_to: string | null;
  link: string | null;
}

export interface ExportedClaim {
  id: string;
  doc: string;
  sentence: string;
  start: number;
  end: number;
  text: string;
  /** Who made the claim: the resolved entity's name, else the words that name the speaker. */
  speaker: string | null;
  speaker_entity: string | null;
  direct: boolean;
  reporting_verb: string | null;
  hedged: boolean;
  hedges: string[];
  negated: boolean;
  score: number;
  features: Record<string, number>;
  /** Entity ids and figure ids the claim contains. */
  entities: string[];
  figures: string[];
}

export interface ExportedDate extends ExportedSpanItem {
  sentence: string;
  value: string;
  year_inferred: boolean;
}

export interface ExportedFinding {
  id: string;
  kind: string;
  summary: string;
  measure: string;
  severity: string;
  status: string;
  status_reason: string | null;
  evidence: string[];
  items: { doc: string; figure?: string; claim?: string; value?: number; quote: string; start: number; end: number; speaker: string | null; date: string | null; role: string }[];
  reviews: StoredReview[];
}

export interface Export {
  documents: ExportedDocument[];
  paragraphs: (ExportedSpanItem & { ordinal: number })[];
  sentences: (ExportedSpanItem & { paragraph: string; ordinal: number })[];
  entities: ExportedEntity[];
  figures: ExportedFigure[];
  claims: ExportedClaim[];
  dates: ExportedDate[];
  findings: ExportedFinding[];
  /** Every verdict ever recorded, oldest first. */
  reviews: StoredReview[];
}

export function exportStore(db: Database.Database): Export {
  // One read transaction: in WAL mode it reads one snapshot, so a run writing meanwhile cannot mix states.
  return db.transaction(() => readExport(db))();
}

function readExport(db: Database.Database): Export {
  const files = new Map<string, string[]>();
  for (const row of db.prepare('SELECT document_id, path FROM document_files ORDER BY path').all() as { document_id: string; path: string }[]) {
    addTo(files, row.document_id, row.path);
  }
  const removals = new Map<string, ExportedDocument['boilerplate']>();
  for (const row of db.prepare('SELECT document_id, rule, chars, location FROM boilerplate_blocks ORDER BY document_id, ordinal').all() as ({ document_id: string } & ExportedDocument['boilerplate'][number])[]) {
    const { document_id: id, ...removal } = row;
    addTo(removals, id, removal);
  }
  const documents = (
    db.prepare('SELECT id, path, title, source, kind, published, published_earliest, language, url, author, encoding, content_hash, word_count, boilerplate_chars, text FROM documents ORDER BY path').all() as Omit<ExportedDocument, 'paths' | 'boilerplate'>[]
  ).map(({ text, ...document }) => ({ ...document, paths: files.get(document.id) ?? [], boilerplate: removals.get(document.id) ?? [], text }));

  const paragraphs = db
    .prepare('SELECT p.id, p.document_id AS doc, p.ordinal, p.span_start AS start, p.span_end AS end, p.text FROM paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY d.path, p.ordinal')
    .all() as Export['paragraphs'];
  const sentences = db
    .prepare('SELECT s.id, s.document_id AS doc, s.paragraph_id AS paragraph, s.ordinal, s.span_start AS start, s.span_end AS end, s.text FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.ordinal')
    .all() as Export['sentences'];
  const mentionsByEntity = new Map<string, ExportedMention[]>();
  for (const row of db
    .prepare('SELECT m.entity_id, m.id, m.document_id AS doc, m.sentence_id AS sentence, m.span_start AS start, m.span_end AS end, m.text, m.role FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY d.path, m.span_start, m.span_end')
    .all() as (ExportedMention & { entity_id: string | null })[]) {
    const { entity_id: entity, ...mention } = row;
    if (entity) addTo(mentionsByEntity, entity, mention);
  }
  const entities = (db.prepare('SELECT id, name, type, aliases, roles FROM entities ORDER BY id').all() as { id: string; name: string; type: string; aliases: string; roles: string }[]).map((row) => ({
    ...row,
    aliases: JSON.parse(row.aliases) as string[],
    roles: JSON.parse(row.roles) as string[],
    mentions: mentionsByEntity.get(row.id) ?? [],
  }));
  const figures = db
    .prepare(
      `SELECT f.id, f.document_id AS doc, f.sentence_id AS sentence, f.span_start AS start, f.span_end AS end, f.quote, f.value, f.unit, f.counted, f.qualifier, f.scope,
         f.holder, f.holder_entity_id AS holder_entity, f.time, f.time_source, f.speaker, f.part_of, f.type, f.direction, f.low, f.high, f.linked_to, f.link
       FROM figure_details f JOIN documents d ON d.id = f.document_id
       ORDER BY d.path, f.span_start, f.span_end`,
    )
    .all() as ExportedFigure[];
  const dates = (
    db
      .prepare('SELECT t.id, t.document_id AS doc, t.sentence_id AS sentence, t.span_start AS start, t.span_end AS end, t.text, t.value, t.year_inferred FROM dates t JOIN documents d ON d.id = t.document_id ORDER BY d.path, t.span_start')
      .all() as (Omit<ExportedDate, 'year_inferred'> & { year_inferred: number })[]
  ).map((row) => ({ ...row, year_inferred: row.year_inferred === 1 }));
  const listsOf = (sql: string) => {
    const lists = new Map<string, string[]>();
    for (const row of db.prepare(sql).all() as { claim_id: string; item: string }[]) addTo(lists, row.claim_id, row.item);
    return lists;
  };
  const claimEntities = listsOf('SELECT DISTINCT ce.claim_id, m.entity_id AS item FROM claim_entities ce JOIN mentions m ON m.id = ce.mention_id WHERE m.entity_id IS NOT NULL ORDER BY ce.claim_id, m.entity_id');
  const claimFigures = listsOf('SELECT cf.claim_id, cf.figure_id AS item FROM claim_figures cf JOIN figures f ON f.id = cf.figure_id ORDER BY cf.claim_id, f.span_start');
  const claims = (
    db
      .prepare(
        `SELECT c.id, c.document_id AS doc, c.sentence_id AS sentence, c.span_start AS start, c.span_end AS end, c.text, cs.speaker, cs.speaker_entity_id AS speaker_entity,
           c.direct, c.reporting_verb, c.hedges, c.negated, c.score, c.features
         FROM claims c JOIN documents d ON d.id = c.document_id JOIN claim_speakers cs ON cs.claim_id = c.id
         ORDER BY d.path, c.span_start`,
      )
      .all() as (Omit<ExportedClaim, 'direct' | 'negated' | 'hedged' | 'hedges' | 'features' | 'entities' | 'figures'> & { direct: number; negated: number; hedges: string; features: string })[]
  ).map((row) => {
    const hedges = JSON.parse(row.hedges) as string[];
    return {
      ...row,
      direct: row.direct === 1,
      hedged: hedges.length > 0,
      hedges,
      negated: row.negated === 1,
      features: JSON.parse(row.features) as Record<string, number>,
      entities: claimEntities.get(row.id) ?? [],
      figures: claimFigures.get(row.id) ?? [],
    };
  });
  const findings = readFindings(db).map((finding) => ({
    id: finding.id,
    kind: finding.kind,
    summary: finding.summary,
    measure: finding.measure,
    severity: finding.severity,
    status: finding.status,
    status_reason: finding.status_reason,
    evidence: finding.evidence,
    items: finding.items.map((item) => ({
      doc: item.doc,
      ...(item.figure ? { figure: item.figure, value: item.value! } : {}),
      ...(item.claim ? { claim: item.claim } : {}),
      quote: item.quote,
      start: item.start,
      end: item.end,
      speaker: item.speaker,
      date: item.date,
      role: item.role,
    })),
    reviews: finding.reviews,
  }));
  const reviews = db.prepare('SELECT id, finding_id AS finding, verdict, note, reviewer, reviewed_at FROM reviews ORDER BY id').all() as StoredReview[];
  return { documents, paragraphs, sentences, entities, figures, claims, dates, findings, reviews };
}
