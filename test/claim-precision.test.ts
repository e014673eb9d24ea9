/**
 * Claims and speakers on text nobody tuned them for (issue 22, "Who and what"): an organisation's own
 * statement in the first person is its claim, and a pronoun phrase is never a speaker. The sentences
 * are from the development texts (../shared/eval/events, Ford's statement of September 2023).
 */
import { describe, expect, it } from 'vitest';
import { findAttribution } from '../stages/extract-claims/attribution.ts';
import { claimsOf } from './helpers.ts';

const STATEMENT = [
  'Ford update on UAW negotiations offer',
  '',
  'In fact, we have put four offers on the table starting Aug. 29 and each one has been increasingly generous.',
  '',
  'We still have not received any genuine counteroffer to our proposals from the union, Ford said.',
  '',
  'Like I said, the offer includes 20% raises over four years for all 57,000 workers.',
].join('\n');


describe('first-person statements of an organisation', () => {
  it('are claims by the organisation whose press statement the document is', async () => {
    const claims = await claimsOf({ 'ford.txt': { text: STATEMENT, manifest: '  source: "Ford Motor Company statement (republished by Automotive World)"\n  kind: press\n' } });
    const claim = claims.find((candidate) => candidate.text.includes('we have put four offers on the table'));
    expect(claim?.speaker).toBe('Ford');
  });

  it('in a news report, the writer\'s own first person is no one\'s claim, and an attributed "we" is its speaker\'s', async () => {
    const claims = await claimsOf({ 'news.txt': { text: STATEMENT, manifest: '  source: "A news site"\n  kind: news\n' } });
    expect(claims.find((candidate) => candidate.text.includes('we have put four offers'))?.speaker ?? null).toBeNull();
    const attributed = claims.find((candidate) => candidate.text.includes('genuine counteroffer'));
    expect(attributed?.speaker).toBe('Ford');
  });
});

describe('a pronoun phrase is never a speaker', () => {
  it('"Like I said, …" has no attribution', () => {
    expect(findAttribution('Like I said, the offer includes 20% raises over four years for all 57,000 workers.')).toBeUndefined();
  });

  it('"As we stated, …" has no attribution, and a name after it still does', () => {
    expect(findAttribution('As we stated last week, the offer stands.')).toBeUndefined();
    expect(findAttribution('The offer stands, Jim Farley said.')?.verb).toBe('said');
  });
});
