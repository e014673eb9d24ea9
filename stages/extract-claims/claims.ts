/**
 * Claims: check-worthy statements with who made them. The score is explainable in the spirit of
 * ClaimBuster: a sum of named features (figures, named entities, factual verbs, attribution, hedges,
 * first-person opinion, questions, length), each stored with the claim.
 */
import { groupBySentence } from '../../pipeline/provenance.ts';
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { Figure } from '../extract-figures/figures.ts';
import type { ParsedSentence } from '../parse/index.ts';
import { findAttribution, quoteSpans, reportAuthor, type Attribution, type QuoteSpan } from './attribution.ts';
import type { DeclaredAuthor } from './author.ts';
import { MentionIndex } from './mention-index.ts';
import { Speakers } from './speakers.ts';

export interface Claim {
  sentence: number;
  start: number;
  end: number;
  /** Exactly the stored text of [start, end). */
  text: string;
  /** Index, in the document's mentions, of who made the claim. */
  speaker?: number;
  /** Who made it, as a name: the speaker mention's text, or the words that name it. */
  speakerText?: string;
  direct: boolean;
  reportingVerb?: string;
  hedges: string[];
  negated: boolean;
  score: number;
  features: Record<string, number>;
  /** Indexes of the mentions and figures inside the claim. */
  mentions: number[];
  figures: number[];
}

const HEDGES = /\b(?:allegedly|reportedly|purportedly|may|might|could|possibly|perhaps|probably|likely|believes?|believed|claims?|claimed|suggests?|appears?|seems?|estimated|perceived|potentially)\b/gi;
/** Negation, but not the idioms "not to mention", "not only". */
const NEGATION = /\b(?:not(?!\s+(?:only|to mention|just)\b)|no|never|none|nor|cannot|denied|denies|deny)\b|n[’']t\b/i;
/** Words of obligation: what someone thinks ought to be, not what is. */
const OBLIGATION = /\b(?:should|must|ought to|need to|it is necessary)\b/;
/** First person: opinion when no one is named as its source, a party's stated position when one is. */
const FIRST_PERSON = /\b(?:I|we|our|us|my)\b/;
const THRESHOLD = 0.5;

/** The check-worthiness of a statement from its features; returns the score and the features. */
export function scoreClaim(input: { text: string; figures: number; entities: number; factualVerb: boolean; attributed: boolean; voiced?: boolean; hedges: number; hasVerb: boolean }) {
  // A quotation of three words or more. Each word is [^space]* then a space, and no part crosses another
  // quote mark, so every match attempt stops at the next mark: linear, where the ambiguous
  // /[“"][^”"]*\s[^”"]*\s[^”"]*[”"]/ was cubic on a run of opening quotes.
  const quotesSource = /[“"](?:[^“”"\s]*\s){2}[^“”"]*[”"]/.test(input.text);
  const words = input.text.split(/\s+/).filter(Boolean).length;
  const features: Record<string, number> = {
    base: 0.3,
    figures: Math.min(input.figures, 2) * 0.2,
    named_entities: Math.min(input.entities, 3) * 0.08,
    factual_verb: input.factualVerb ? 0.1 : 0,
    attributed: input.attributed ? 0.1 : 0,
    quotes_source: quotesSource ? 0.1 : 0,
    hedged: input.hedges > 0 ? -0.05 : 0,
    // A document's own voice (its declared author, an organisation's "we") is no attribution in the
    // sentence, but its first person is that party's stated position, not the writer's opinion.
    opinion: OBLIGATION.test(input.text) || (FIRST_PERSON.test(input.text) && !input.attributed && !input.voiced) ? -0.2 : 0,
    question: /\?\s*[”"]?$/.test(input.text) ? -0.3 : 0,
    too_short: words < 5 ? -0.3 : 0,
    no_verb: input.hasVerb ? 0 : -0.4,
  };
  const score = Math.max(0, Math.min(1, Object.values(features).reduce((sum, value) => sum + value, 0)));
  return { score: Math.round(score * 100) / 100, features: Object.fromEntries(Object.entries(features).filter(([, value]) => value !== 0)) };
}

interface DocumentInput {
  text: string;
  sentences: ParsedSentence[];
  /** Paragraph ordinal of each sentence, by sentence ordinal. */
  paragraphOf: Map<number, { start: number; end: number }>;
  mentions: EntityMention[];
  figures: Figure[];
  /** The organisation the document speaks for (documentVoice), if it is its own statement. */
  voice?: EntityMention;
  /** The author the document declares itself the statement of (declaredAuthor), if any. */
  declared?: DeclaredAuthor;
}

/** The claims of one document. */
export function findClaims(input: DocumentInput): Claim[] {
  const { text, mentions, figures } = input;
  const quotesByParagraph = new Map<number, QuoteSpan[]>();
  const quotesOf = (paragraph: { start: number; end: number }) => {
    if (!quotesByParagraph.has(paragraph.start)) quotesByParagraph.set(paragraph.start, quoteSpans(text, paragraph.start, paragraph.end));
    return quotesByParagraph.get(paragraph.start)!;
  };

  const claims: Claim[] = [];
  const mentionsOf = groupBySentence(mentions);
  const mentionIndex = new MentionIndex(mentions);
  const figuresOf = groupBySentence(figures);
  const attributions = input.sentences.map((sentence) => findAttribution(text.slice(sentence.start, sentence.end)));
  const attributedParagraphs = new Set(input.sentences.filter((_, at) => attributions[at]).map((sentence) => input.paragraphOf.get(sentence.ordinal)!.start));
  const speakers = new Speakers(text, mentionIndex, { voice: input.voice, declared: input.declared, author: reportAuthor(text, mentions), attributedParagraphs });
  for (const [at, sentence] of input.sentences.entries()) {
    const paragraph = input.paragraphOf.get(sentence.ordinal)!;
    const quote = quoteOf(sentence, quotesOf(paragraph));
    const attribution = attributions[at];
    const { speaker, speakerText, verb, voiced, carried } = speakers.of(sentence, paragraph, quote, attribution, mentionsOf(sentence.ordinal).map((index) => mentions[index]!));
    // The same quote may have begun in earlier sentences: they are this speaker's too. Claims are in
    // text order: look back only as far as the quote reaches.
    for (let index = claims.length - 1; attribution && quote && index >= 0 && claims[index]!.start >= quote.start; index -= 1) {
      const earlier = claims[index]!;
      if (earlier.end <= quote.end + 1 && earlier.speakerText === undefined) {
        Object.assign(earlier, { speaker: speaker ? mentionIndex.indexOf(speaker) : undefined, speakerText, reportingVerb: verb, direct: true });
      }
    }
    const { start, end } = claimSpan(text, sentence, quote, attribution);
    if (end - start < 3) continue;

    const claimText = text.slice(start, end);
    const inside = (item: { start: number; end: number }) => item.start >= start && item.end <= end;
    const mentionIndexes = mentionsOf(sentence.ordinal).filter((index) => inside(mentions[index]!));
    const figureIndexes = figuresOf(sentence.ordinal).filter((index) => inside(figures[index]!));
    const tokens = sentence.tokens.filter(inside);
    const hasVerb = tokens.some((token) => token.tags.has('Verb'));
    const factualVerb = tokens.some((token) => token.tags.has('Verb') && (token.tags.has('PastTense') || token.tags.has('PresentTense')) && !token.tags.has('Modal'));
    const hedges = [...new Set([...claimText.matchAll(HEDGES)].map((match) => match[0].toLowerCase()))];
    const { score, features } = scoreClaim({ text: claimText, figures: figureIndexes.length, entities: mentionIndexes.length, factualVerb, attributed: speakerText !== undefined && !voiced && !carried, voiced, hedges: hedges.length, hasVerb });
    if (score < THRESHOLD) continue;
    claims.push({
      sentence: sentence.ordinal,
      start,
      end,
      text: claimText,
      speaker: speaker ? mentionIndex.indexOf(speaker) : undefined,
      speakerText,
      direct: quote !== undefined && start >= quote.start && end <= quote.end,
      reportingVerb: verb,
      hedges,
      negated: NEGATION.test(claimText),
      score,
      features,
      mentions: mentionIndexes,
      figures: figureIndexes,
    });
  }
  return claims;
}

/**
 * The claim's own words: the quotation when the sentence is one, else what the reporting clause
 * introduces ("… announced on Twitter that X" → X), else the sentence.
 */
function claimSpan(text: string, sentence: ParsedSentence, quote: QuoteSpan | undefined, attribution: Attribution | undefined): { start: number; end: number } {
  const contentStart = attribution ? sentence.start + attribution.contentStart : sentence.start;
  const contentEnd = attribution ? sentence.start + attribution.contentEnd : sentence.end;
  const quoted = quote !== undefined && quote.start <= sentence.start + 1;
  let start = Math.max(contentStart, quoted ? Math.max(quote.start, sentence.start) : contentStart);
  let end = Math.min(contentEnd, quoted ? Math.min(quote.end, sentence.end) : contentEnd);
  // Only content that follows its reporting verb opens with "that": "announced on Twitter that …",
  // after at most a few words; a later "that" opens a relative clause ("legislation that would …").
  const that = /^\s*(?:[^\s.“”"]+\s+){0,4}?that\s+|^\s*:\s*/.exec(text.slice(start, end));
  if (that && attribution && attribution.contentStart > 0) start += that[0].length;
  ({ start, end } = trimClaim(text, start, end));
  // "Huawei has always denied this", "announced a £120 million programme": with no clause of its own
  // (too short, or no verb), the statement is the whole sentence.
  const clauseVerb = (from: number, to: number) => sentence.tokens.some((token) => token.start >= from && token.end <= to && token.tags.has('Verb'));
  if (attribution && !quoted && (text.slice(start, end).split(/\s+/).length < 4 || !clauseVerb(start, end))) return trimClaim(text, sentence.start, sentence.end);
  return { start, end };
}

/**
 * The first quotation (in text order) that the sentence is, or opens: one that covers half of it, or
 * that starts at its start and runs on. `spans` are in text order and do not overlap, so only the few
 * that reach into the sentence are looked at.
 */
function quoteOf(sentence: { start: number; end: number }, spans: readonly QuoteSpan[]): QuoteSpan | undefined {
  const isQuote = (span: QuoteSpan) => overlap(span, sentence) >= 0.5 * (sentence.end - sentence.start) || (span.start <= sentence.start + 1 && span.end >= sentence.start + 4);
  // Both tests need a span that ends after the sentence starts and starts by its end (or its second character).
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.end <= sentence.start) low = middle + 1;
    else high = middle;
  }
  const lastStart = Math.max(sentence.end - 1, sentence.start + 1);
  for (let k = low; k < spans.length && spans[k]!.start <= lastStart; k += 1) if (isQuote(spans[k]!)) return spans[k];
  return undefined;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Trims white space, a trailing comma and unpaired quote marks from a claim's ends. */
function trimClaim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s“”"‘,]/.test(text[start]!)) start += 1;
  while (end > start && /[\s“”",]/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}
