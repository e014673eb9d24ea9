/**
 * Reviewed findings as schema.org ClaimReview JSON-LD, so a fact-checking organisation can publish
 * them: one ClaimReview per finding whose verdict is `confirmed` or `dismissed` (`needs-evidence` is
 * no rating yet), rating the sentence the finding disputes with words that fit the kind and verdict.
 *
 * The rating scale, 1 to 3:
 *   1  the claim is disputed: contradicted or denied by another source, or its figures do not add up;
 *   2  neither supported nor disputed: framed oppositely elsewhere, outdated by a later source, or the
 *      suspected problem was dismissed on review (which clears the flag but does not prove the claim);
 *   3  supported: corroborated by another source, or consistent with it or with the rest of its article.
 */
import type Database from 'better-sqlite3';
import { httpUrl } from './shown-text.ts';
import { readFindings, type StoredFinding, type StoredFindingItem, type StoredReview } from './db/findings.ts';

/** The verdicts that are ratings a fact-checker publishes. */
const PUBLISHED_VERDICTS = new Set(['confirmed', 'dismissed']);

/** Google shows claimReviewed on one line on a phone when it is shorter than this. */
export const CLAIM_LENGTH = 75;

interface Rating {
  value: 1 | 2 | 3;
  name: string;
}

/** The item whose claim a finding of each kind disputes; other kinds dispute their first item's. */
const DISPUTED_ROLE: Record<string, string> = { arithmetic: 'part', denial: 'claim', temporal_change: 'earlier' };

function disputedItem(finding: StoredFinding): StoredFindingItem {
  const role = DISPUTED_ROLE[finding.kind];
  return finding.items.find((item) => item.role === role) ?? finding.items[0]!;
}

/** The rating of a confirmed finding: what the finding found, said of the claim. */
function confirmedRating(finding: StoredFinding, acrossDocuments: boolean): Rating {
  const elsewhere = acrossDocuments ? 'by another source' : 'in the same article';
  switch (finding.kind) {
    case 'numeric_discrepancy':
    case 'list_mismatch':
      return { value: 1, name: `Contradicted ${elsewhere}` };
    case 'arithmetic':
      return { value: 1, name: 'Figures in the text do not add up' };
    case 'denial': {
      const denier = finding.items.find((item) => item.role === 'denial')?.speaker;
      return { value: 1, name: denier ? `Denied by ${denier}` : `Denied ${elsewhere}` };
    }
    case 'framing_conflict':
      return { value: 2, name: `Framed oppositely ${elsewhere}` };
    case 'temporal_change':
      // Within one article the text itself tells of the change; across sources a later one supersedes it.
      return acrossDocuments ? { value: 2, name: 'Outdated by a later source' } : { value: 3, name: 'Consistent: a change over time' };
    case 'corroboration':
      return { value: 3, name: `Corroborated ${elsewhere}` };
    default:
      return { value: 3, name: acrossDocuments ? 'Consistent with another source' : 'Consistent with the rest of the article' };
  }
}

/**
 * The rating of a dismissed finding: the reviewer found that the flagged problem does not hold for this
 * claim, which clears the flag but proves nothing more.
 */
function dismissedRating(finding: StoredFinding): Rating {
  const name: Record<string, string> = {
    numeric_discrepancy: 'Not contradicted by the other figure',
    list_mismatch: 'Not contradicted by the other list',
    arithmetic: 'Figures in the text add up',
    denial: 'Not disputed by the denial found',
    framing_conflict: 'Not framed oppositely elsewhere',
    temporal_change: 'Not outdated by the later figure',
    corroboration: 'Not corroborated',
    compatible: 'Not confirmed by another source',
  };
  return { value: 2, name: name[finding.kind] ?? 'The flagged problem does not hold' };
}

function ratingOf(finding: StoredFinding, verdict: string): Rating {
  if (verdict === 'dismissed') return dismissedRating(finding);
  return confirmedRating(finding, new Set(finding.items.map((item) => item.doc)).size > 1);
}

/**
 * The sentence around `[start, end)` shorter than `limit` characters: whole if it fits, else the
 * quote widened word by word on both sides, with "…" where words were left out.
 */
export function shortClaim(sentence: string, start: number, end: number, limit = CLAIM_LENGTH): string {
  const words = [...sentence.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  const whole = words.map((word) => word.text).join(' ');
  if (whole.length < limit || words.length === 0) return whole;
  const inQuote = words.flatMap((word, index) => (word.end > start && word.start < end ? [index] : []));
  let first = inQuote[0] ?? 0;
  let last = inQuote.at(-1) ?? 0;
  const text = (from: number, to: number) => `${from > 0 ? '…' : ''}${words.slice(from, to + 1).map((word) => word.text).join(' ')}${to < words.length - 1 ? '…' : ''}`;
  // A quote too long by itself keeps its first words.
  while (last > first && text(first, last).length >= limit) last -= 1;
  if (text(first, last).length >= limit) return `${text(first, last).slice(0, limit - 2)}…`;
  for (let grew = true; grew; ) {
    grew = false;
    if (first > 0 && text(first - 1, last).length < limit) (first -= 1), (grew = true);
    if (last < words.length - 1 && text(first, last + 1).length < limit) (last += 1), (grew = true);
  }
  return text(first, last);
}

/** Closes a quotation that a cut left open (or opens one it left closed), so the claim reads as quoted. */
export function balanceQuotes(claim: string): string {
  const opened = (claim.match(/“/g) ?? []).length - (claim.match(/”/g) ?? []).length;
  if (opened > 0) return claim.endsWith('…') ? `${claim.slice(0, -1)}…”` : `${claim}”`;
  if (opened < 0) return claim.startsWith('…') ? `“…${claim.slice(1)}` : `“${claim}`;
  return (claim.match(/"/g) ?? []).length % 2 === 1 ? `${claim}"` : claim;
}

/** The review's address: the base and the finding id, with a "/" between unless the base ends in a separator. */
export function reviewUrl(baseUrl: string, findingId: string): string {
  return /[/:#=?]$/.test(baseUrl) ? `${baseUrl}${findingId}` : `${baseUrl}/${findingId}`;
}

export interface ClaimReviewOptions {
  /** Where the reviews will be published; each ClaimReview's url is this plus the finding id. */
  baseUrl: string;
  /** The organisation publishing the reviews. */
  publisher: string;
}

/** What the export reads beside the findings: each item's sentence, its speaker's kind, its document's url. */
interface Context {
  sentenceOf(item: StoredFindingItem): { text: string; start: number } | undefined;
  speakerType(item: StoredFindingItem): string | null;
  urlOf(doc: string): string | null;
}

function contextOf(db: Database.Database): Context {
  const sentence = db.prepare('SELECT text, span_start AS start FROM sentences WHERE document_id = ? AND span_start <= ? AND span_end >= ? ORDER BY span_start LIMIT 1');
  const speaker = db
    .prepare(
      `SELECT e.type FROM entities e WHERE e.id = coalesce((SELECT speaker_entity_id FROM figure_details WHERE id = @figure),
         (SELECT speaker_entity_id FROM claim_speakers WHERE claim_id = @claim))`,
    )
    .pluck();
  const urls = new Map((db.prepare('SELECT id, url FROM documents').all() as { id: string; url: string | null }[]).map((row) => [row.id, row.url]));
  return {
    sentenceOf: (item) => sentence.get(item.doc, item.start, item.end) as { text: string; start: number } | undefined,
    speakerType: (item) => (speaker.get({ figure: item.figure, claim: item.claim }) as string | undefined) ?? null,
    // Only an http(s) address is published: the JSON-LD goes on a web page, where javascript: would run.
    urlOf: (doc) => httpUrl(urls.get(doc) ?? '') ?? null,
  };
}

/** Who made the claim: its speaker when resolved to a person or organisation, else the source that printed it. */
function claimAuthor(item: StoredFindingItem, context: Context) {
  const type = item.speaker ? context.speakerType(item) : null;
  if (item.speaker && type) return { '@type': type === 'person' ? 'Person' : 'Organization', name: item.speaker };
  return item.source ? { '@type': 'Organization', name: item.source } : undefined;
}

function claimReview(finding: StoredFinding, review: StoredReview, options: ClaimReviewOptions, context: Context) {
  const item = disputedItem(finding);
  const sentence = context.sentenceOf(item);
  const claim = balanceQuotes(
    // One character is kept free for the quotation mark a cut may leave open.
    sentence ? shortClaim(sentence.text, item.start - sentence.start, item.end - sentence.start, CLAIM_LENGTH - 1) : shortClaim(item.quote, 0, item.quote.length, CLAIM_LENGTH - 1),
  );
  const rating = ratingOf(finding, review.verdict);
  const organisation = { '@type': 'Organization', name: options.publisher };
  const url = context.urlOf(item.doc);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl(options.baseUrl, finding.id),
    claimReviewed: claim,
    datePublished: review.reviewed_at.slice(0, 10),
    author: organisation,
    publisher: organisation,
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 3, worstRating: 1, name: rating.name, alternateName: rating.name },
    reviewBody: review.note ? `${finding.summary} Reviewer's note: ${review.note}` : finding.summary,
    itemReviewed: {
      '@type': 'Claim',
      author: claimAuthor(item, context),
      // When the claim was made: its document's publication, not the time the figure is about.
      datePublished: item.published ?? undefined,
      appearance: { '@type': 'CreativeWork', headline: item.title, ...(url ? { url } : {}) },
    },
  };
}

/** ClaimReviews of the findings whose latest verdict, still their status, is confirmed or dismissed. */
export function claimReviews(db: Database.Database, options: ClaimReviewOptions) {
  // One read transaction: a run writing meanwhile (WAL) cannot mix two states of the store.
  return db.transaction(() => {
    const context = contextOf(db);
    return readFindings(db).flatMap((finding) => {
      const review = finding.reviews.at(-1);
      if (!review || finding.status !== review.verdict || !PUBLISHED_VERDICTS.has(review.verdict)) return [];
      return [claimReview(finding, review, options, context)];
    });
  })();
}
