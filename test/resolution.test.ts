/**
 * resolve-entities groups again only the part of the corpus a change reaches (stages/resolve-entities/
 * index.ts). Property: after any sequence of documents added and removed, resolving after each change
 * leaves the entities, the mentions' entities and the stored key facts exactly as one resolution of the
 * final documents from scratch, and hands the run's later stages the entities as stored. The documents
 * are the mentions of real articles (the seeds, BBC politics) and short made-up ones that put the rules'
 * lookups in conflict: an acronym two names define, a surname shared by several full names, names
 * that slug alike, a name two places' names reach, a word of many senses typed two ways.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../pipeline/db/migrations.ts';
import type { CorpusContext } from '../pipeline/stage.ts';
import { linkFullNames } from '../stages/extract-entities/full-names.ts';
import { findMentions } from '../stages/extract-entities/mentions.ts';
import { parseSpan } from '../stages/parse/index.ts';
import { currentEntities } from '../stages/resolve-entities/current.ts';
import { resolveEntitiesStage } from '../stages/resolve-entities/index.ts';
import { segmentText } from '../stages/segment/index.ts';
import { BBC_DIR, CORPUS_DIR, SEED_FILES } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

interface Mention {
  text: string;
  role: string | null;
  place: string | null;
  acronym: string | null;
  fullName: string | null;
  evidence: Record<string, number>;
}

/** A document's mentions as extract-entities stores them (a surname alone linked to its full name). */
function mentionsOfText(text: string): Mention[] {
  const mentions = segmentText(text).sentences.flatMap((sentence, index) => findMentions(text, index + 1, parseSpan(text, sentence.start, sentence.end)));
  return linkFullNames(mentions).map((mention) => ({ text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, fullName: mention.fullName ?? null, evidence: mention.evidence }));
}

const made = (text: string, evidence: Record<string, number>, extra: Partial<Mention> = {}): Mention => ({ text, role: null, place: null, acronym: null, fullName: null, evidence, ...extra });

/** Made-up mentions that set the rules against each other, in small families that meet often. */
const TRICKY: Mention[][] = [
  // Full names by surname, with the same first initial or not; a titled surname joins only the one holding its title.
  [made('John Smith', { person: 4 }, { role: 'Chancellor' }), made('Adam Smith', { person: 4 }, { role: 'Chancellor' }), made('Adam Smith', { organization: 9 }), made('Smith', { person: 4 }, { role: 'Chancellor' }), made('Smith', { person: 4 }, { role: 'Mr' })],
  [made('John Smith', { person: 3 }), made('Jane Smith', { person: 3 }), made('J. Smith', { person: 3 }), made('Smith', { organization: 3 }), made('Smith', { person: 2 }, { fullName: 'Jane Smith' })],
  // Acronyms defined in brackets (or by their initials in the same document), by one name or by two.
  [made('Chinese Communist Party', { organization: 4 }, { acronym: 'CCP' }), made('Communist Party of China', { organization: 3 }, { acronym: 'CCP' }), made('CCP', { organization: 1 }), made('Central Committee Plenum', { event: 2 }), made('Communist Party', { organization: 2 })],
  [made('World Health Organization', { organization: 4 }), made('World Heritage Office', { organization: 2 }), made('the World Heritage Office', { organization: 2 }), made('WHO', {}), made('W.H.O.', { organization: 1 })],
  // A country prefix, a generic head; one name reached from two places' names, which then names no entity.
  [made('US State Department', { organization: 4 }), made('State Department', { organization: 2 }), made('Clean Network Initiative', { initiative: 4 }), made('Clean Network', { initiative: 2 })],
  [made('Turkish Central Bank', { organization: 4 }), made('European Central Bank', { organization: 4 }), made('Central Bank', { organization: 4 }), made('US Central Bank', { organization: 4 }), made('Liverpool', { place: 3 }), made('Liverpool', { organization: 3 }), made('Liverpool', {})],
  [made('Clean Path', { initiative: 2 }), made('Clean Network', { initiative: 2 }), made('Clean Carrier', {}), made('Clean Cloud', {}), made('Clean Cloud', { organization: 3 })],
  // Names that slug alike.
  [made('Kilroy Silk', { person: 1 }), made('Kilroy-Silk', { person: 1 }), made('Kilroy -Silk', { organization: 1 }), made('Robert Kilroy-Silk', { person: 2 }, { role: 'MEP' }), made('Kilroy Silk Person', {})],
  [made('Pompeo', { person: 1 }), made('Michael Pompeo', { person: 2 }, { role: 'Secretary of State' }), made('Mike Pompeo', { person: 2 }), made('United States', { place: 2 }, { place: 'United States' }), made('US', { place: 1 }, { place: 'United States' })],
];

const bbc = (file: string) => readFileSync(join(BBC_DIR, 'politics', file), 'utf8');
/** Real documents' mentions: the seeds and BBC politics articles, which share people and parties. */
const REAL: Mention[][] = [...SEED_FILES.map((file) => readFileSync(join(CORPUS_DIR, file), 'utf8')), ...['001', '002', '003', '004', '005', '006', '007', '008'].map((n) => bbc(`${n}.txt`))].map(mentionsOfText);

/** An empty store at the newest schema, migrated once. */
const EMPTY_STORE = (() => {
  const db = new Database(':memory:');
  migrate(db);
  return db.serialize();
})();

function newStore(): Database.Database {
  const db = new Database(EMPTY_STORE);
  // Mentions alone, without the documents and sentences they belong to: resolution reads nothing else.
  db.pragma('foreign_keys = OFF');
  return db;
}

function addDocument(db: Database.Database, id: string, mentions: Mention[]): void {
  const insert = db.prepare('INSERT INTO mentions (id, document_id, sentence_id, span_start, span_end, text, role, place, acronym, full_name, evidence) VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)');
  mentions.forEach((mention, index) => insert.run(`${id}:${String(index).padStart(4, '0')}`, id, `${id}:s`, mention.text, mention.role, mention.place, mention.acronym, mention.fullName, JSON.stringify(mention.evidence)));
}

/** Resolves, and checks the entities it hands to the run's later stages (current.ts) against the store, and that each is named. */
function resolve(db: Database.Database) {
  const result = resolveEntitiesStage.run({ db, reportsDir: '', incremental: true, needed: new Map() } as CorpusContext);
  expect(currentEntities(result)).toEqual(db.prepare('SELECT id, name, type, aliases FROM entities ORDER BY id').all());
  // Every entity is named by some mention (narratives reads every entity's name as a named one's).
  expect(db.prepare('SELECT count(*) FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)').pluck().get()).toBe(0);
  return result;
}

/** Everything resolution leaves in the store (groups by content: their ids differ between stores). */
function resolution(db: Database.Database) {
  return {
    entities: db.prepare('SELECT * FROM entities ORDER BY id').all(),
    mentions: db.prepare('SELECT id, entity_id FROM mentions ORDER BY id').raw().all(),
    groups: db.prepare('SELECT signature, key, mention_count, first_mention, entity_id, dirty FROM _mention_groups ORDER BY signature').raw().all(),
    keys: db.prepare('SELECT * FROM _entity_keys ORDER BY key').raw().all(),
    links: db.prepare('SELECT * FROM _entity_key_links ORDER BY key, target').raw().all(),
  };
}

type Step = { add: Mention[] } | { remove: number };

const stepsOf = (document: fc.Arbitrary<Mention[]>) =>
  fc.array(fc.oneof({ arbitrary: document.map((add): Step => ({ add })), weight: 3 }, { arbitrary: fc.nat().map((remove): Step => ({ remove })), weight: 2 }), { minLength: 1, maxLength: 10 });
/** The documents of one made-up family, so that its rules meet. */
const familySteps = fc.constantFrom(...TRICKY).chain((family) => stepsOf(fc.subarray(family, { minLength: 1, maxLength: 2 })));
/** Real articles, with made-up documents among them. */
const realSteps = stepsOf(fc.oneof(fc.constantFrom(...REAL), fc.array(fc.constantFrom(...TRICKY.flat()), { minLength: 1, maxLength: 6 })));

describe('resolving part of the corpus again', () => {
  /** Resolves after each step, then checks the store against one resolution of the final documents. */
  function resolvesAsFromScratch(plan: Step[]): void {
    const db = newStore();
    const documents = new Map<string, Mention[]>();
    plan.forEach((step, index) => {
      if ('add' in step) {
        // Ids in an order unlike the steps': a later document may have the earlier first mention.
        const id = `d${String((index * 7919) % 1000).padStart(3, '0')}-${index}`;
        documents.set(id, step.add);
        addDocument(db, id, step.add);
      } else if (documents.size > 0) {
        const id = [...documents.keys()][step.remove % documents.size]!;
        documents.delete(id);
        db.prepare('DELETE FROM mentions WHERE document_id = ?').run(id);
      }
      resolve(db);
    });
    const scratch = newStore();
    for (const [id, mentions] of documents) addDocument(scratch, id, mentions);
    resolve(scratch);
    expect(resolution(db)).toEqual(resolution(scratch));
  }

  it('leaves what one resolution from scratch leaves, after documents of names that meet are added and removed', () => {
    fc.assert(fc.property(familySteps, resolvesAsFromScratch), { numRuns: RUNS });
  });

  it('leaves what one resolution from scratch leaves, after real articles are added and removed', () => {
    fc.assert(fc.property(realSteps, resolvesAsFromScratch), { numRuns: Math.ceil(RUNS / 10) });
  });

  /** The store's entities, as name: aliases. */
  const entitiesOf = (db: Database.Database) => Object.fromEntries((db.prepare('SELECT id, aliases FROM entities ORDER BY id').raw().all() as [string, string][]).map(([id, aliases]) => [id, JSON.parse(aliases) as string[]]));

  it('joins an acronym to the one name left defining it when the other goes, and never by initials across documents', () => {
    const db = newStore();
    addDocument(db, 'd1', [made('World Health Organization', { organization: 4 }, { acronym: 'WHO' }), made('WHO', { organization: 3 })]);
    addDocument(db, 'd2', [made('World Heritage Office', { organization: 4 }, { acronym: 'WHO' })]);
    addDocument(db, 'd3', [made('Royal Bank of Scotland', { organization: 4 })]);
    addDocument(db, 'd4', [made('RBS', { organization: 3 })]);
    resolve(db);
    expect(entitiesOf(db)).toEqual({ rbs: [], 'royal-bank-of-scotland': [], who: [], 'world-health-organization': [], 'world-heritage-office': [] });
    db.prepare("DELETE FROM mentions WHERE document_id = 'd2'").run();
    resolve(db);
    expect(entitiesOf(db)).toEqual({ rbs: [], 'royal-bank-of-scotland': [], 'world-health-organization': ['WHO'] });
  });

  it('joins a titled surname to the one full name with its title left when another stops being a person', () => {
    const db = newStore();
    addDocument(db, 'd1', [made('John Smith', { person: 4 }, { role: 'Chancellor' }), made('Smith', { person: 4 }, { role: 'Chancellor' })]);
    addDocument(db, 'd2', [made('Adam Smith', { person: 4 }, { role: 'Chancellor' })]);
    resolve(db);
    expect(entitiesOf(db)).toEqual({ 'adam-smith': [], 'john-smith': [] });
    addDocument(db, 'd3', [made('Adam Smith', { organization: 9 })]);
    resolve(db);
    expect(entitiesOf(db)).toEqual({ 'adam-smith': [], 'john-smith': ['Smith'] });
  });

  it('gives an id to the entity named first, when one named later is resolved first', () => {
    const db = newStore();
    addDocument(db, 'd2', [made('Kilroy Silk', { person: 3 })]);
    resolve(db);
    addDocument(db, 'd1', [made('Kilroy-Silk', { organization: 3 })]);
    resolve(db);
    expect(db.prepare('SELECT id, type FROM entities ORDER BY id').raw().all()).toEqual([
      ['kilroy-silk', 'organization'],
      ['kilroy-silk-person', 'person'],
    ]);
  });

  it('groups again only the part an added article reaches', () => {
    const db = newStore();
    REAL.slice(0, -1).forEach((mentions, index) => addDocument(db, `d${index}`, mentions));
    resolve(db);
    addDocument(db, 'added', REAL.at(-1)!);
    const { redone } = resolve(db);
    const [, changed, total, regrouped] = /^(\d+) of ([\d,]+) mention groups changed, ([\d,]+) grouped again/.exec(redone)!.map((n) => Number(n?.replace(/,/g, '')));
    expect(changed).toBeGreaterThan(0);
    expect(regrouped).toBeGreaterThanOrEqual(changed!);
    expect(regrouped).toBeLessThan(total! / 2);
  });
});
