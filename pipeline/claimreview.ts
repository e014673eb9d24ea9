/**
 * Reviewed findings as schema.org ClaimReview JSON-LD, so a fact-checking organisation can publish
 * them: one ClaimReview per item of a finding with a verdict, rating the item's claim by the verdict.
 */
import type Database from 'better-sqlite3';
import { readFindings, type StoredFinding, type StoredFindingItem } from './db/findings.ts';

/** Verdicts as ratings on a 1–3 scale (1 worst), with the words a reader sees. */
const RATING: Record<string, { value: number; name: string }> = {
  confirmed: { value: 1, name: 'Contradicted by another source' },
  'needs-evidence': { value: 2, name: 'Needs evidence' },
  dismissed: { value: 3, name: 'No contradiction found' },
};

export interface ClaimReviewOptions {
  /** Where the reviews will be published; each ClaimReview's url is this plus the finding id. */
  baseUrl: string;
  /** The organisation publishing the reviews. */
  publisher: string;
  documentUrl: (item: StoredFindingItem) => string | null;
}

function claimReview(finding: StoredFinding, item: StoredFindingItem, options: ClaimReviewOptions) {
  const review = finding.reviews.at(-1)!;
  const rating = RATING[review.verdict]!;
  const author = item.speaker ?? item.source ?? 'unknown';
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${options.baseUrl}${finding.id}#${item.ordinal}`,
    claimReviewed: item.quote,
    datePublished: review.reviewed_at.slice(0, 10),
    author: { '@type': 'Organization', name: options.publisher },
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 3, worstRating: 1, alternateName: rating.name },
    reviewBody: [finding.summary, review.note].filter(Boolean).join(' '),
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Thing', name: author },
      datePublished: item.date ?? item.published ?? undefined,
      appearance: { '@type': 'CreativeWork', headline: item.title, ...(options.documentUrl(item) ? { url: options.documentUrl(item) } : {}) },
    },
  };
}

/** ClaimReviews of every finding that has a verdict (and whose latest status is that verdict). */
export function claimReviews(db: Database.Database, options: Omit<ClaimReviewOptions, 'documentUrl'>) {
  const urls = new Map((db.prepare('SELECT id, url FROM documents').all() as { id: string; url: string | null }[]).map((row) => [row.id, row.url]));
  return readFindings(db)
    .filter((finding) => finding.reviews.length > 0 && finding.status === finding.reviews.at(-1)!.verdict)
    .flatMap((finding) => finding.items.map((item) => claimReview(finding, item, { ...options, documentUrl: (it) => urls.get(it.doc) ?? null })));
}
