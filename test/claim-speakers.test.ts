/**
 * Who speaks a claim, on text nobody tuned the rules for (issue 22, "Who and what"). The sentences are
 * from the development texts (../shared/eval/events and ../shared/bench/bbc), cut to what each rule
 * needs; each test fails without its rule.
 */
import { describe, expect, it } from 'vitest';
import { findAttribution } from '../stages/extract-claims/attribution.ts';
import type { ExportedClaim } from '../pipeline/export.ts';
import { claimsOf } from './helpers.ts';


const speakerOf = (claims: ExportedClaim[], words: string) => {
  const claim = claims.find((candidate) => candidate.text.includes(words));
  expect(claim, words).toBeDefined();
  return claim!.speaker;
};

const FARLEY = [
  '[Statement attributable to Jim Farley, president and CEO, Ford Motor Company]',
  'The Ford team continues to put 100% of our energy into reaching an agreement with the UAW that rewards our valued employees. In fact, we have put four offers on the table starting Aug. 29 and each one has been increasingly generous.',
  '- Added more paid time off, with up to five weeks of vacation and 17 paid holidays each year (with the addition of Juneteenth).',
].join('\n');

const SILVA = [
  "Google's opening statement to Australia's Senate inquiry",
  '',
  'Today Google Australia’s managing director, Mel Silva, appeared at a public hearing of the Senate Economics Legislation Committee that is reviewing a proposed new law, the News Media Bargaining Code.',
  '',
  'I am Mel Silva, Managing Director of Google Australia and New Zealand.',
  '',
  'In its current form, the Code remains unworkable and if it became law would hurt not just Google, but small publishers, small businesses, and the millions of Australians that use our services every day.',
].join('\n');

const RWANDA = [
  'Rwanda-UK Migration and Economic Development Partnership',
  '',
  'Rwanda already provides refuge for almost 130,000 refugees from multiple countries, including neighbours like the DRC and Burundi.',
].join('\n');

describe("a party's own document speaks in its declared author's voice", () => {
  it('a statement attributable to a person is that person\'s, "we" sentences and narrated lists alike', async () => {
    const claims = await claimsOf({ 'ford.txt': { text: FARLEY, manifest: '  kind: press\n  source: "Ford Motor Company statement (republished by Automotive World)"\n' } });
    expect(speakerOf(claims, 'we have put four offers on the table')).toBe('Jim Farley');
    expect(speakerOf(claims, 'up to five weeks of vacation and 17 paid holidays')).toBe('Jim Farley');
  });

  it('"I am Mel Silva" makes what follows hers, not the framing before it', async () => {
    const claims = await claimsOf({ 'silva.txt': { text: SILVA, manifest: '  kind: critique\n  title: "Google\'s opening statement to Australia\'s Senate inquiry"\n' } });
    expect(speakerOf(claims, 'the Code remains unworkable')).toBe('Mel Silva');
    expect(speakerOf(claims, 'appeared at a public hearing')).toBeNull();
  });

  it('a third-person text titled as a statement stays narration, and so does a news report', async () => {
    const claims = await claimsOf({
      'rwanda.txt': { text: RWANDA, manifest: '  kind: press\n  title: "Rwanda-UK Migration and Economic Development Partnership (Government of Rwanda statement)"\n' },
      'news.txt': { text: FARLEY, manifest: '  kind: news\n' },
    });
    expect(speakerOf(claims, 'almost 130,000 refugees')).toBeNull();
    expect(claims.filter((claim) => claim.text.includes('five weeks of vacation')).map((claim) => claim.speaker)).toEqual([null]);
  });
});

describe('the subject of a reporting verb, as news writes it', () => {
  const cases: { sentence: string; speaker: string | undefined }[] = [
    // A title before the name, in lower case or after an opening phrase.
    { sentence: 'Earlier this month, new Prime Minister Yulia Tymoshenko said as many as 3,000 firms may have their privatisations put under the spotlight.', speaker: 'new Prime Minister Yulia Tymoshenko' },
    { sentence: '• Australian treasurer Josh Frydenberg said Thursday the government will continue to hold talks with Facebook CEO Mark Zuckerberg.', speaker: 'Australian treasurer Josh Frydenberg' },
    { sentence: 'Speaking at a senate inquiry into the code on Friday, Ms Silva conceded the company had only paid $59m in corporate tax last year, despite a gross revenue of $4.8b.', speaker: 'Ms Silva' },
    // Two speakers together, a body's people, its acronym.
    { sentence: 'At the same time, German Chancellor Gerhard Schroeder and Italian Prime Minister Silvio Berlusconi voiced concerns about the strength of the euro.', speaker: 'German Chancellor Gerhard Schroeder and Italian Prime Minister Silvio Berlusconi' },
    { sentence: 'Ministry of Defence lawyers argued the UK-controlled area of southern Iraq was outside European jurisdiction.', speaker: 'Ministry of Defence lawyers' },
    { sentence: 'The UN refugee agency (UNHCR) expressed “strong opposition and concerns” on Thursday about the UK’s plan to export its asylum obligations.', speaker: 'The UN refugee agency (UNHCR)' },
    // A time between subject and verb is not the subject.
    { sentence: 'GM on Tuesday said the strike had cost it $800 million so far.', speaker: 'GM' },
    { sentence: 'Meta earlier this month said it would pull out of $70 million in deals signed with publishers in 2021.', speaker: 'Meta' },
    { sentence: 'Instead, the tech giant says it sent 2.3 billion links to publishers in 2023.', speaker: 'the tech giant' },
    // A phrase with a pronoun in it names no one.
    { sentence: 'Both he and The Game have admitted drug dealing in the past and have both been shot.', speaker: undefined },
  ];
  for (const { sentence, speaker } of cases) {
    it(`finds ${speaker ?? 'no speaker'} in "${sentence.slice(0, 50)}…"`, () => {
      const found = findAttribution(sentence);
      expect(found && sentence.slice(found.speakerStart, found.speakerEnd)).toBe(speaker);
    });
  }

  it('a stance or an announcement with no clause of its own is claimed whole, and a relative "that" does not cut the claim', async () => {
    const claims = await claimsOf({
      'bbc.txt': { text: 'Euro worries\n\nAt the same time, German Chancellor Gerhard Schroeder and Italian Prime Minister Silvio Berlusconi voiced concerns about the strength of the euro.\n' },
      'devex.txt': { text: 'UK to fund Rwanda development\n\nThe U.K. government has announced a £120 million ($157 million) economic development program for Rwanda as part of a controversial migrant deportation scheme to that country.\n' },
      'afr.txt': { text: 'Meta and news\n\nMeta earlier this month said it would pull out of $70 million in deals signed with publishers in 2021 after the government put in place legislation that would have otherwise forced them to pay to use news content.\n' },
    });
    const euro = claims.find((claim) => claim.text.includes('voiced concerns about the strength of the euro'));
    expect(euro?.text.startsWith('At the same time')).toBe(true);
    expect(euro?.speaker).toBe('Gerhard Schroeder');
    const fund = claims.find((claim) => claim.text.includes('£120 million'));
    expect(fund?.text.startsWith('The U.K. government has announced')).toBe(true);
    // The government a place's name qualifies is named by its own words, not by an earlier mention.
    expect(fund?.speaker).toBe('The U.K. government');
    expect(claims.find((claim) => claim.text.includes('$70 million'))?.text).toMatch(/^it would pull out of \$70 million/);
  });
});
