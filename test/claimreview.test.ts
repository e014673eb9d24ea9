/**
 * The ClaimReview export on a real store: the seed corpus run into a temporary store, verdicts recorded
 * with `review`, the export read back and checked against schema.org's ClaimReview and Google's
 * fact-check markup (required: claimReviewed, reviewRating with alternateName, url; recommended:
 * author, datePublished, itemReviewed as a Claim with author, datePublished and appearance).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceQuotes, CLAIM_LENGTH, reviewUrl, shortClaim } from '../pipeline/claimreview.ts';
import type { StoredFinding } from '../pipeline/db/findings.ts';
import { cli, workspace } from './helpers.ts';

const BASE = 'https://checks.example/findings/';
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The problems of one ClaimReview against schema.org and Google's documentation; none when valid. */
function problemsOf(review: Record<string, any>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  const text = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
  check(review['@context'] === 'https://schema.org', '@context');
  check(review['@type'] === 'ClaimReview', '@type');
  check(text(review.url) && !review.url.includes('#'), 'url: one page per review');
  check(text(review.claimReviewed) && review.claimReviewed.length < CLAIM_LENGTH, 'claimReviewed: under 75 characters');
  check(/^\d{4}-\d{2}-\d{2}$/.test(review.datePublished), 'datePublished');
  check(review.author?.['@type'] === 'Organization' && text(review.author.name), 'author: an Organization');
  const rating = review.reviewRating ?? {};
  check(rating['@type'] === 'Rating', 'reviewRating @type');
  check(Number.isInteger(rating.ratingValue) && rating.worstRating <= rating.ratingValue && rating.ratingValue <= rating.bestRating, 'ratingValue within worstRating..bestRating');
  check(text(rating.alternateName), 'reviewRating.alternateName');
  check(!review.claimReviewed?.includes(rating.alternateName), 'the rating is not in claimReviewed');
  const claim = review.itemReviewed ?? {};
  check(claim['@type'] === 'Claim', 'itemReviewed @type Claim');
  check(['Person', 'Organization'].includes(claim.author?.['@type']) && text(claim.author?.name), 'itemReviewed.author: a Person or Organization');
  check(ISO_DATE.test(claim.datePublished), 'itemReviewed.datePublished');
  check(claim.appearance?.['@type'] === 'CreativeWork' && (text(claim.appearance.url) || text(claim.appearance.headline)), 'itemReviewed.appearance');
  return problems;
}

/** The seed corpus in a fresh store, its findings, and a helper that records a verdict through the CLI. */
async function reviewedStore() {
  const space = workspace();
  expect((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
  const findings = JSON.parse((await cli('findings', '--json', '--db', space.dbPath)).stdout) as StoredFinding[];
  const find = (kind: string, quote: string) => findings.find((finding) => finding.kind === kind && finding.items.some((item) => item.quote.includes(quote)))!;
  const review = async (finding: StoredFinding, verdict: string) => expect((await cli('review', finding.id, '--verdict', verdict, '--reviewer', 'ana', '--db', space.dbPath)).status).toBe(0);
  const exported = async () => {
    const result = await cli('export', '--format', 'claimreview', '--base-url', BASE, '--publisher', 'Checks Example', '--db', space.dbPath);
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as Record<string, any>[];
  };
  return { find, review, exported, space };
}

describe('ClaimReview export', () => {
  it('publishes one valid ClaimReview per confirmed or dismissed finding, none for needs-evidence', async () => {
    const { find, review, exported } = await reviewedStore();
    const arithmetic = find('arithmetic', 'US$20 billion');
    const discrepancy = find('numeric_discrepancy', '91 commercial contracts');
    const corroboration = find('corroboration', 'five lines');
    const denial = find('denial', 'Huawei has always denied this');
    const list = find('list_mismatch', 'Japan');
    await review(arithmetic, 'confirmed');
    await review(discrepancy, 'dismissed');
    await review(corroboration, 'confirmed');
    await review(denial, 'needs-evidence');
    // The latest verdict counts: confirmed, then sent back for evidence, is not published.
    await review(list, 'confirmed');
    await review(list, 'needs-evidence');
    const reviews = await exported();
    expect(reviews.map((entry) => entry.url).sort()).toEqual([arithmetic, discrepancy, corroboration].map((finding) => `${BASE}${finding.id}`).sort());
    for (const entry of reviews) expect(problemsOf(entry), entry.url).toEqual([]);
    expect(reviews[0]!.author).toEqual({ '@type': 'Organization', name: 'Checks Example' });
  });

  it('rates the sentence the finding disputes, in words that fit its kind and verdict', async () => {
    const { find, review, exported } = await reviewedStore();
    const arithmetic = find('arithmetic', 'US$20 billion');
    const discrepancy = find('numeric_discrepancy', '91 commercial contracts');
    const corroboration = find('corroboration', 'five lines');
    const denial = find('denial', 'Huawei has always denied this');
    const list = find('list_mismatch', 'Japan');
    for (const finding of [arithmetic, discrepancy, corroboration, denial, list]) await review(finding, 'confirmed');
    const byFinding = new Map((await exported()).map((entry) => [entry.url.slice(BASE.length), entry]));
    const rating = (finding: StoredFinding) => byFinding.get(finding.id)!.reviewRating;

    // Figures inside one article that do not add up: not another source, and not the base figure alone.
    expect(rating(arithmetic)).toMatchObject({ alternateName: 'Figures in the text do not add up', ratingValue: 1 });
    const claim = byFinding.get(arithmetic.id)!.claimReviewed as string;
    expect(claim).toContain('US$20 billion');
    expect(claim).not.toBe('US$20 billion');
    const sentence = 'At the end of World War II, the US GDP was 10 times that of the UK, and its gold reserves were US$20 billion, almost two-thirds of the world\'s total at the time (about US$33 billion).';
    for (const fragment of claim.split('…').filter(Boolean)) expect(sentence).toContain(fragment.trim());
    expect(byFinding.get(arithmetic.id)!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Fudan University' });

    // Both figures are Krach's, in one article. It names him by his surname alone, which makes no entity
    // (a person is known by a full name): the author is the outlet that printed the claim.
    expect(rating(discrepancy).alternateName).toBe('Contradicted in the same article');
    expect(byFinding.get(discrepancy.id)!.itemReviewed).toMatchObject({ author: { '@type': 'Organization', name: 'unnamed news outlet' }, datePublished: '2020-11-25' });
    expect(rating(list)).toMatchObject({ alternateName: 'Contradicted by another source', ratingValue: 1 });
    expect(rating(corroboration)).toMatchObject({ alternateName: 'Corroborated by another source', ratingValue: 3, bestRating: 3 });
    // A denial rates the claim denied, named by who denies it.
    expect(rating(denial).alternateName).toBe('Denied by Huawei');
    expect(byFinding.get(denial.id)!.claimReviewed).toContain('Huawei equipment may be used to spy');
  });

  it('rates a dismissed finding as neither supported nor disputed', async () => {
    const { find, review, exported } = await reviewedStore();
    const discrepancy = find('numeric_discrepancy', '91 commercial contracts');
    const arithmetic = find('arithmetic', 'US$20 billion');
    await review(discrepancy, 'dismissed');
    await review(arithmetic, 'dismissed');
    const byFinding = new Map((await exported()).map((entry) => [entry.url.slice(BASE.length), entry.reviewRating]));
    expect(byFinding.get(discrepancy.id)).toMatchObject({ alternateName: 'Not contradicted by the other figure', ratingValue: 2, worstRating: 1, bestRating: 3 });
    expect(byFinding.get(arithmetic.id)).toMatchObject({ alternateName: 'Figures in the text add up', ratingValue: 2 });
  });
});

describe('what a publisher reads', () => {
  it('rates a dismissed denial without saying that no denial was found, and keeps the note apart from the summary', async () => {
    const { find, review, exported, space } = await reviewedStore();
    const denial = find('denial', 'Huawei equipment may be used to spy');
    await review(denial, 'dismissed');
    expect((await cli('review', denial.id, '--verdict', 'dismissed', '--note', 'the denial answers another charge', '--reviewer', 'ana', '--db', space.dbPath)).status).toBe(0);
    const [entry] = (await exported()).filter((candidate) => candidate.url.endsWith(denial.id));
    expect(entry!.reviewRating.alternateName).toBe('Not disputed by the denial found');
    expect(entry!.reviewRating.alternateName).not.toMatch(/no denial/i);
    expect(entry!.reviewBody).toMatch(/\S Reviewer's note: the denial answers another charge$/);
  });

  it('puts a "/" between a base URL and the finding id unless the base ends in a separator, and refuses a base that is no URL', async () => {
    expect(reviewUrl('https://x.org/reviews', 'F1')).toBe('https://x.org/reviews/F1');
    expect(reviewUrl('https://x.org/reviews/', 'F1')).toBe('https://x.org/reviews/F1');
    expect(reviewUrl('urn:narratives:finding:', 'F1')).toBe('urn:narratives:finding:F1');
    const { space } = await reviewedStore();
    const result = await cli('export', '--format', 'claimreview', '--base-url', 'not a url', '--db', space.dbPath);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not a URL');
  });

  it('publishes the address of an article only when it is http(s)', async () => {
    const space = workspace();
    const manifest = join(space.corpusDir, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('source: unnamed news outlet', 'source: unnamed news outlet\n  url: "JaVaScRiPt:alert(1)//http://x"'));
    expect((await cli('run', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
    const findings = JSON.parse((await cli('findings', '--json', '--db', space.dbPath)).stdout) as StoredFinding[];
    const discrepancy = findings.find((finding) => finding.kind === 'numeric_discrepancy' && finding.items.some((item) => item.quote.includes('91 commercial contracts')))!;
    expect((await cli('review', discrepancy.id, '--verdict', 'confirmed', '--reviewer', 'ana', '--db', space.dbPath)).status).toBe(0);
    const result = await cli('export', '--format', 'claimreview', '--db', space.dbPath);
    expect(result.stdout).not.toMatch(/javascript/i);
    const [entry] = JSON.parse(result.stdout) as Record<string, any>[];
    expect(entry!.itemReviewed.appearance).not.toHaveProperty('url');
    expect(entry!.itemReviewed.appearance.headline).toBeTruthy();
  });

  it('closes a quotation that a cut left open', () => {
    expect(balanceQuotes('…had at that time “91 commercial contracts worldwide, including 47 from…')).toBe('…had at that time “91 commercial contracts worldwide, including 47 from…”');
    expect(balanceQuotes('…47 from Europe,” Krach said.')).toBe('“…47 from Europe,” Krach said.');
    expect(balanceQuotes('He said “no”.')).toBe('He said “no”.');
  });
});

describe('shortClaim', () => {
  const sentence = 'The United States and its allies believe that Huawei equipment may be used to spy for the Chinese government.';

  it('keeps a sentence that fits whole', () => {
    expect(shortClaim('Huawei has always denied this.', 0, 6)).toBe('Huawei has always denied this.');
  });

  it('cuts a long sentence at word boundaries around the quote, marking each cut', () => {
    const start = sentence.indexOf('Huawei');
    const short = shortClaim(sentence, start, start + 'Huawei equipment'.length);
    expect(short.length).toBeLessThan(75);
    expect(short).toContain('Huawei equipment');
    expect(short).toMatch(/^…|…$/);
    const words = sentence.split(' ');
    for (const fragment of short.split('…').filter(Boolean)) {
      for (const word of fragment.trim().split(' ')) expect(words).toContain(word);
    }
  });

  it('cuts a quote longer than the limit after its first words', () => {
    const short = shortClaim(sentence, 0, sentence.length, 40);
    expect(short.length).toBeLessThan(40);
    expect(short).toBe('The United States and its allies…');
  });
});
