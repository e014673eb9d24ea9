/**
 * Precision and recall of entity and figure extraction against the hand-annotated seeds in
 * test/fixtures/extraction (scored by bench/eval/seeds.ts, which `npm run eval` prints too). Fails below
 * 0.9 recall / 0.85 precision.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seedEntities, seedFigures, type SeedScores } from '../bench/eval/seeds.ts';
import { exportStore, type Export } from '../pipeline/export.ts';
import { run, workspace } from './helpers.ts';

function report(what: string, scores: SeedScores): void {
  console.log(`${what}: ${scores.annotated} annotated, ${scores.extracted} extracted, ${scores.right} right: precision ${scores.precision.toFixed(3)}, recall ${scores.recall.toFixed(3)}`);
  if (scores.misses.length) console.log(`  missed or wrong:\n    ${scores.misses.join('\n    ')}`);
  if (scores.spurious.length) console.log(`  not annotated: ${scores.spurious.join(', ')}`);
}

describe('extraction quality on the hand-annotated seeds', async () => {
  const space = workspace();
  await run(space);
  const db = new Database(space.dbPath, { readonly: true });
  const data: Export = exportStore(db);
  db.close();

  it('finds the annotated figures with their value, unit, qualifier and what they count', () => {
    const scores = seedFigures(data);
    report('figures', scores);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.precision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the annotated entities of the press seeds with their types, one entity per real thing', () => {
    const scores = seedEntities(data);
    report('entities', scores);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.precision).toBeGreaterThanOrEqual(0.85);
  });
});
