/**
 * narratives: how the sides tell the same story. A side is a document kind (press, critique, …), for
 * any number of sides. Stores each side's distinctive terms (Fightin' Words z-scores, with example
 * sentences), the subjects both sides talk about (entities and shared terms) with each side's
 * sentences, evaluation and characteristic words, and who each side quotes. Framing conflicts are
 * findings, made by the framing rule of reconcile.
 */
import type Database from 'better-sqlite3';
import type { CorpusStage } from '../../pipeline/stage.ts';
import { evaluate } from './evaluation.ts';
import { fightinWords, termsOf, topFightinWords, vocabularyOf } from './fightin-words.ts';
import { applyTermCountChanges, updatedTermCounts, type SideCounts, type TermCountChanges } from './term-counts.ts';
import { addTo } from '../../pipeline/collections.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';
import { formatNumber } from '../../pipeline/format.ts';

interface SentenceRow {
  id: string;
  doc: string;
  side: string;
  /** Its unigrams and bigrams (termsOf), worked out once: every count and look-up below reads them. */
  terms: string[];
}

const VERSION = CORPUS_STAGE_VERSIONS.narratives;
const TOP_TERMS = 25;
const SUBJECTS = 8;
/** How many terms are subjects, besides the entities. */
const TERM_SUBJECTS = 4;

function countTerms(sentences: SentenceRow[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const sentence of sentences) {
    const side = counts.get(sentence.side) ?? new Map<string, number>();
    for (const term of sentence.terms) side.set(term, (side.get(term) ?? 0) + 1);
    counts.set(sentence.side, side);
  }
  return counts;
}

/** The sentences most typical of a set: those whose terms are most common in the set, per word. */
function representative(sentences: SentenceRow[], count: number): SentenceRow[] {
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const term of new Set(sentence.terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const score = (sentence: SentenceRow) => {
    const terms = sentence.terms.filter((term) => !term.includes(' '));
    return terms.length === 0 ? 0 : terms.reduce((sum, term) => sum + (frequency.get(term) ?? 0), 0) / Math.sqrt(terms.length);
  };
  // Each sentence scored once, not once per comparison of the sort.
  const scored = sentences.map((sentence) => ({ sentence, score: score(sentence) }));
  return scored.sort((a, b) => b.score - a.score || (a.sentence.id < b.sentence.id ? -1 : 1)).slice(0, count).map(({ sentence }) => sentence);
}

/** What the narrative comparison stores: each side's distinctive terms and the subjects both sides discuss. */
export interface NarrativeRows {
  /** One side only: nothing to compare, and nothing stored. */
  single: boolean;
  terms: [side: string, term: string, count: number, otherCount: number, logOdds: number, z: number, rank: number, examples: string][];
  subjects: [subject: string, side: string, entity: string | null, sentences: number, sentiment: number, words: string, representative: string][];
  /** The term counts' changes, stored with the rows. */
  counts: TermCountChanges;
  /** How many sentences were read for the terms' examples and subjects. */
  scanned: number;
  /** Evaluation scores of subject sentences not scored before, to keep (_sentence_evaluations). */
  evaluations: [sentence: string, score: number][];
  /** Whom each side quotes, and the voices a side quotes that another names but never quotes. */
  speakers: [side: string, speaker: string, entity: string | null, claims: number][];
  absent: [side: string, speaker: string, other: string][];
}

/**
 * `side|entity` for each side that names an entity other sides quote and it does not: all an absent
 * voice needs. Per side, read from whichever holds fewer mentions, by estimate: the side's documents
 * (the new side of an add: one article) or those entities (what a large side is asked about: the few
 * voices a small side quotes), rather than every mention of every quoted entity.
 */
function namedBySides(db: Database.Database, sides: string[], quoted: NarrativeRows['speakers'], quotedBy: Set<string>): Set<string> {
  const namedBy = new Set<string>();
  const [documents, mentions] = db.prepare('SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions)').raw().get() as [number, number];
  const documentsOf = db.prepare('SELECT count(*) FROM documents WHERE kind = ?').pluck();
  const mentionsOf = db.prepare('SELECT coalesce(sum(mention_count), 0) FROM entities WHERE id IN (SELECT value FROM json_each(?))').pluck();
  // CROSS JOIN keeps the documents outside: their mentions are found by the document index.
  const namedInDocuments = db.prepare('SELECT DISTINCT m.entity_id FROM documents d CROSS JOIN mentions m ON m.document_id = d.id WHERE d.kind = ? AND m.entity_id IS NOT NULL').pluck();
  const namedOfEntities = db.prepare('SELECT DISTINCT m.entity_id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND d.kind = ?').pluck();
  for (const side of sides) {
    const asked = new Set(quoted.filter(([other, , entity]) => other !== side && !quotedBy.has(`${side}|${entity}`)).map(([, , entity]) => entity!));
    if (asked.size === 0) continue;
    const list = JSON.stringify([...asked]);
    const byDocuments = (mentions * (documentsOf.get(side) as number)) / Math.max(documents, 1) < (mentionsOf.get(list) as number);
    const named = (byDocuments ? namedInDocuments.all(side) : namedOfEntities.all(list, side)) as string[];
    for (const entity of named) if (asked.has(entity)) namedBy.add(`${side}|${entity}`);
  }
  return namedBy;
}

/**
 * Whom each side quotes (by the claims' speakers), and each voice a side quotes whose entity another
 * side names but never quotes, in the order the page lists them (which sides name them: namedBySides).
 */
function voices(db: Database.Database): Pick<NarrativeRows, 'speakers' | 'absent'> {
  const speakers = db
    .prepare(
      // claim_speakers' definition, joined instead of asked per claim (twice as fast on the BBC store). A
      // speaker's name given by claims with and without its entity is the entity's.
      `SELECT d.kind, coalesce(e.name, c.speaker_text) AS speaker, max(e.id), count(*) FROM claims c JOIN documents d ON d.id = c.document_id
         LEFT JOIN mentions m ON m.id = c.speaker_mention_id LEFT JOIN entities e ON e.id = m.entity_id
       WHERE c.speaker_mention_id IS NOT NULL OR c.speaker_text IS NOT NULL GROUP BY d.kind, speaker HAVING speaker IS NOT NULL`,
    )
    .raw()
    .all() as NarrativeRows['speakers'];
  const sides = db.prepare('SELECT DISTINCT kind FROM documents ORDER BY kind').pluck().all() as string[];
  const quoted = speakers.filter(([, , entity]) => entity !== null).sort(([a, x, , m], [b, y, , n]) => (a < b ? -1 : a > b ? 1 : n - m || (x < y ? -1 : x > y ? 1 : 0)));
  const quotedBy = new Set(quoted.map(([side, , entity]) => `${side}|${entity}`));
  const namedBy = namedBySides(db, sides, quoted, quotedBy);
  const absent = quoted.flatMap(([side, speaker, entity]) =>
    sides.filter((other) => other !== side && namedBy.has(`${other}|${entity}`) && !quotedBy.has(`${other}|${entity}`)).map((other): [string, string, string] => [side, speaker, other]),
  );
  return { speakers, absent };
}

/**
 * Each sentence's evaluation score: as stored by this version of the stage, else worked out from its
 * text (and added to `scored`, to store).
 */
function sentenceScores(db: Database.Database, ids: string[], scored: [string, number][]): Map<string, number> {
  const scores = new Map(db.prepare('SELECT sentence_id, score FROM _sentence_evaluations WHERE version = ? AND sentence_id IN (SELECT value FROM json_each(?))').raw().all(VERSION, JSON.stringify(ids)) as [string, number][]);
  const readText = db.prepare('SELECT text FROM sentences WHERE id = ?').pluck();
  for (const id of ids) {
    if (scores.has(id)) continue;
    const score = evaluate(readText.get(id) as string).score;
    scores.set(id, score);
    scored.push([id, score]);
  }
  return scores;
}

/** Targets a sentence's stored terms use: unigrams and bigrams, without splitting every bigram out (see termsOf). */
function usedTerms(stored: string, targets: Set<string>, bigramStarts: Set<string>): string[] {
  const words = stored.split(' ');
  const used: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === '' || word === '/') continue;
    if (targets.has(word)) used.push(word);
    const next = words[i + 1];
    if (next && next !== '/' && bigramStarts.has(word) && targets.has(`${word} ${next}`)) used.push(`${word} ${next}`);
  }
  return [...new Set(used)];
}

/** Matches stored terms (words separated by spaces) that include one of `words`: literals in one alternation. */
export function wordMatcher(words: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?= |$)`);
}

/**
 * The sentences using `all` (every one), and the first two of each side for the terms `examples` wants
 * of it (the side's top terms), in corpus order: one pass over the stored terms, splitting only the
 * sentences that use a term still looked for into all their terms. A term stops being looked for once
 * each side wanting it has its two examples, or all the sentences it has (`available`: how many of the
 * side's sentences use it, or an upper bound): the pass goes on for `all` only.
 */
function sentencesUsing(
  db: Database.Database,
  all: Set<string>,
  examples: { side: string; term: string }[],
  available: (side: string, term: string) => number,
): { found: Map<string, SentenceRow[]>; scanned: number } {
  // Examples still wanted, by side and term, and how many sides still want each term.
  const wanted = new Map<string, number>();
  const wanting = new Map<string, number>();
  for (const { side, term } of examples) {
    const key = `${side}\u0000${term}`;
    const count = Math.min(2, available(side, term));
    if (all.has(term) || count === 0 || wanted.has(key)) continue;
    wanted.set(key, count);
    wanting.set(term, (wanting.get(term) ?? 0) + 1);
  }
  let targets = new Set<string>();
  let bigramStarts = new Set<string>();
  // A sentence can use a target only if it has a target's first word: only those are split into words.
  let mayUse = /(?!)/;
  const lookFor = () => {
    targets = new Set([...all, ...wanting.keys()]);
    bigramStarts = new Set([...targets].filter((term) => term.includes(' ')).map((term) => term.slice(0, term.indexOf(' '))));
    mayUse = targets.size === 0 ? /(?!)/ : wordMatcher([...new Set([...targets].map((term) => term.split(' ')[0]!))]);
  };
  lookFor();
  const found = new Map<string, SentenceRow[]>();
  let scanned = 0;
  const sentencesOf = db.prepare('SELECT id, terms FROM sentences WHERE document_id = ? ORDER BY ordinal').raw();
  // Document by document, in corpus order: cheaper than sorting every sentence by its document's path.
  for (const [doc, side] of db.prepare('SELECT id, kind FROM documents ORDER BY path').raw().all() as [string, string][]) {
    if (targets.size === 0) break;
    let narrowed = false;
    for (const [id, stored] of sentencesOf.iterate(doc) as Iterable<[string, string]>) {
      scanned += 1;
      if (!mayUse.test(stored)) continue;
      let sentence: SentenceRow | undefined;
      for (const term of usedTerms(stored, targets, bigramStarts)) {
        if (!all.has(term)) {
          const key = `${side}\u0000${term}`;
          const still = wanted.get(key) ?? 0;
          if (still === 0) continue;
          wanted.set(key, still - 1);
          if (still === 1 && wanting.set(term, wanting.get(term)! - 1).get(term) === 0) {
            wanting.delete(term);
            narrowed = true;
          }
        }
        sentence ??= { id, doc, side, terms: termsOf(stored) };
        addTo(found, term, sentence);
      }
    }
    if (narrowed) lookFor();
  }
  return { found, scanned };
}

/** An entity's sentences, in corpus order. */
function entitySentences(db: Database.Database, entity: string): SentenceRow[] {
  const sql = `SELECT s.id, s.document_id AS doc, d.kind AS side, s.terms FROM sentences s JOIN documents d ON d.id = s.document_id
    WHERE s.id IN (SELECT sentence_id FROM mentions WHERE entity_id = ?) ORDER BY d.path, s.ordinal`;
  return (db.prepare(sql).all(entity) as (Omit<SentenceRow, 'terms'> & { terms: string })[]).map((row) => ({ ...row, terms: termsOf(row.terms) }));
}

/**
 * Entities that may be subjects of every side, with the sentences naming them on each side. Only an
 * entity the smallest side (fewest documents) names in two sentences can be one, so those are counted.
 */
function entitySentenceCounts(db: Database.Database, sides: string[]): Map<string, Map<string, number>> {
  const documents = new Map(db.prepare('SELECT kind, count(*) FROM documents GROUP BY kind').raw().all() as [string, number][]);
  const smallest = [...sides].sort((a, b) => documents.get(a)! - documents.get(b)! || (a < b ? -1 : 1))[0]!;
  const named = db
    // From the side's documents to their mentions (CROSS JOIN keeps that order): not every mention by entity.
    .prepare('SELECT m.entity_id FROM documents d CROSS JOIN mentions m ON m.document_id = d.id WHERE d.kind = ? AND m.entity_id IS NOT NULL GROUP BY m.entity_id HAVING count(DISTINCT m.sentence_id) >= 2')
    .pluck()
    .all(smallest) as string[];
  const counts = new Map<string, Map<string, number>>();
  const perSide = db.prepare(
    `SELECT m.entity_id, d.kind, count(DISTINCT m.sentence_id) FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND m.entity_id IN (SELECT id FROM entities) GROUP BY m.entity_id, d.kind`,
  );
  for (const [entity, side, sentences] of perSide.raw().iterate(JSON.stringify(named)) as Iterable<[string, string, number]>) {
    counts.set(entity, (counts.get(entity) ?? new Map<string, number>()).set(side, sentences));
  }
  return counts;
}

/** The words of the entities' names. */
function nameWordsOf(names: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const name of names) for (const word of name.toLowerCase().split(/\s+/)) words.add(word);
  return words;
}

/** The least of `count` over the sides: how well the side that uses a subject least covers it. */
const fewest = (sides: string[], count: (side: string) => number) => Math.min(...sides.map(count));

const byCoverage = <T extends { label: string; coverage: number }>(a: T, b: T) => b.coverage - a.coverage || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** Terms every side uses at least three times, by coverage: the term subjects are the first that are not words of names. */
function termCandidatesOf(counts: SideCounts, sides: string[]): { label: string; coverage: number }[] {
  const sentencesWith = (side: string, term: string) => counts.sentences.get(side)?.get(term) ?? 0;
  return [...(counts.occurrences.get(sides[0]!) ?? new Map<string, number>()).keys()]
    .filter((term) => !term.includes(' ') && sides.every((side) => (counts.occurrences.get(side)?.get(term) ?? 0) >= 3))
    .map((term) => ({ label: term, coverage: fewest(sides, (side) => sentencesWith(side, term)) }))
    .sort(byCoverage);
}

/** The entities' names, by id. After resolution some mention names each one (an entity is made of groups of mentions), so names need no look-up of each entity's mentions. */
function entityNames(db: Database.Database): Map<string, string> {
  return new Map(db.prepare('SELECT id, name FROM entities').raw().all() as [string, string][]);
}

/**
 * Works the comparison out from the store, reading only: the sides' term counts from the stored ones
 * with the changes since (term-counts.ts), each side's distinctive terms with their examples, and the
 * subjects both sides talk about (entities, then terms), each with its sentences on each side.
 */
function compareNarratives(db: Database.Database): NarrativeRows {
  const { changes, counts: sideCounts } = updatedTermCounts(db);
  const sides = (db.prepare('SELECT DISTINCT d.kind FROM documents d WHERE EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)').pluck().all() as string[]).sort();
  const rows: NarrativeRows = { single: sides.length < 2, terms: [], subjects: [], counts: changes, scanned: 0, evaluations: [], speakers: [], absent: [] };
  if (rows.single) return rows;
  const counts = sideCounts();
  const vocabulary = vocabularyOf(counts.occurrences);
  const tops = sides.map((side) => topFightinWords(vocabulary, side, TOP_TERMS));
  Object.assign(rows, voices(db));

  // Entities named on every side, by the sentences naming them on the side that has fewest, and the
  // terms every side uses at least three times (not words of names): the candidate subjects.
  const names = entityNames(db);
  const entityCandidates = [...entitySentenceCounts(db, sides)]
    .map(([id, count]) => ({ label: names.get(id)!, entity: id, coverage: fewest(sides, (side) => count.get(side) ?? 0) }))
    .filter((subject) => subject.coverage >= 2)
    .sort((a, b) => byCoverage(a, b) || (a.entity < b.entity ? -1 : 1))
    .slice(0, SUBJECTS);
  const nameWords = nameWordsOf(names.values());
  const termCandidates = termCandidatesOf(counts, sides).filter((term) => !nameWords.has(term.label)).slice(0, TERM_SUBJECTS);
  // A side's top term has examples among the side's sentences that use it (single words), or at most as many as it occurs (pairs).
  const examples = sides.flatMap((side, index) => tops[index]!.map((score) => ({ side, term: score.term })));
  const available = (side: string, term: string) => (term.includes(' ') ? counts.occurrences.get(side)?.get(term) : counts.sentences.get(side)?.get(term)) ?? 0;
  const { found, scanned } = sentencesUsing(db, new Set(termCandidates.map((term) => term.label)), examples, available);
  rows.scanned = scanned;
  sides.forEach((side, sideIndex) => {
    tops[sideIndex]!.forEach((score, index) => {
      const examples = (found.get(score.term) ?? []).filter((sentence) => sentence.side === side).slice(0, 2).map((sentence) => sentence.id);
      rows.terms.push([side, score.term, score.count, score.otherCount, score.logOdds, score.z, index + 1, JSON.stringify(examples)]);
    });
  });

  // Subjects both sides talk about: entities, then terms every side uses.
  const subjects = [
    ...entityCandidates.map(({ label, entity }) => ({ label, entity: entity as string | null, sentences: entitySentences(db, entity) })),
    ...termCandidates.map(({ label }) => ({ label, entity: null, sentences: found.get(label) ?? [] })),
  ];
  const scoreOf = sentenceScores(db, [...new Set(subjects.flatMap((subject) => subject.sentences.map((sentence) => sentence.id)))], rows.evaluations);
  for (const subject of subjects) {
    const subjectVocabulary = vocabularyOf(countTerms(subject.sentences));
    for (const side of sides) {
      const own = subject.sentences.filter((sentence) => sentence.side === side);
      const sentiment = own.length === 0 ? 0 : own.reduce((sum, sentence) => sum + scoreOf.get(sentence.id)!, 0) / own.length;
      const words = fightinWords(subjectVocabulary, side, 2)
        .filter((score) => score.count > 0 && score.z > 0 && !subject.label.toLowerCase().split(/\s+/).includes(score.term))
        .slice(0, 6)
        .map((score) => score.term);
      rows.subjects.push([subject.label, side, subject.entity, own.length, Math.round(sentiment * 100) / 100, JSON.stringify(words), JSON.stringify(representative(own, 2).map((sentence) => sentence.id))]);
    }
  }
  return rows;
}

/** Replaces the stored comparison with `rows`, and who each side quotes; returns the rows written. */
export function writeNarratives(db: Database.Database, rows: NarrativeRows): { terms: number; subjects: number } {
  return db
    .transaction(() => {
      applyTermCountChanges(db, rows.counts);
      const keep = db.prepare('INSERT OR REPLACE INTO _sentence_evaluations (sentence_id, version, score) VALUES (?, ?, ?)');
      for (const [sentence, score] of rows.evaluations) keep.run(sentence, VERSION, score);
      for (const table of ['narrative_terms', 'narrative_subjects', 'narrative_speakers', 'narrative_absent_voices']) db.prepare(`DELETE FROM ${table}`).run();
      if (rows.single) return { terms: 0, subjects: 0 };
      const insertTerm = db.prepare('INSERT INTO narrative_terms (side, term, count, other_count, log_odds, z, rank, examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const row of rows.terms) insertTerm.run(...row);
      const insertSubject = db.prepare('INSERT INTO narrative_subjects (subject, side, entity_id, sentences, sentiment, words, representative) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const row of rows.subjects) insertSubject.run(...row);
      const insertSpeaker = db.prepare('INSERT INTO narrative_speakers (side, speaker, entity_id, claims) VALUES (?, ?, ?, ?)');
      for (const row of rows.speakers) insertSpeaker.run(...row);
      const insertAbsent = db.prepare('INSERT INTO narrative_absent_voices (side, speaker, other_side) VALUES (?, ?, ?)');
      for (const row of rows.absent) insertAbsent.run(...row);
      return { terms: rows.terms.length, subjects: rows.subjects.length };
    })
    .immediate();
}

export const narratives: CorpusStage = {
  name: 'narratives',
  scope: 'corpus',
  version: VERSION,
  needs: ['resolve-entities'],
  run({ db }) {
    // Worked out on one snapshot, holding no write lock; then written in one short transaction.
    const rows = db.transaction(() => compareNarratives(db))();
    const { terms, subjects } = writeNarratives(db, rows);
    const counted = `terms counted in ${formatNumber(rows.counts.counted.length)} ${rows.counts.counted.length === 1 ? 'document' : 'documents'}`;
    return { written: terms + subjects, redone: rows.single ? `${counted}; one side, nothing compared` : `${counted}; ${formatNumber(rows.scanned)} sentences read for examples` };
  },
};
