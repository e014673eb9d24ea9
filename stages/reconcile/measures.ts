/**
 * Measures: figures that count the same thing for the same holder. What is counted is compared by
 * head noun (singular), by meaning (WordNet: a deal and a contract are both agreements), by a shared
 * modifier ("telecommunications companies" / "telecommunications service providers"), or as parts of
 * a whole ("lines", "areas", "fields" of one programme). A figure without a holder takes one from an
 * organisation or initiative named in its sentence, also when written in lower case ("the clean
 * network of more than 40 countries"). Each measure keeps the reasons its figures were grouped.
 */
import type { StoredMeasurement } from '../../pipeline/db/documents.ts';
import { sharedKind } from './wordnet.ts';
import { addTo } from '../../pipeline/collections.ts';

/** A figure as reconcile reads it from the store (load.ts), with its sentence and paragraph. */
export interface FigureRow extends StoredMeasurement {
  id: string;
  doc: string;
  sentence: string;
  sentenceText: string;
  sentenceStart: number;
  /** The ordinal of its sentence's paragraph. */
  paragraph: number;
  start: number;
  end: number;
  holder: string | null;
  holderName: string | null;
  time: string | null;
  timeSource: string;
  partOf: string | null;
  speaker: string | null;
  /** Stems of its sentence that its own words do not use: what relates it to figures of other documents. */
  stems: string[];
}

/** An entity as holder inference and framing name it. */
export interface EntityName {
  id: string;
  name: string;
  type: string;
  /** Other names, of organisations and initiatives only (what holder inference reads). */
  aliases: string[];
}

/** Nouns that name the parts of one whole: "five lines of activity", "five major areas". */
const DIVISION_NOUNS = new Set(['line', 'area', 'field', 'component', 'part', 'pillar', 'element', 'sector', 'domain', 'category', 'track', 'strand', 'prong', 'initiative', 'program', 'programme', 'aspect', 'dimension', 'plank']);

export interface MeasuredFigure extends FigureRow {
  /** The holder after inference, and how it was found. */
  holderId: string | null;
  holderLabel: string | null;
  holderReason: string | null;
  head: string | null;
}

export interface Measure {
  /** Stable key: unit family and the kind of thing counted, e.g. `count:agreement`. */
  key: string;
  label: string;
  figures: MeasuredFigure[];
  /** Why these figures were put together, for the reviewer. */
  evidence: string[];
}

export function unitFamily(unit: string): string {
  return unit === 'percent' || unit === 'ratio' ? 'share' : unit;
}

/**
 * What a figure is compared with: figures of its type and unit family. Levels with levels, changes
 * with changes of the same direction, shares with shares, durations with durations. A figure read
 * without its type is a level.
 */
export function familyOf(figure: Pick<MeasuredFigure, 'unit' | 'type' | 'direction'>): string {
  const unit = unitFamily(figure.unit);
  const type = figure.type ?? 'level';
  if (type === 'level') return unit;
  return `${type === 'change' ? `change-${figure.direction ?? 'up'}` : type}.${unit}`;
}

export function headOf(counted: string | null): string | null {
  if (!counted) return null;
  return counted.split(' ').at(-1)!.replace(/(?<=[^s])s$/, '');
}

const modifiers = (counted: string | null) => (counted ? counted.split(' ').slice(0, -1).filter((word) => word.length > 3 && !['more', 'than', 'major', 'other', 'new', 'main'].includes(word)) : []);

/**
 * A figure as its document gives it: measured as far as the document alone says (its head, and its
 * holder when one is named with it) and, when it has no holder, the words a name would end with to
 * govern it (holderLinkWords). Worked out as the document is read, so that holder inference (every run,
 * on every figure of the corpus) copies and scans only the few figures a name may govern.
 */
export type LoadedFigure = MeasuredFigure & { linkWords?: string[] };

export function loadedFigure(figure: FigureRow): LoadedFigure {
  const head = headOf(figure.counted);
  if (figure.holder) return { ...figure, head, holderId: figure.holder, holderLabel: figure.holderName, holderReason: 'named with the figure' };
  const linkWords = holderLinkWords(figure.sentenceText.slice(0, figure.start - figure.sentenceStart).toLowerCase());
  return { ...figure, head, holderId: null, holderLabel: null, holderReason: null, ...(linkWords.length > 0 ? { linkWords } : {}) };
}

/**
 * Gives a holderless figure the organisation or initiative that governs it in its sentence: "the clean
 * network of more than 40 countries", "the Clean Network includes 180 …" — also when the name is written
 * in lower case. A name elsewhere in the sentence says nothing about whose figure it is. Figures with
 * nothing to infer are returned as they are; the others are copies.
 */
export function inferHolders(figures: LoadedFigure[], entities: EntityName[]): MeasuredFigure[] {
  const names = entities
    .filter((entity) => entity.type === 'organization' || entity.type === 'initiative')
    .flatMap((entity) => [entity.name, ...entity.aliases].filter((name) => name.includes(' ')).map((name) => ({ entity, name: name.toLowerCase() })));
  // Names by their last word: a name can only govern a figure if it ends right where a linking word starts.
  const byLastWord = new Map<string, number[]>();
  names.forEach(({ name }, index) => addTo(byLastWord, name.slice(name.lastIndexOf(' ') + 1), index));
  return figures.map((figure) => {
    if (!figure.linkWords) return figure;
    const before = figure.sentenceText.slice(0, figure.start - figure.sentenceStart).toLowerCase();
    // The first name, in entity order, whose last mention before the figure is linked to it.
    let found: { index: number; at: number } | undefined;
    for (const index of figure.linkWords.flatMap((word) => byLastWord.get(word) ?? [])) {
      if (found !== undefined && index >= found.index) continue;
      const at = before.lastIndexOf(names[index]!.name);
      if (at !== -1 && linksToFigure(before.slice(at + names[index]!.name.length))) found = { index, at };
    }
    if (found === undefined) return figure;
    const { entity, name } = names[found.index]!;
    // Object.assign, not a spread: spreading rows parsed from JSON took V8's slow path.
    return Object.assign({}, figure, { holderId: entity.id, holderLabel: entity.name, holderReason: `"${figure.sentenceText.slice(found.at, found.at + name.length)}" governs it in its sentence` });
  });
}

const LINK = /^(?:[’']s)?\s+(?:of|includes?|included|has|had|with|counts?|comprises?|now\s+has)\s+[^.;:]{0,60}$/;
/** "… Network has 180 …", "… Network's members include …": the words between a holder and its figure. */
const linksToFigure = (link: string) => LINK.test(link) && !/\b(?:that|which|who)\b/.test(link);
/** Longer than any link LINK matches with single spaces (at most 60 characters of words), so only the end of the text before a figure is searched. */
const LONGEST_LINK = 120;

/** LINK's start, tried in place first: most word ends are not followed by a linking word, and LINK on the rest of the text is slower. */
const LINK_START = /(?:[’']s)?\s+(?:of|includes?|included|has|had|with|counts?|comprises?|now\s+has)\s/y;

/** A space or apostrophe, as LINK's `\s` and `[’']` read it: the end of a word. */
const WORD_END = /[\s’']/;
/** Plain spaces, letters and digits, tested by code instead of WORD_END: most characters are these. */
const endsWord = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  if (code === 32) return true;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) return false;
  return WORD_END.test(text[at]!);
};

/** The words that end right before a linking word near the end of `before`: the last words of the names that may govern what follows. */
function holderLinkWords(before: string): string[] {
  const words: string[] = [];
  for (let end = Math.max(1, before.length - LONGEST_LINK); end < before.length; end += 1) {
    if (!endsWord(before, end) || endsWord(before, end - 1)) continue;
    LINK_START.lastIndex = end;
    if (!LINK_START.test(before) || !LINK.test(before.slice(end))) continue;
    words.push(before.slice(before.lastIndexOf(' ', end - 1) + 1, end));
  }
  return words;
}

/** Head and modifiers of a counted phrase, worked out once per phrase: pairs of phrases ask for them again and again. */
const phraseParts = new Map<string, { head: string; modifiers: string[] }>();
function partsOf(phrase: string): { head: string; modifiers: string[] } {
  let parts = phraseParts.get(phrase);
  if (!parts) {
    parts = { head: headOf(phrase)!, modifiers: modifiers(phrase) };
    phraseParts.set(phrase, parts);
  }
  return parts;
}

/** Nouns that count the same thing without asking WordNet: the same head, parts of a whole, or a shared modifier. */
function plainReason(a: string, b: string): string | undefined {
  const [partsA, partsB] = [partsOf(a), partsOf(b)];
  const [headA, headB] = [partsA.head, partsB.head];
  if (headA === headB) return `"${a}" and "${b}" count the same thing (${headA})`;
  if (DIVISION_NOUNS.has(headA) && DIVISION_NOUNS.has(headB)) return `"${a}" and "${b}" both name parts of a whole`;
  const shared = partsA.modifiers.find((word) => partsB.modifiers.includes(word));
  return shared ? `"${a}" and "${b}" share "${shared}"` : undefined;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/**
 * For each phrase (by index in `phrases`), the later phrases plainReason can join it with, in order:
 * those with its head, with a division noun when it has one, or with one of its modifiers. A context of
 * one common value holds hundreds of phrases, and asking every pair took most of its time.
 */
function plainPartners(phrases: string[]): (i: number) => number[] {
  const byHead = new Map<string, number[]>();
  const byModifier = new Map<string, number[]>();
  const divisions: number[] = [];
  phrases.forEach((phrase, index) => {
    const { head, modifiers } = partsOf(phrase);
    addTo(byHead, head, index);
    if (DIVISION_NOUNS.has(head)) divisions.push(index);
    for (const word of new Set(modifiers)) addTo(byModifier, word, index);
  });
  return (i) => {
    const { head, modifiers } = partsOf(phrases[i]!);
    const lists = [byHead.get(head)!, ...(DIVISION_NOUNS.has(head) ? [divisions] : []), ...modifiers.map((word) => byModifier.get(word)!)];
    return [...new Set(lists.flat().filter((j) => j > i))].sort((x, y) => x - y);
  };
}

/** Groups the counted phrases of one context; WordNet is asked only when `useWordNet` (one holder's figures). */
function groupPhrases(figures: MeasuredFigure[], useWordNet: boolean): { figures: MeasuredFigure[]; reasons: string[] }[] {
  const phrases = [...new Set(figures.map((figure) => figure.counted!))].sort();
  const parent = new Map(phrases.map((phrase) => [phrase, phrase]));
  const find = (phrase: string): string => {
    let root = phrase;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression: the same roots, found in fewer steps next time.
    for (let node = phrase; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const reasons = new Map<string, string[]>();
  const partners = useWordNet ? undefined : plainPartners(phrases);
  for (let i = 0; i < phrases.length; i += 1) {
    for (const j of partners ? partners(i) : range(i + 1, phrases.length)) {
      const [a, b] = [phrases[i]!, phrases[j]!];
      if (find(a) === find(b)) continue;
      let reason = plainReason(a, b);
      if (!reason && useWordNet) {
        const kind = sharedKind(headOf(a)!, headOf(b)!);
        if (kind) reason = `a ${headOf(a)} and a ${headOf(b)} are both a kind of ${kind.replace(/_/g, ' ')} (WordNet)`;
      }
      if (!reason) continue;
      const [x, y] = [find(a), find(b)].sort();
      parent.set(y!, x!);
      reasons.set(x!, [...(reasons.get(x!) ?? []), ...(reasons.get(y!) ?? []), reason]);
    }
  }
  const groups = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) addTo(groups, find(figure.counted!), figure);
  return [...groups].map(([root, members]) => ({ figures: members, reasons: reasons.get(root) ?? [] }));
}

/** The figures that share a distinctive word with a figure of another document. */
function relatedAcrossDocuments(figures: MeasuredFigure[], distinctive: Set<string>): MeasuredFigure[] {
  // The figure's own words ("five areas") are what is compared, not evidence that the sentences agree.
  const own = figures.map((figure) => figure.stems.filter((stem) => distinctive.has(stem)));
  // Which documents use each stem, so that each figure asks its own stems rather than every other figure.
  const documentsByStem = new Map<string, Set<string>>();
  figures.forEach((figure, i) => {
    for (const stem of own[i]!) {
      const documents = documentsByStem.get(stem);
      if (documents) documents.add(figure.doc);
      else documentsByStem.set(stem, new Set([figure.doc]));
    }
  });
  return figures.filter((figure, i) => own[i]!.some((stem) => [...documentsByStem.get(stem)!].some((doc) => doc !== figure.doc)));
}

function labelOf(figures: MeasuredFigure[], family: string): string {
  return `${[...new Set(figures.map((figure) => figure.counted!))].join(' / ')} (${family})`;
}

/** Where a figure is compared with others of its kind: its holder's figures, or its document's when it has none. */
export function contextOf(figure: MeasuredFigure): string {
  return `${familyOf(figure)}|${figure.holderId ? `holder:${figure.holderId}` : `doc:${figure.doc}`}`;
}

/** Where a figure is compared with figures of other documents stating the same value. */
export function valueKeyOf(figure: MeasuredFigure): string {
  return `${familyOf(figure)}|${figure.value}`;
}

/**
 * The counted figures in groups that contextMeasures can measure apart, each in the figures' order and
 * named by its smallest context: a document's holderless figures may join a measure of any holder with
 * figures in that document, so the holders' contexts are joined through such documents.
 */
export function contextComponents(figures: MeasuredFigure[]): { key: string; members: MeasuredFigure[] }[] {
  const counted = figures.filter((figure) => figure.head);
  // Each figure's context, worked out once (it was asked for six times per figure).
  const contexts = counted.map(contextOf);
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root)! !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  // The smaller root stays root: a component's root is its smallest context.
  const join = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  for (const context of contexts) parent.set(context, context);
  // A holder's context joins the holderless context of each document it has a figure in, when there is one.
  counted.forEach((figure, index) => {
    const holderless = `${familyOf(figure)}|doc:${figure.doc}`;
    if (figure.holderId && parent.has(holderless)) join(contexts[index]!, holderless);
  });
  const components = new Map<string, MeasuredFigure[]>();
  counted.forEach((figure, index) => addTo(components, find(contexts[index]!), figure));
  return [...components].map(([key, members]) => ({ key, members }));
}

/**
 * Measures, formed inside comparable contexts so that meanings never chain across unrelated figures:
 * one holder's figures (by meaning, with WordNet); a document's holderless figures (by head noun), which
 * also join a same-document measure of a holder that counts the same thing. `figures` may be one of
 * contextComponents' groups: the measures are those the whole corpus's figures would give there.
 */
export function contextMeasures(figures: MeasuredFigure[]): Measure[] {
  const measures: Measure[] = [];
  const contexts = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) if (figure.head) addTo(contexts, contextOf(figure), figure);
  const holderless: { family: string; group: { figures: MeasuredFigure[]; reasons: string[] } }[] = [];
  for (const [key, members] of [...contexts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [family, context] = key.split('|') as [string, string];
    for (const group of groupPhrases(members, context.startsWith('holder:'))) {
      if (context.startsWith('doc:')) {
        holderless.push({ family, group });
        continue;
      }
      const holder = group.figures[0]!.holderLabel;
      measures.push({ key: `${family}:${context}:${group.figures[0]!.counted}`, label: `${holder} — ${labelOf(group.figures, family)}`, figures: group.figures, evidence: [`all are ${holder}'s`, ...group.reasons] });
    }
  }
  // Measures by family and document, so a holderless group looks only at those that share its document.
  const order = new Map<Measure, number>();
  const byFamilyAndDocument = new Map<string, Set<Measure>>();
  const index = (measure: Measure, figures = measure.figures) => {
    if (!order.has(measure)) order.set(measure, order.size);
    const family = measure.key.slice(0, measure.key.indexOf(':'));
    for (const figure of figures) {
      const key = `${family}|${figure.doc}`;
      byFamilyAndDocument.set(key, (byFamilyAndDocument.get(key) ?? new Set()).add(measure));
    }
  };
  for (const measure of measures) index(measure);
  for (const { family, group } of holderless) {
    // A holderless figure joins a holder's measure from the same document that counts the same thing (the first such, in measure order).
    const doc = group.figures[0]!.doc;
    const candidates = [...(byFamilyAndDocument.get(`${family}|${doc}`) ?? [])].sort((a, b) => order.get(a)! - order.get(b)!);
    const host = candidates.find((measure) => measure.figures.some((figure) => figure.doc === doc && group.figures.some((own) => plainReason(own.counted!, figure.counted!))));
    if (host) {
      host.figures.push(...group.figures);
      host.evidence.push(...group.reasons, `${group.figures.map((figure) => `“${figure.quote}”`).join(', ')} has no holder of its own and counts the same thing in the same document`);
      index(host, group.figures);
    } else if (group.figures.length > 1) {
      const measure = { key: `${family}:doc:${doc}:${group.figures[0]!.counted}`, label: labelOf(group.figures, family), figures: group.figures, evidence: [...group.reasons, 'stated in the same document'] };
      measures.push(measure);
      index(measure);
    }
  }
  return measures;
}

/**
 * The same value in different documents, counting the same kind of thing, in sentences about the same
 * thing (sharing a word that few sentences use): possible corroborations. `figures` may be those of one
 * value (valueKeyOf) only.
 */
export function valueMeasures(figures: MeasuredFigure[], distinctive: Set<string>): Measure[] {
  const measures: Measure[] = [];
  const byValue = new Map<string, MeasuredFigure[]>();
  for (const figure of figures) if (figure.head) addTo(byValue, valueKeyOf(figure), figure);
  for (const [key, members] of [...byValue].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (new Set(members.map((figure) => figure.doc)).size < 2) continue;
    for (const group of groupPhrases(members, false)) {
      const related = relatedAcrossDocuments(group.figures, distinctive);
      if (new Set(related.map((figure) => figure.doc)).size < 2) continue;
      measures.push({ key: `value:${key}:${related[0]!.counted}`, label: labelOf(related, key.split('|')[0]!), figures: related, evidence: [...group.reasons, 'their sentences share words that few other sentences use'] });
    }
  }
  return measures;
}
