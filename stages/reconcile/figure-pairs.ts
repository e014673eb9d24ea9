/**
 * Figures of one measure, compared in pairs that can be compared (same holder, or the same document
 * when one has no holder): a part within its whole, bounds and rounding are compatible; the same
 * value from different sources corroborates; a change over time is a temporal change; anything else
 * at the same time is a numeric discrepancy. Implements the typology of de Marneffe, Rafferty and
 * Manning (2008) for numbers. The compare-figures rule (rules/compare-figures.ts) says which figures
 * make a measure.
 */
import { describeValue } from '../../pipeline/format.ts';
import type { DocumentInfo } from './load.ts';
import { familyOf, type Measure, type MeasuredFigure } from './measures.ts';
import type { DraftFinding, FindingItem, Severity } from './rule.ts';

/** How far apart two values are, relative to the larger. */
export function relativeGap(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

const CHANGE = /\b(?:dwindled|fell|fallen|rose|risen|increased|decreased|grew|grown|dropped|declined|climbed|jumped|shrank|surged|plunged|went up|went down|from\b[^.]*\bto)\b/i;
const WORLDWIDE = /^(?:worldwide|globally|around the world|in the world|internationally)$/i;

interface Pair {
  kind: 'temporal_change' | 'compatible' | 'corroboration' | 'numeric_discrepancy';
  reason: string;
  roles: [string, string];
}

/** The date a figure is for: its own when the sentence gives one, else its document's. */
function timeOf(figure: MeasuredFigure, documents: Map<string, DocumentInfo>): { value: string | null; explicit: boolean } {
  if (figure.timeSource === 'text' && figure.time) return { value: figure.time, explicit: true };
  const document = documents.get(figure.doc)!;
  return { value: document.publishedEarliest ?? document.published, explicit: false };
}

/** A value given to a round number's precision can stand for a more precise one: $20 billion for $20.08 billion. */
function withinRounding(a: MeasuredFigure, b: MeasuredFigure): boolean {
  const discrete = a.unit === 'count' && Number.isInteger(a.value) && Number.isInteger(b.value) && a.qualifier === 'exact' && b.qualifier === 'exact';
  if (discrete) return false;
  const [rough, fine] = significantDigits(a.value) <= significantDigits(b.value) ? [a.value, b.value] : [b.value, a.value];
  const step = 10 ** (Math.floor(Math.log10(Math.abs(rough))) - significantDigits(rough) + 1);
  return Math.abs(Math.round(fine / step) * step - rough) < step / 2 || (a.qualifier === 'approximate' || b.qualifier === 'approximate' ? relativeGap(a.value, b.value) <= 0.05 : false);
}

function significantDigits(value: number): number {
  return String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length || 1;
}

function scopeOf(figure: MeasuredFigure): string | null {
  return figure.scope && !WORLDWIDE.test(figure.scope) ? figure.scope.toLowerCase() : null;
}

/** How two figures of one measure relate, or undefined when they cannot be compared. */
export function classifyPair(a: MeasuredFigure, b: MeasuredFigure, documents: Map<string, DocumentInfo>): Pair | undefined {
  // Levels with levels, changes with changes of the same direction, shares with shares.
  if (familyOf(a) !== familyOf(b)) return undefined;
  const sameDoc = a.doc === b.doc;
  if (a.holderId && b.holderId && a.holderId !== b.holderId) return undefined;
  const equal = relativeGap(a.value, b.value) < 1e-9;
  // Without one holder for both, only what the text itself relates can be compared.
  const sameHolder = a.holderId !== null && a.holderId === b.holderId;
  if (!sameHolder && !sameDoc && !equal) return undefined;
  // "90 deals have dwindled to just 12": the text itself says one became the other.
  if (a.sentence === b.sentence && CHANGE.test(a.sentenceText.slice(Math.min(a.end, b.end) - a.sentenceStart, Math.max(a.start, b.start) - a.sentenceStart))) {
    return { kind: 'temporal_change', reason: 'the text states a change from one to the other', roles: ['earlier', 'later'] };
  }
  if (a.partOf === b.id || b.partOf === a.id) {
    return { kind: 'compatible', reason: 'one is part of the other', roles: a.partOf === b.id ? ['part', 'whole'] : ['whole', 'part'] };
  }
  const [scopeA, scopeB] = [scopeOf(a), scopeOf(b)];
  if (scopeA && scopeB && scopeA !== scopeB) return undefined;
  if ((scopeA !== null) !== (scopeB !== null)) {
    const [scoped, whole] = scopeA ? [a, b] : [b, a];
    if (scoped.value > whole.value) return undefined;
    return { kind: 'compatible', reason: `${describeValue(scoped.value, scoped.unit)} ${scoped.scope} is within ${describeValue(whole.value, whole.unit)} overall`, roles: scopeA ? ['part', 'whole'] : ['whole', 'part'] };
  }
  // Within one document, values that agree within rounding are compatible whenever they are stated.
  if (sameDoc && !equal && a.qualifier !== 'lower_bound' && b.qualifier !== 'lower_bound' && withinRounding(a, b)) {
    return { kind: 'compatible', reason: 'the values agree within rounding', roles: ['statement', 'statement'] };
  }
  const [timeA, timeB] = [timeOf(a, documents), timeOf(b, documents)];
  if (!sameHolder && a.sentence !== b.sentence && !equal && (timeA.explicit || timeB.explicit) && timeA.value !== timeB.value) {
    // Holderless figures at different dates in different sentences may be about different things.
    return undefined;
  }
  if (timeA.explicit && timeB.explicit && timeA.value !== timeB.value) {
    const [earlier, later] = [timeA.value!, timeB.value!].sort();
    return equal ? undefined : { kind: 'temporal_change', reason: `stated for ${earlier} and for ${later}`, roles: timeA.value! < timeB.value! ? ['earlier', 'later'] : ['later', 'earlier'] };
  }
  if (!sameDoc && sameHolder && timeA.value && timeB.value && timeA.value.slice(0, 7) !== timeB.value.slice(0, 7) && !equal) {
    const [earlier, later] = [timeA.value, timeB.value].sort();
    return { kind: 'temporal_change', reason: `reported on ${earlier} and on ${later}`, roles: timeA.value < timeB.value ? ['earlier', 'later'] : ['later', 'earlier'] };
  }
  if (equal) return sameDoc ? undefined : { kind: 'corroboration', reason: 'different sources state the same value', roles: ['statement', 'statement'] };
  // One figure dated in its sentence, the other only by its document: comparable only if the dates agree.
  if (sameDoc && timeA.explicit !== timeB.explicit && timeA.value?.slice(0, 7) !== timeB.value?.slice(0, 7)) {
    return withinRounding(a, b) ? { kind: 'compatible', reason: 'the values agree within rounding', roles: ['statement', 'statement'] } : undefined;
  }
  const bound = (x: MeasuredFigure, y: MeasuredFigure) => (x.qualifier === 'lower_bound' && y.value >= x.value) || (x.qualifier === 'upper_bound' && y.value <= x.value);
  if (bound(a, b) || bound(b, a) || (a.qualifier === b.qualifier && (a.qualifier === 'lower_bound' || a.qualifier === 'upper_bound'))) {
    return { kind: 'compatible', reason: 'bounds that can both hold', roles: ['statement', 'statement'] };
  }
  if (withinRounding(a, b)) return { kind: 'compatible', reason: 'the values agree within rounding', roles: ['statement', 'statement'] };
  if (!sameHolder) return undefined;
  return { kind: 'numeric_discrepancy', reason: 'the same measure at the same time with values that cannot both hold', roles: ['statement', 'statement'] };
}

function item(figure: MeasuredFigure, role: string): FindingItem {
  return { doc: figure.doc, figure: figure.id, start: figure.start, end: figure.end, quote: figure.quote, role };
}

function severityOf(kind: DraftFinding['kind'], a: MeasuredFigure, b: MeasuredFigure): Severity {
  if (kind !== 'numeric_discrepancy') return 'info';
  const gap = relativeGap(a.value, b.value);
  return gap >= 0.25 ? 'high' : gap >= 0.05 ? 'medium' : 'low';
}

/**
 * The findings of one measure. Corroborations of one value are one finding, whatever the number of
 * sources; so are pairs that say the same thing (the same kind, roles, values and quotes: an article
 * and its copies, or syndicated versions of one report), with every source among their items. Pairs of
 * copies once made findings that grew with the square of the number of copies.
 */
export function compareFigures(measure: Measure, documents: Map<string, DocumentInfo>): DraftFinding[] {
  const drafts: DraftFinding[] = [];
  const figures = measure.figures;
  const corroborating = new Map<number, Set<MeasuredFigure>>();
  // Pairs by what they say. Each side keeps one figure per statement (a quote in a document, as in the
  // fingerprint): the first occurrence that has a speaker, else the first ("More than 40 countries" in
  // a headline, then said by Pompeo in ¶2: ¶2).
  const better = (figure: MeasuredFigure, than: MeasuredFigure) => Number(figure.speaker !== null) - Number(than.speaker !== null) || than.start - figure.start;
  const samePair = new Map<string, { pair: Pair; roles: [string, string]; sayings: [string, string]; sides: [Map<string, MeasuredFigure>, Map<string, MeasuredFigure>] }>();
  const statement = (figure: MeasuredFigure) => `${figure.doc}:${figure.quote.toLowerCase()}`;
  for (let i = 0; i < figures.length; i += 1) {
    for (let j = i + 1; j < figures.length; j += 1) {
      const [a, b] = [figures[i]!, figures[j]!];
      if (a.id === b.id) continue;
      const pair = classifyPair(a, b, documents);
      if (!pair) continue;
      if (pair.kind === 'corroboration') {
        corroborating.set(a.value, (corroborating.get(a.value) ?? new Set()).add(a).add(b));
        continue;
      }
      const ordered = pair.roles[0] === 'later' ? ([[b, 'earlier'], [a, 'later']] as const) : ([[a, pair.roles[0]], [b, pair.roles[1]]] as const);
      // What each side says; a pair met the other way round ("90 deals" vs "91 contracts") says the same.
      const sayings = ordered.map(([figure, role]) => `${role}:${figure.value}:${figure.unit}:${figure.quote.toLowerCase()}`) as [string, string];
      const key = `${pair.kind}|${[...sayings].sort().join('|')}`;
      let group = samePair.get(key);
      if (!group) {
        group = { pair, roles: [ordered[0][1], ordered[1][1]], sayings, sides: [new Map(), new Map()] };
        samePair.set(key, group);
      }
      ordered.forEach(([figure], index) => {
        const side = group.sayings[0] === group.sayings[1] ? index : group.sayings.indexOf(sayings[index]!);
        const known = group.sides[side]!.get(statement(figure));
        if (!known || better(figure, known) > 0) group.sides[side]!.set(statement(figure), figure);
      });
    }
  }
  for (const { pair, roles, sides } of samePair.values()) {
    const [firsts, seconds] = sides.map((side) => [...side.values()]) as [MeasuredFigure[], MeasuredFigure[]];
    const [first, second] = [firsts[0]!, seconds[0]!];
    const arrow = pair.kind === 'temporal_change' ? ` → ` : ' vs ';
    const direction = pair.kind === 'temporal_change' ? (second.value > first.value ? ' (up)' : second.value < first.value ? ' (down)' : '') : '';
    drafts.push({
      kind: pair.kind,
      summary: `${measure.label}: “${first.quote}”${arrow}“${second.quote}”${direction}; ${pair.reason}.`,
      measure: measure.label,
      severity: severityOf(pair.kind, first, second),
      items: [...firsts.map((figure) => item(figure, roles[0])), ...seconds.map((figure) => item(figure, roles[1]))],
      evidence: [...measure.evidence, ...[...firsts, ...seconds].filter((figure) => figure.holderReason && figure.holderReason !== 'named with the figure').map((figure) => `holder of “${figure.quote}”: ${figure.holderReason}`)],
    });
  }
  for (const [value, members] of corroborating) {
    const list = [...members];
    if (new Set(list.map((figure) => figure.doc)).size < 2) continue;
    const name = measure.label;
    drafts.push({
      kind: 'corroboration',
      summary: `${name}: ${new Set(list.map((figure) => figure.doc)).size} sources state ${describeValue(value, list[0]!.unit)} (${list.map((figure) => `“${figure.quote}”`).join(', ')}).`,
      measure: name,
      severity: 'info',
      items: list.map((figure) => item(figure, 'statement')),
      evidence: measure.evidence,
    });
  }
  return drafts;
}
