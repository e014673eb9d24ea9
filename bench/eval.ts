/**
 * npm run eval: extraction measured on hand-annotated development sets (test/fixtures/eval, drawn by
 * bench/eval-sample.ts and labelled by hand per test/fixtures/eval/GUIDELINES.md) and on the seeds.
 * Prints every figure with its target and writes them to bench/results/eval.json. `--errors N` prints
 * up to N errors per set (default 10); `--only figures,claims` measures only those kinds.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreClaims } from './eval/claims.ts';
import { runOver, SHARED, textFiles } from './eval/corpus.ts';
import { scoreEntities, scoreJudgedEntities, type JudgedEntity } from './eval/entities.ts';
import { scoreFigures } from './eval/figures.ts';
import { readSet, type EntityListItem, type NumberItem, type SentenceItem } from './eval/items.ts';
import { seedEntities, seedFigures } from './eval/seeds.ts';

const { values } = parseArgs({ options: { errors: { type: 'string', default: '10' }, only: { type: 'string' } } });
const shownErrors = Number(values.errors);
/** `--only figures,claims` measures those kinds alone (figures, claims, entities, seeds); a partial run writes no results file. */
const KINDS = ['figures', 'claims', 'entities', 'seeds'];
const only = values.only?.split(',').map((kind) => kind.trim()) ?? KINDS;
for (const kind of only) if (!KINDS.includes(kind)) throw new Error(`--only takes ${KINDS.join(', ')}; got "${kind}"`);
const wanted = (kind: string) => only.includes(kind);

const BBC = join(SHARED, 'bench', 'bbc');
const EVENTS = join(SHARED, 'eval', 'events');
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'eval');

/** The targets of the evaluation; a figure below its target is marked. */
const TARGETS: Record<string, number> = { typeAccuracy: 0.95, valueAccuracy: 0.95, nounAccuracy: 0.85, precision: 0.8, speakerAccuracy: 0.9, entityPrecision: 0.95 };

const results: Record<string, Record<string, unknown>> = {};

function print(set: string, figures: Record<string, number>, errors: string[], targets: Record<string, number> = {}): void {
  const shown = Object.entries(figures).map(([name, value]) => {
    const target = targets[name];
    const text = Number.isInteger(value) ? String(value) : value.toFixed(3);
    return target === undefined ? `${name} ${text}` : `${name} ${text}${value < target ? ` (below ${target})` : ` (target ${target})`}`;
  });
  console.log(`${set}: ${shown.join(', ')}`);
  for (const error of errors.slice(0, shownErrors)) console.log(`  ${error}`);
  if (errors.length > shownErrors) console.log(`  … ${errors.length - shownErrors} more (--errors N)`);
  results[set] = { ...figures, errors: errors.length };
}

const files = (items: { file: string }[]) => [...new Set(items.map((item) => item.file))].sort();
const labelled = <T extends { label: unknown }>(items: T[]) => items.filter((item) => item.label !== null);

const figuresBbc = labelled(readSet<NumberItem>('figures-bbc'));
const claimsBbc = labelled(readSet<SentenceItem>('claims-bbc'));
const bbc = wanted('figures') || wanted('claims') ? await runOver(BBC, files([...figuresBbc, ...claimsBbc])) : null;
const figureTargets = { typeAccuracy: TARGETS.typeAccuracy!, valueAccuracy: TARGETS.valueAccuracy!, nounAccuracy: TARGETS.nounAccuracy! };
const claimTargets = { precision: TARGETS.precision!, speakerAccuracy: TARGETS.speakerAccuracy! };
if (bbc && wanted('figures')) {
  const { errors, ...figures } = scoreFigures(bbc, figuresBbc, BBC);
  print('figures, BBC', figures, errors, figureTargets);
}
if (bbc && wanted('claims')) {
  const { errors, ...figures } = scoreClaims(bbc, claimsBbc);
  print('claims, BBC', figures, errors, claimTargets);
}

// Entities are judged on a whole run: they are resolved across the corpus.
// Each draw (bench/eval-draw-entities.ts) judges the run it was drawn from; the newest judges the current rules.
const judgedSets = wanted('entities') ? readdirSync(FIXTURES).map((file) => /^(entities-bbc(?:-\d+)?)\.json$/.exec(file)?.[1]).filter((set): set is string => set !== undefined) : [];
if (judgedSets.length > 0) {
  const whole = await runOver(BBC, textFiles(BBC));
  const number = (set: string) => Number(set.split('-')[2] ?? 0);
  for (const set of judgedSets.sort((a, b) => number(a) - number(b))) {
    const { errors, ...figures } = scoreJudgedEntities(whole, readSet<JudgedEntity>(set));
    print(`entities, BBC (${set})`, figures, errors, { precision: TARGETS.entityPrecision! });
  }
}

const figuresEvents = labelled(readSet<NumberItem>('figures-events'));
const claimsEvents = labelled(readSet<SentenceItem>('claims-events'));
const entitiesEvents = readSet<EntityListItem>('entities-events').filter((item) => item.entities !== null);
const events = wanted('figures') || wanted('claims') || wanted('entities') ? await runOver(EVENTS, files([...readSet<NumberItem>('figures-events'), ...readSet<EntityListItem>('entities-events')])) : null;
if (events && wanted('figures')) {
  const { errors, ...figures } = scoreFigures(events, figuresEvents, EVENTS);
  print('figures, events', figures, errors, figureTargets);
}
if (events && wanted('claims')) {
  const { errors, ...figures } = scoreClaims(events, claimsEvents);
  print('claims, events', figures, errors, claimTargets);
}
if (events && wanted('entities')) {
  const { errors, ...figures } = scoreEntities(events, entitiesEvents);
  print('entities, events', figures, errors, { precision: TARGETS.entityPrecision! });
}

const seeds = wanted('seeds') ? await runOver(CORPUS, ['000_a1abb57812357fd8.txt', '001_a5905505a034775a.txt', '002_f9bcec1626e2c574.txt', '003_1ca09edad87b2863.txt', '004_00a5cb55c041b86a.txt']) : null;
if (seeds) {
  for (const [set, scores] of [['figures, seeds', seedFigures(seeds)], ['entities, seeds', seedEntities(seeds)]] as const) {
    const { misses, spurious, ...figures } = scores;
    print(set, figures, [...misses.map((miss) => `missed: ${miss}`), ...spurious.map((extra) => `not annotated: ${extra}`)]);
  }
}

if (only.length === KINDS.length) {
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'eval.json'), `${JSON.stringify({ targets: TARGETS, results }, null, 2)}\n`);
  console.log(`written to ${join('bench', 'results', 'eval.json')}`);
}
