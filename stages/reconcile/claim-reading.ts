/**
 * How reconcile reads a claim as its document is read (load.ts): its discrediting word and its
 * evaluation, and the subjects it is about. The framing rule compares claims by what is read here;
 * reading them with their document means a subject compared again does not read its claims again.
 */
import { addTo } from '../../pipeline/collections.ts';
import { evaluate } from '../narratives/evaluation.ts';

/** Words that say a thing is overstated or unfounded. */
const DISCREDITING = /\b(?:exaggerat\w*|overstat\w*|inflat\w*|fabricat\w*|baseless|unfounded|groundless|pretext\w*|excuses?|myths?|smears?)\b|\bso-called\s+["“‘]/i;

/** A discrediting word and where it starts in the claim's text. */
export interface Cue {
  text: string;
  index: number;
}

/** A claim's discrediting word, if any, and its evaluation. */
export interface Reading {
  cue: Cue | null;
  evaluation: ReturnType<typeof evaluate>;
}

/** How a claim's text reads: worked out with its document (load.ts), since a subject's claims are compared again whenever one is added. */
export function readClaim(text: string): Reading {
  const cue = DISCREDITING.exec(text);
  return { cue: cue ? { text: cue[0], index: cue.index } : null, evaluation: evaluate(text) };
}

/** What a claim is about: the entities it names, or its document's main subject (`topic`) when it names none. */
export function subjectsOf(claim: { entities: string[] }, topic: string | null): string[] {
  return claim.entities.length > 0 ? claim.entities : topic !== null ? [topic] : [];
}

/**
 * A document's claims as framing groups them: its side, what they are about (claimSubjects) and how
 * many there are, known without reading the claims themselves; only a subject compared again reads
 * the claims about it (`about`: those of `claims` whose subjectsOf include it, in order).
 */
export interface ClaimSource<C> {
  doc: string;
  side: string;
  subjects: string[];
  count: number;
  about(subject: string): C[];
}

/** The claims about each subject of `claims` (claims about two are under both), each list in order. */
export function claimsBySubject<C extends { entities: string[] }>(claims: C[], topic: string | null): Map<string, C[]> {
  const bySubject = new Map<string, C[]>();
  for (const claim of claims) for (const subject of new Set(subjectsOf(claim, topic))) addTo(bySubject, subject, claim);
  return bySubject;
}
