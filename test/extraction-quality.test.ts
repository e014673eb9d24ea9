/**
 * Precision and recall of entity and figure extraction against the hand-annotated seeds in
 * test/fixtures/extraction. Prints the figures; fails below 0.9 recall / 0.85 precision.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportStore, type Export, type ExportedFigure } from '../pipeline/export.ts';
import { nameKey } from '../stages/resolve-entities/cluster.ts';
import { run, workspace } from './helpers.ts';

interface GoldFigure { doc: string; context: string; value: number; unit: string; qualifier: string; counted?: string }
interface GoldEntity { name: string; type: string; aliases?: string[] }

const goldFigures = (JSON.parse(readFileSync(new URL('./fixtures/extraction/figures.json', import.meta.url), 'utf8')) as { figures: GoldFigure[] }).figures;
const goldEntities = JSON.parse(readFileSync(new URL('./fixtures/extraction/entities.json', import.meta.url), 'utf8')) as { documents: string[]; entities: GoldEntity[] };

/** The head word of a counted phrase, without a plural s: "commercial contracts" → "contract". */
const head = (phrase: string) => phrase.toLowerCase().split(/\s+/).at(-1)!.replace(/s$/, '');

function score(truePositives: number, extracted: number, gold: number) {
  return { precision: truePositives / extracted, recall: truePositives / gold };
}

describe('extraction quality on the hand-annotated seeds', async () => {
  const space = workspace();
  await run(space);
  const db = new Database(space.dbPath, { readonly: true });
  const data: Export = exportStore(db);
  db.close();
  const docByPath = new Map(data.documents.map((d) => [d.path, d]));

  it('finds the annotated figures with their value, unit, qualifier and what they count', () => {
    const used = new Set<string>();
    const misses: string[] = [];
    let truePositives = 0;
    for (const gold of goldFigures) {
      const document = docByPath.get(gold.doc)!;
      const at = document.text.indexOf(gold.context);
      expect(at, `context "${gold.context}" is in ${gold.doc}`).toBeGreaterThanOrEqual(0);
      expect(document.text.indexOf(gold.context, at + 1), `context "${gold.context}" is unique`).toBe(-1);
      const candidates = data.figures.filter((f) => f.doc === document.id && !used.has(f.id) && f.start < at + gold.context.length && f.end > at && Math.abs(f.value - gold.value) <= Math.abs(gold.value) * 1e-3);
      const match = candidates.find((f: ExportedFigure) => f.unit === gold.unit && f.qualifier === gold.qualifier && (gold.counted === undefined || (f.counted !== null && head(f.counted) === head(gold.counted))));
      if (match) {
        used.add(match.id);
        truePositives += 1;
      } else {
        const near = candidates[0];
        misses.push(`${gold.doc.slice(0, 3)} "${gold.context}": ${near ? `got ${near.value} ${near.unit} ${near.qualifier} counted=${near.counted}` : 'not found'}`);
      }
    }
    const extracted = data.figures.length;
    const spurious = data.figures.filter((f) => !used.has(f.id)).map((f) => `"${f.quote}"`);
    const { precision, recall } = score(truePositives, extracted, goldFigures.length);
    console.log(`figures: ${goldFigures.length} annotated, ${extracted} extracted, ${truePositives} right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    if (misses.length) console.log(`  missed or wrong:\n    ${misses.join('\n    ')}`);
    if (spurious.length) console.log(`  not annotated: ${spurious.join(', ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the annotated entities of the press seeds with their types, one entity per real thing', () => {
    const ids = new Set(goldEntities.documents.map((path) => docByPath.get(path)!.id));
    const extracted = data.entities.filter((entity) => entity.mentions.some((mention) => ids.has(mention.doc)));
    const namesOf = (names: string[]) => new Set(names.map(nameKey));
    let truePositives = 0;
    const misses: string[] = [];
    const matched = new Set<string>();
    for (const gold of goldEntities.entities) {
      const goldNames = namesOf([gold.name, ...(gold.aliases ?? [])]);
      const found = extracted.filter((entity) => [entity.name, ...entity.aliases].some((name) => goldNames.has(nameKey(name))));
      const right = found.find((entity) => entity.type === gold.type);
      if (right && found.length === 1) {
        truePositives += 1;
        matched.add(right.id);
      } else {
        misses.push(`${gold.name} (${gold.type}): ${found.length === 0 ? 'not found' : found.map((e) => `${e.name} as ${e.type}`).join(' + ')}`);
        for (const entity of found) matched.add(entity.id);
      }
    }
    const spurious = extracted.filter((entity) => !matched.has(entity.id)).map((entity) => `${entity.name} (${entity.type})`);
    const { precision, recall } = score(truePositives, extracted.length, goldEntities.entities.length);
    console.log(`entities: ${goldEntities.entities.length} annotated, ${extracted.length} extracted, ${truePositives} right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    if (misses.length) console.log(`  missed or wrong:\n    ${misses.join('\n    ')}`);
    if (spurious.length) console.log(`  not annotated: ${spurious.join(', ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.85);
  });
});
