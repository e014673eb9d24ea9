/**
 * Precision and recall of figure and entity extraction against the hand-annotated seeds in
 * test/fixtures/extraction (the bundled corpus).
 */
import { readFileSync } from 'node:fs';
import type { Export, ExportedFigure } from '../../pipeline/export.ts';
import { nameKey } from '../../stages/resolve-entities/cluster.ts';
import { head } from './figures.ts';

interface GoldFigure { doc: string; context: string; value: number; unit: string; qualifier: string; counted?: string }
interface GoldEntity { name: string; type: string; aliases?: string[] }

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../test/fixtures/extraction/${name}.json`, import.meta.url), 'utf8')) as unknown;

export interface SeedScores {
  annotated: number;
  extracted: number;
  right: number;
  precision: number;
  recall: number;
  misses: string[];
  spurious: string[];
}

const scores = (right: number, extracted: number, annotated: number, misses: string[], spurious: string[]): SeedScores => ({ annotated, extracted, right, precision: right / extracted, recall: right / annotated, misses, spurious });

/** Each annotated figure is found once, with its value, unit, qualifier and (where annotated) what it counts. */
export function seedFigures(data: Export): SeedScores {
  const gold = (fixture('figures') as { figures: GoldFigure[] }).figures;
  const docByPath = new Map(data.documents.map((d) => [d.path, d]));
  const used = new Set<string>();
  const misses: string[] = [];
  for (const figure of gold) {
    const document = docByPath.get(figure.doc)!;
    const at = document.text.indexOf(figure.context);
    if (at < 0 || document.text.indexOf(figure.context, at + 1) !== -1) throw new Error(`context "${figure.context}" is not once in ${figure.doc}`);
    const candidates = data.figures.filter((f) => f.doc === document.id && !used.has(f.id) && f.start < at + figure.context.length && f.end > at && Math.abs(f.value - figure.value) <= Math.abs(figure.value) * 1e-3);
    const match = candidates.find((f: ExportedFigure) => f.unit === figure.unit && f.qualifier === figure.qualifier && (figure.counted === undefined || (f.counted !== null && head(f.counted) === head(figure.counted))));
    if (match) used.add(match.id);
    else {
      const near = candidates[0];
      misses.push(`${figure.doc.slice(0, 3)} "${figure.context}": ${near ? `got ${near.value} ${near.unit} ${near.qualifier} counted=${near.counted}` : 'not found'}`);
    }
  }
  return scores(used.size, data.figures.length, gold.length, misses, data.figures.filter((f) => !used.has(f.id)).map((f) => `"${f.quote}"`));
}

/** Each annotated entity of the press seeds is one extracted entity, of its type. */
export function seedEntities(data: Export): SeedScores {
  const gold = fixture('entities') as { documents: string[]; entities: GoldEntity[] };
  const docByPath = new Map(data.documents.map((d) => [d.path, d]));
  const ids = new Set(gold.documents.map((path) => docByPath.get(path)!.id));
  const extracted = data.entities.filter((entity) => entity.mentions.some((mention) => ids.has(mention.doc)));
  let right = 0;
  const misses: string[] = [];
  const matched = new Set<string>();
  for (const entity of gold.entities) {
    const names = new Set([entity.name, ...(entity.aliases ?? [])].map(nameKey));
    const found = extracted.filter((candidate) => [candidate.name, ...candidate.aliases].some((name) => names.has(nameKey(name))));
    const typed = found.find((candidate) => candidate.type === entity.type);
    if (typed && found.length === 1) right += 1;
    else misses.push(`${entity.name} (${entity.type}): ${found.length === 0 ? 'not found' : found.map((e) => `${e.name} as ${e.type}`).join(' + ')}`);
    for (const candidate of found) matched.add(candidate.id);
  }
  return scores(right, extracted.length, gold.entities.length, misses, extracted.filter((entity) => !matched.has(entity.id)).map((entity) => `${entity.name} (${entity.type})`));
}
