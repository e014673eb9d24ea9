/**
 * narratives: how the sides tell the same story. A side is a document kind (press, critique, …), for
 * any number of sides. Stores each side's distinctive terms (Fightin' Words z-scores, with example
 * sentences), the subjects both sides talk about (entities and shared terms) with each side's
 * sentences, evaluation and characteristic words, and who each side quotes. Framing conflicts are
 * findings, made by the framing rule of reconcile.
 */
import type Database from 'better-sqlite3';
import { splitStage, type CorpusStage } from '../../pipeline/stage.ts';
import { evaluate } from './evaluation.ts';
import { fightinWords, termsOf } from './fightin-words.ts';
import { addTo, remembered } from '../../pipeline/collections.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';

interface SentenceRow {
  id: string;
  doc: string;
  side: string;
  /** Its unigrams and bigrams (termsOf), worked out once: every count and look-up below reads them. */
  terms: string[];
}

const TOP_TERMS = 25;
const SUBJECTS = 8;

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
}

/** The sentences using each of `terms`, in corpus order, found in one pass (indexing every term of the corpus costs more than the rest). */
function sentencesWith(sentences: SentenceRow[], terms: Set<string>): Map<string, SentenceRow[]> {
  const found = new Map<string, SentenceRow[]>();
  for (const sentence of sentences) {
    let seen: Set<string> | undefined;
    for (const term of sentence.terms) {
      if (!terms.has(term) || seen?.has(term)) continue;
      (seen ??= new Set()).add(term);
      addTo(found, term, sentence);
    }
  }
  return found;
}

/** Works the comparison out from the store, reading only. */
export function computeNarratives(db: Database.Database): NarrativeRows {
  // Not the texts: only those of the subjects' sentences are evaluated, and they are read then.
  const sentences = (
    db.prepare('SELECT s.id, s.document_id AS doc, d.kind AS side, s.terms FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.ordinal').all() as (Omit<SentenceRow, 'terms'> & { terms: string })[]
  ).map((sentence) => ({ ...sentence, terms: termsOf(sentence.terms) }));
  const sides = [...new Set(sentences.map((sentence) => sentence.side))].sort();
  const rows: NarrativeRows = { single: sides.length < 2, terms: [], subjects: [] };
  if (rows.single) return rows;

  // Distinctive vocabulary per side.
  const counts = countTerms(sentences);
  const tops = sides.map((side) => fightinWords(counts, side).filter((score) => score.count > 0).slice(0, TOP_TERMS));
  // The entities' sentences, and the terms every side uses at least three times (not words of names): the candidate subjects.
  const names = new Map(db.prepare('SELECT id, name FROM entities').raw().all() as [string, string][]);
  const mentionRows = db.prepare('SELECT DISTINCT entity_id, sentence_id FROM mentions WHERE entity_id IS NOT NULL').raw().all() as [string, string][];
  const entitySentences = new Map<string, SentenceRow[]>();
  const bySentence = new Map(sentences.map((sentence) => [sentence.id, sentence]));
  for (const [entity, sentence] of mentionRows) if (names.has(entity)) addTo(entitySentences, entity, bySentence.get(sentence)!);
  const nameWords = new Set([...entitySentences.keys()].flatMap((id) => names.get(id)!.toLowerCase().split(/\s+/)));
  const shared = [...(counts.get(sides[0]!) ?? new Map<string, number>()).keys()].filter(
    (term) => !term.includes(' ') && !nameWords.has(term) && sides.every((side) => (counts.get(side)?.get(term) ?? 0) >= 3),
  );
  // The sentences of the top terms (their examples) and of the shared ones, found in one pass.
  const examplesOf = sentencesWith(sentences, new Set([...tops.flat().map((score) => score.term), ...shared]));
  sides.forEach((side, sideIndex) => {
    tops[sideIndex]!.forEach((score, index) => {
      const examples = (examplesOf.get(score.term) ?? []).filter((sentence) => sentence.side === side).slice(0, 2).map((sentence) => sentence.id);
      rows.terms.push([side, score.term, score.count, score.otherCount, score.logOdds, score.z, index + 1, JSON.stringify(examples)]);
    });
  });

  // Subjects both sides talk about: entities, then terms every side uses.
  const coverage = (list: SentenceRow[]) => Math.min(...sides.map((side) => list.filter((sentence) => sentence.side === side).length));
  const entitySubjects = [...entitySentences]
    .map(([id, list]) => ({ label: names.get(id)!, entity: id as string | null, sentences: list }))
    .filter((subject) => coverage(subject.sentences) >= 2)
    .sort((a, b) => coverage(b.sentences) - coverage(a.sentences) || (a.label < b.label ? -1 : 1))
    .slice(0, SUBJECTS);
  const termSubjects = shared
    .map((term) => ({ label: term, entity: null, sentences: examplesOf.get(term) ?? [] }))
    .sort((a, b) => coverage(b.sentences) - coverage(a.sentences) || (a.label < b.label ? -1 : 1))
    .slice(0, 4);
  const subjects = [...entitySubjects, ...termSubjects];
  const readText = db.prepare('SELECT text FROM sentences WHERE id = ?').pluck();
  const textOf = remembered((id: string) => readText.get(id) as string);
  for (const subject of subjects) {
    const subjectCounts = countTerms(subject.sentences);
    for (const side of sides) {
      const own = subject.sentences.filter((sentence) => sentence.side === side);
      const sentiment = own.length === 0 ? 0 : own.reduce((sum, sentence) => sum + evaluate(textOf(sentence.id)).score, 0) / own.length;
      const words = fightinWords(subjectCounts, side, 2)
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
      for (const table of ['narrative_terms', 'narrative_subjects', 'narrative_speakers']) db.prepare(`DELETE FROM ${table}`).run();
      if (rows.single) return { terms: 0, subjects: 0 };
      const insertTerm = db.prepare('INSERT INTO narrative_terms (side, term, count, other_count, log_odds, z, rank, examples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const row of rows.terms) insertTerm.run(...row);
      const insertSubject = db.prepare('INSERT INTO narrative_subjects (subject, side, entity_id, sentences, sentiment, words, representative) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const row of rows.subjects) insertSubject.run(...row);
      // Who each side quotes.
      db.prepare(
        `INSERT INTO narrative_speakers (side, speaker, entity_id, claims)
         SELECT d.kind, cs.speaker, cs.speaker_entity_id, count(*) FROM claims c JOIN documents d ON d.id = c.document_id JOIN claim_speakers cs ON cs.claim_id = c.id
         WHERE cs.speaker IS NOT NULL GROUP BY d.kind, cs.speaker`,
      ).run();
      return { terms: rows.terms.length, subjects: rows.subjects.length };
    })
    .immediate();
}

export const narratives: CorpusStage = splitStage({
  name: 'narratives',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS.narratives,
  needs: ['resolve-entities'],
  module: import.meta.url,
  exportName: 'narratives',
  compute: ({ db }) => computeNarratives(db),
  apply({ db }, rows) {
    const { terms, subjects } = writeNarratives(db, rows);
    return { written: terms + subjects, redone: 'every sentence compared' };
  },
});
