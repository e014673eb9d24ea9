/**
 * Numbers: is each classified as the annotator did (only levels, changes, shares and durations become
 * figures), with its value and bounds, and for a level what it counts?
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Export, ExportedFigure } from '../../pipeline/export.ts';
import type { NumberItem, NumberLabel } from './items.ts';
import { locate } from './locate.ts';

/** The number types that become figures; every other number is left out of the figures. */
export const FIGURE_TYPES = new Set(['level', 'change', 'share', 'duration']);

const QUALIFIER_OF_BOUND: Record<NumberLabel['bound'], string> = {
  exact: 'exact',
  approximate: 'approximate',
  'at-least': 'lower_bound',
  'more-than': 'lower_bound',
  'at-most': 'upper_bound',
  'less-than': 'upper_bound',
  range: 'range',
};

/** The head word of what is counted, without a plural s: "commercial contracts" → "contract". */
export const head = (phrase: string) => phrase.toLowerCase().split(/\s+/).at(-1)!.replace(/(?<!s)s$/, '');

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(Math.abs(b) * 1e-3, 1e-9);

/** The figure stored over the annotated number: the smallest whose span covers it. */
function figureOver(data: Export, documentId: string, start: number, end: number): ExportedFigure | undefined {
  return data.figures
    .filter((figure) => figure.doc === documentId && figure.start < end && figure.end > start)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

/** A figure's type as stored (a store without types makes every figure a level). */
const typeOf = (figure: ExportedFigure) => (figure as ExportedFigure & { type?: string }).type ?? 'level';

function valueRight(label: NumberLabel, figure: ExportedFigure): boolean {
  if (QUALIFIER_OF_BOUND[label.bound] !== figure.qualifier) return false;
  const stored = figure as ExportedFigure & { low?: number | null; high?: number | null };
  if (label.bound === 'range') return stored.low != null && stored.high != null && close(stored.low, label.low!) && close(stored.high, label.high!);
  return label.value !== null && close(figure.value, label.value);
}

export interface FigureScores {
  items: number;
  located: number;
  typeAccuracy: number;
  figureRecall: number;
  valueAccuracy: number;
  nounAccuracy: number;
  errors: string[];
}

export function scoreFigures(data: Export, items: NumberItem[], root: string): FigureScores {
  let located = 0, typeRight = 0, gold = 0, found = 0, valuesRight = 0, levels = 0, nounsRight = 0;
  const errors: string[] = [];
  for (const item of items) {
    const label = item.label;
    if (!label) continue;
    const raw = readFileSync(join(root, item.file), 'utf8');
    const place = locate(data, item.file, item.context, item.start - raw.indexOf(item.context), item.end - item.start);
    if (!place) {
      errors.push(`${item.file} "${item.context}": not located in the stored text`);
      continue;
    }
    located += 1;
    const figure = figureOver(data, place.document.id, place.start, place.end);
    const isFigure = FIGURE_TYPES.has(label.type);
    const systemType = figure ? typeOf(figure) : 'none';
    const typeOk = isFigure ? systemType === label.type : systemType === 'none';
    if (typeOk) typeRight += 1;
    else errors.push(`type ${item.file} "${item.context}": ${label.type}, got ${systemType}${figure ? ` ("${figure.quote}")` : ''}`);
    if (!isFigure) continue;
    gold += 1;
    if (!figure) continue;
    found += 1;
    if (valueRight(label, figure)) valuesRight += 1;
    else errors.push(`value ${item.file} "${item.context}": ${label.value ?? `${label.low}–${label.high}`} ${label.bound}, got ${figure.value} ${figure.qualifier}`);
    if (label.type !== 'level' || typeOf(figure) !== 'level') continue;
    levels += 1;
    const nounOk = label.noun === null ? !figure.counted : figure.counted !== null && head(figure.counted) === head(label.noun);
    if (nounOk) nounsRight += 1;
    else errors.push(`noun ${item.file} "${item.context}": ${label.noun ?? '(none)'}, got ${figure.counted ?? '(none)'}`);
  }
  return { items: items.length, located, typeAccuracy: typeRight / located, figureRecall: found / gold, valueAccuracy: valuesRight / found, nounAccuracy: nounsRight / levels, errors };
}
