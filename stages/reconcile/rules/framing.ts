/**
 * Framing conflicts: claims from different sides (document kinds) about the same subject that evaluate
 * it oppositely. A pair qualifies when the claims share the subject (an entity they name, or their
 * document's main subject when they name none) and a concept (the same noun or adjective, or WordNet
 * synonyms such as "standard" and "criterion"), and one of them either discredits the shared concept
 * ("exaggerated the … threats") or evaluates with the opposite sign (AFINN with negation: "not an
 * objective judgment" against "internationally accepted … trust standards"). Every finding names the
 * words that made it opposed.
 */
import { addTo, remembered } from '../../../pipeline/collections.ts';
import type { evaluate } from '../../narratives/evaluation.ts';
import { readClaim, type ClaimSource, type Cue, type Reading } from '../claim-reading.ts';
import { defineRule, type DraftFinding, type RuleContext } from '../rule.ts';
import type { ClaimRow } from '../load.ts';
import { digestOf } from '../state.ts';

export { claimsBySubject, subjectsOf, type ClaimSource } from '../claim-reading.ts';

export const rule = defineRule({
  id: 'framing',
  kind: 'framing_conflict',
  conflict: true,
  label: 'Opposed framings',
  run: (context) => bestPerPair(framingBySubject(context)),
});

/** Each subject's framing conflicts, in subject order; a subject's are kept between runs while its claims and the common lemmas are the same. */
function framingBySubject({ input, common, digests, memo, synonyms }: RuleContext): RankedDraft[] {
  const names = new Map(input.entities.map((entity) => [entity.id, entity.name]));
  const reader = framingReader(common, synonyms);
  const commonDigest = digestOf([...common].sort());
  return sourcesBySubject(input.claimSources).flatMap(([subject, sources]) => {
    const name = names.get(subject) ?? subject;
    // Each document with claims about it: its digest covers its claims and the subjects they belong to.
    const parts = [name, commonDigest, ...sources.map((source) => digests.get(source.doc))];
    return memo('framing', subject, parts, () => subjectConflicts(claimsAbout(subject, sources), name, reader));
  });
}

/** What the framing rule reads of a claim: its place, side, speaker, the entities it names, its lemmas and (when read with its document) its reading. */
export type FramingClaim = Pick<ClaimRow, 'id' | 'doc' | 'side' | 'start' | 'end' | 'text' | 'speaker' | 'entities' | 'lemmas'> & Partial<Pick<ClaimRow, 'reading'>>;

/**
 * The weakest opposition reported: a discredited shared concept scores 10 or more; opposite evaluations
 * reach it only with a concept the two sides name in different words (a WordNet synonym adds 4). Pairs
 * below it were noise on the seeds (shared "major", "past", "equipment" with incidental sentiment).
 */
const MIN_STRENGTH = 9;

/** Nouns too general to make two claims about the same thing. */
const GENERIC = new Set([
  'country', 'company', 'state', 'states', 'united', 'government', 'year', 'time', 'way', 'part', 'world', 'thing', 'people', 'other',
  // Modal and light verbs, which natural's stop-word list keeps: they carry no concept.
  'will', 'would', 'shall', 'should', 'could', 'might', 'must', 'include', 'also', 'say', 'make', 'take', 'give', 'help', 'need', 'want',
  'become', 'seek', 'provide', 'use', 'come', 'keep', 'put', 'get', 'have', 'being',
]);

/** A claim's lemmas that can name a concept: not too short, general or common, each once. */
export function conceptLemmas(claim: FramingClaim, common: Set<string>): string[] {
  return [...new Set(claim.lemmas.filter((lemma) => lemma !== '/' && lemma.length > 3 && !GENERIC.has(lemma) && !common.has(lemma)))];
}

/**
 * Concepts two claims share: the same lemma, or (asked only when none is shared) WordNet synonyms.
 * The reader gives a claim's conceptLemmas and a word's synonyms; words of the subject's name are left out.
 */
function sharedConcepts(a: FramingClaim, b: FramingClaim, exclude: Set<string>, { conceptsOf, synonymsOf }: FramingReader): string[] {
  const [left, right] = [conceptsOf(a).filter((lemma) => !exclude.has(lemma)), conceptsOf(b).filter((lemma) => !exclude.has(lemma))];
  const shared = left.filter((lemma) => right.includes(lemma));
  if (shared.length > 0) return shared;
  // Synonyms in each other's first sense only: "standard" and "criterion", not "business" and "concern".
  for (const word of left) {
    const synonyms = synonymsOf(word);
    const match = right.find((other) => other !== word && synonyms.has(other) && synonymsOf(other).has(word));
    if (match) shared.push(`${word} ~ ${match}`);
  }
  return shared;
}

interface Signal {
  /** A discrediting word in one claim, or opposite evaluations. */
  cue: Cue | undefined;
  cueIn: FramingClaim | undefined;
  evaluations: [ReturnType<typeof evaluate>, ReturnType<typeof evaluate>];
}

const read = (claim: FramingClaim): Reading => claim.reading ?? readClaim(claim.text);

/** What could make two claims opposed, found before any WordNet look-up. `readingOf` may remember each claim's reading. */
export function signalOf(a: FramingClaim, b: FramingClaim, readingOf: (claim: FramingClaim) => Reading = read): Signal | undefined {
  const [readingA, readingB] = [readingOf(a), readingOf(b)];
  const [cueA, cueB] = [readingA.cue, readingB.cue];
  const evaluations: Signal['evaluations'] = [readingA.evaluation, readingB.evaluation];
  const opposite = evaluations[0].score * evaluations[1].score < 0 && Math.abs(evaluations[0].score) >= 2 && Math.abs(evaluations[1].score) >= 2;
  if (!cueA && !cueB && !opposite) return undefined;
  // A discrediting word in both says nothing about which side doubts what.
  const cue = cueA && !cueB ? cueA : cueB && !cueA ? cueB : undefined;
  return { cue, cueIn: cue === cueA ? a : cue === cueB ? b : undefined, evaluations };
}

/** Why the claims are opposed, given what they share; undefined when the signal does not bear on it. */
/** True when an evaluative word stands within three words of one of the shared concepts. */
function evaluatesConcept(text: string, evaluation: ReturnType<typeof evaluate>, shared: string[]): boolean {
  const words = text.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const concepts = shared.flatMap((concept) => concept.split(' ~ ')).map((word) => word.slice(0, 5));
  const evaluative = new Set(evaluation.words.map((word) => word.word.toLowerCase()));
  return words.some((word, i) => evaluative.has(word) && words.slice(Math.max(0, i - 3), i + 4).some((near) => concepts.some((concept) => near.startsWith(concept))));
}

export function opposition(signal: Signal, shared: string[], texts: [string, string] = ['', '']): { why: string; strength: number } | undefined {
  const { cue, cueIn } = signal;
  if (cue && cueIn) {
    // The concept the discrediting word applies to: the nearest shared one after it, within a few words.
    const after = cueIn.text.toLowerCase().slice(cue.index + cue.text.length, cue.index + cue.text.length + 60);
    const target = shared
      .flatMap((concept) => concept.split(' ~ '))
      .map((word) => ({ word, at: after.indexOf(word.slice(0, 5)) }))
      .filter((candidate) => candidate.at !== -1)
      .sort((x, y) => x.at - y.at)[0]?.word;
    if (target) return { why: `“${cue.text}” in one, against “${target}” asserted in the other`, strength: 10 + Math.min(shared.length, 3) };
  }
  const [left, right] = signal.evaluations;
  if (left.score * right.score < 0 && Math.abs(left.score) >= 2 && Math.abs(right.score) >= 2) {
    const words = (evaluation: ReturnType<typeof evaluate>) => evaluation.words.map((word) => `${word.negated ? 'not ' : ''}${word.word} (${word.score > 0 ? '+' : ''}${word.score})`).join(', ');
    // Different words for one concept ("standard" / "criterion") are what a framing contest looks like.
    const synonymPairs = shared.filter((concept) => concept.includes(' ~ ')).length;
    // An evaluation that bears on the shared concept itself ("accepted … trust standards") counts more.
    const bearing = [evaluatesConcept(texts[0], left, shared), evaluatesConcept(texts[1], right, shared)].filter(Boolean).length;
    return { why: `opposite evaluations: ${words(left)} against ${words(right)}`, strength: Math.min(Math.abs(left.score), Math.abs(right.score)) + Math.min(shared.length, 3) + 4 * synonymPairs + 2 * bearing };
  }
  return undefined;
}

/** A framing draft with what picks the one finding per pair of claims (bestPerPair). */
export type RankedDraft = DraftFinding & { strength: number; pair: string };

/**
 * The subjects whose claims come from two sides or more (only claims of different sides are compared),
 * in subject order, each with the documents (`sources`, in their order) that have claims about it. Such
 * a subject has a claim outside the side with most claims, so only those documents' subjects are
 * candidates: an added article of a new side touches few of a large corpus's.
 */
export function sourcesBySubject<C extends FramingClaim>(sources: ClaimSource<C>[]): [subject: string, sources: ClaimSource<C>[]][] {
  const perSide = new Map<string, number>();
  for (const source of sources) perSide.set(source.side, (perSide.get(source.side) ?? 0) + source.count);
  const largest = [...perSide].reduce<[string, number] | undefined>((best, side) => (!best || side[1] > best[1] ? side : best), undefined)?.[0];
  const candidates = new Set<string>();
  for (const source of sources) if (source.side !== largest) for (const subject of source.subjects) candidates.add(subject);
  const bySubject = new Map<string, ClaimSource<C>[]>();
  for (const source of sources) for (const subject of source.subjects) if (candidates.has(subject)) addTo(bySubject, subject, source);
  return [...bySubject].filter(([, members]) => members.some((source) => source.side !== members[0]!.side)).sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The claims about `subject` of its sources, in their order. */
export function claimsAbout<C extends FramingClaim>(subject: string, sources: ClaimSource<C>[]): C[] {
  return sources.flatMap((source) => source.about(subject));
}

/** Lemmas in more than a tenth of the claims: they say nothing about what two claims share. */
export function commonLemmas(claims: FramingClaim[]): Set<string> {
  const frequency = new Map<string, number>();
  for (const claim of claims) for (const lemma of new Set(claim.lemmas)) frequency.set(lemma, (frequency.get(lemma) ?? 0) + 1);
  return new Set([...frequency].filter(([, count]) => count > claims.length / 10).map(([lemma]) => lemma));
}

/** What the pairs of one run share: each claim is read once, whatever the subjects it meets others under. */
function framingReader(common: Set<string>, synonymsOf: (word: string) => Set<string>) {
  return { readingOf: remembered(read), conceptsOf: remembered((claim: FramingClaim) => conceptLemmas(claim, common)), synonymsOf };
}
type FramingReader = ReturnType<typeof framingReader>;

/** The framing conflicts of one subject (`name`: its name), strongest first. */
function subjectConflicts(members: FramingClaim[], name: string, reader: FramingReader): RankedDraft[] {
  const exclude = new Set(name.toLowerCase().split(/\s+/));
  const candidates: { a: FramingClaim; b: FramingClaim; why: string; strength: number; shared: string[] }[] = [];
  const compare = (a: FramingClaim, b: FramingClaim) => {
    const signal = signalOf(a, b, reader.readingOf);
    if (!signal) return;
    const shared = sharedConcepts(a, b, exclude, reader);
    const found = shared.length > 0 ? opposition(signal, shared, [a.text, b.text]) : undefined;
    if (found && found.strength >= MIN_STRENGTH) candidates.push({ a, b, shared, ...found });
  };
  // Only claims of different sides are compared: each pair across two sides, the earlier claim first.
  const bySide = new Map<string, number[]>();
  members.forEach((claim, index) => addTo(bySide, claim.side, index));
  const sides = [...bySide.values()];
  for (let s1 = 0; s1 < sides.length; s1 += 1) {
    for (let s2 = s1 + 1; s2 < sides.length; s2 += 1) {
      for (const i of sides[s1]!) for (const j of sides[s2]!) compare(members[Math.min(i, j)]!, members[Math.max(i, j)]!);
    }
  }
  // The strongest pair per subject: a discredited shared concept first, then the clearest opposite evaluation.
  candidates.sort((x, y) => y.strength - x.strength || (x.a.id + x.b.id < y.a.id + y.b.id ? -1 : 1));
  // Per subject: the two strongest pairs where one side discredits what the other asserts, and the
  // strongest pair of opposite evaluations.
  const discrediting = candidates.filter((candidate) => candidate.why.startsWith('“'));
  const evaluative = candidates.filter((candidate) => !candidate.why.startsWith('“'));
  const kept = [...discrediting.slice(0, 2), ...evaluative.slice(0, 2)];
  return kept.map(({ a, b, why, shared, strength }) => {
    const [first, second] = a.side < b.side ? [b, a] : [a, b];
    return {
      kind: 'framing_conflict' as const,
      summary: `${first.side} and ${second.side} frame ${name} oppositely: “${first.text}” (${first.speaker ?? 'the source'}) against “${second.text}” (${second.speaker ?? 'the source'}); ${why}.`,
      measure: `framing: ${name}`,
      severity: 'medium' as const,
      items: [first, second].map((claim) => ({ doc: claim.doc, claim: claim.id, start: claim.start, end: claim.end, quote: claim.text, role: claim.side })),
      evidence: [`both are about ${name}`, `shared: ${shared.join(', ')}`, why, `strength ${strength}`],
      strength,
      pair: [a.id, b.id].sort().join('|'),
    };
  });
}

/** One finding per pair of claims: under the subject where it is strongest (the first such, in subject order). */
export function bestPerPair(drafts: RankedDraft[]): DraftFinding[] {
  const best = new Map<string, RankedDraft>();
  for (const draft of drafts) if (!best.has(draft.pair) || best.get(draft.pair)!.strength < draft.strength) best.set(draft.pair, draft);
  return drafts.filter((draft) => best.get(draft.pair) === draft).map(({ strength: _strength, pair: _pair, ...draft }) => draft);
}
