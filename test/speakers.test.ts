/**
 * Who a claim's speaker is, as a careful reader would say: sources named after the clause, relayed
 * statements, appositives and datelines around the subject, and pronouns and descriptions resolved to
 * the person or body the text means (issue 22, "Who and what"). Sentences are from BBC News
 * (../shared/bench/bbc) and the event texts, or made-up general English of the same shape.
 */
import { describe, expect, it } from 'vitest';
import type { ExportedClaim } from '../pipeline/export.ts';
import { findAttribution } from '../stages/extract-claims/attribution.ts';
import { claimsOf } from './helpers.ts';

/** The words the attribution names as the speaker, or undefined when the sentence attributes nothing. */
const speakerWords = (sentence: string) => {
  const attribution = findAttribution(sentence);
  return attribution && sentence.slice(attribution.speakerStart, attribution.speakerEnd);
};

describe('a source named after the clause', () => {
  it('"per X" and "according to data from X" name the source', () => {
    expect(speakerWords('Total news traffic to Australian news sites fell by about 13% after Facebook began limiting link-sharing, per Chartbeat.')).toBe('Chartbeat');
    expect(speakerWords('Traffic to news sites from Facebook links plummeted on Wednesday, according to data from Chartbeat.')).toBe('Chartbeat');
  });

  it('"in a report by X" and "a report by X shows" name the report\'s author', () => {
    expect(speakerWords('The cost of the scheme is laid bare for the first time in a report by the National Audit Office.')).toBe('the National Audit Office');
    expect(speakerWords('Taxpayers would give Rwanda up to £600m under the deal, a report by the public spending watchdog shows.')).toBe('the public spending watchdog');
    expect(speakerWords('The figures echo similar research from net analyst WebSideStory which suggested that IE had 92.9% of users in October.')).toBe('net analyst WebSideStory');
  });

  it('a report described by its author\'s kind ("a watchdog report") points to that author; "a new report" names no one', () => {
    expect(speakerWords('The bill could cost the taxpayer more than £500m, a watchdog report has revealed.')).toBe('watchdog');
    expect(findAttribution('The bill could cost the taxpayer more than £500m, a new report has revealed.')).toBeUndefined();
  });

  it('a source relaying another\'s statement gives way to the one who said it first', () => {
    expect(speakerWords('Last year, the company said that about 5.1 million free referrals came from Facebook, Axios reported.')).toBe('the company');
    expect(speakerWords('Traffic to news sites fell by around 13%, the data and analytics company Chartbeat found according to Axios.')).toBe('the data and analytics company Chartbeat');
  });

  it('a reporting clause set off by commas inside the sentence', () => {
    expect(speakerWords('Every Australian clicks on 90 news links a year on Facebook, the platform’s owner, Meta says, in its first defence of the decision.')).toBe('Meta');
  });
});

describe('the words around a subject are not the subject', () => {
  it('an appositive after the name, before or after the verb', () => {
    expect(speakerWords('Gillian Triggs, assistant high commissioner at UNHCR, says plan is a symbolic gesture that will prove unworkable')).toBe('Gillian Triggs');
    expect(speakerWords('Speaking to the Guardian, Gillian Triggs, the assistant high commissioner at the UNHCR, said the arrangement would only accommodate a few hundred people a year.')).toBe('Gillian Triggs');
    expect(speakerWords('“Such arrangements simply shift asylum responsibilities elsewhere,” said UNHCR’s assistant head, Gillian Triggs.')).toBe('Gillian Triggs');
  });

  it('a conjunction, a dateline and a date are not part of the name', () => {
    expect(speakerWords('But she claimed a requirement to pay for links would make the service unviable.')).toBe('she');
    expect(speakerWords('MICHIGAN (WNEM) - Ford CEO Jim Farley revealed the company made a new offer to the union on Tuesday.')).toBe('Ford CEO Jim Farley');
    expect(speakerWords('• The Detroit Free Press on Sept. 2 documented the chasm between chief executive and worker pay.')).toBe('The Detroit Free Press');
  });

  it('"As X noted" names X; "Like I said" and "As we stated" name no one', () => {
    expect(speakerWords('As Mr Kok\'s report noted: "The ink had scarcely dried on the agreement before the stock market bubble imploded."')).toBe('Mr Kok\'s report');
    expect(findAttribution('Like I said, the company will cut 300 jobs this year.')).toBeUndefined();
    expect(findAttribution('As we stated in March, the plant will close with the loss of 300 jobs.')).toBeUndefined();
  });

  it('a common plural at the sentence start names no one', () => {
    expect(findAttribution('Ministers insisted on Friday that the scheme would save money in the longer term.')).toBeUndefined();
  });
});

/** The speaker the store gives the claim whose text holds `words`. */
const speakerOf = (claims: ExportedClaim[], words: string) => {
  const claim = claims.find((candidate) => candidate.text.includes(words));
  expect(claim, words).toBeDefined();
  return claim!.speaker;
};

describe('a pronoun or a description points back to the one the text is about', () => {
  it('"he" is the person the last sentence opened with, not the one who spoke before that', async () => {
    const text = [
      'Tony Blair has said he does not want higher tax rates for top earners.',
      'Mr Howard pointed to forecasts that Labour will need to increase taxes to cover an £11bn gap in its spending plans.',
      'He accused ministers of wasting money on unsuccessful attempts to curb truancy in schools and on slow asylum processing.',
    ].join(' ');
    const claims = await claimsOf({ 'howard.txt': { text } });
    expect(speakerOf(claims, 'wasting money')).toMatch(/Howard/);
  });

  it('"it" and "the company" after a statement from a named body are that body', async () => {
    const text = [
      'Monitoring firm Netcraft found that the anti-spam campaign was knocking 12 sites offline.',
      'In a statement from Lycos Europe announcing the end of the scheme, the company denied that this was its fault.',
      '"There is nothing to suggest that the campaign has brought down any of the 12 sites that it has targeted," it said.',
    ].join(' ');
    const claims = await claimsOf({ 'lycos.txt': { text } });
    expect(speakerOf(claims, 'There is nothing to suggest')).toBe('Lycos Europe');
  });

  it('"the tech giant" is the body that just spoke, unless another was named since outside what it said', async () => {
    const meta = [
      'In a blog post published on Wednesday, Meta’s local policy team said that it was wrong to say Facebook was stealing news content.',
      'Instead, the tech giant says it sent 2.3 billion links to publishers in 2023, worth $115 million in free distribution.',
    ].join(' ');
    const facebook = [
      'Traffic to Australian news sites fell by around 13% in a week, the analytics company Chartbeat found.',
      'The drop in traffic is a testament to the power of Facebook to drive readers to news outlets.',
      'Last year, the company said that about 5.1 billion free referrals to Australian news sites came from its platform.',
    ].join(' ');
    const claims = await claimsOf({ 'meta.txt': { text: meta }, 'facebook.txt': { text: facebook } });
    expect(speakerOf(claims, '2.3 billion links')).toBe('Meta');
    expect(speakerOf(claims, '5.1 billion free referrals')).toBe('Facebook');
  });

  it('a description the text ties to a name ("The UN refugee agency (UNHCR)") means that name later', async () => {
    const text = [
      'By Anadolu Agency',
      '',
      'The UN refugee agency (UNHCR) expressed strong opposition on Thursday to the UK plan to send 300 asylum seekers to Rwanda.',
      '',
      'The refugee agency urged the UK and Rwanda to re-think the plans, which would cost £120m in the first year.',
    ].join('\n');
    const claims = await claimsOf({ 'unhcr.txt': { text } });
    expect(speakerOf(claims, 're-think the plans')).toBe('UNHCR');
  });

  it('"the Tory spokesman" is the person speaking for the party, and "the station" the station named before', async () => {
    const tory = [
      'Shadow foreign secretary Michael Ancram told MPs a new White Paper had cost £2,500 to print.',
      'Mr Ancram condemned the document, which the Foreign Office says was sent to 20,000 homes.',
      'The Tory spokesman also criticised the government for claiming the EU constitution would make Europe easier to understand.',
    ].join(' ');
    const station = [
      'George Michael is to perform live at Abbey Road studios as part of a BBC Radio 2 special next month.',
      'The station also confirmed that Chris Tarrant will be hosting a two-hour New Year\'s Eve programme.',
    ].join(' ');
    const claims = await claimsOf({ 'tory.txt': { text: tory }, 'station.txt': { text: station } });
    expect(speakerOf(claims, 'EU constitution would make Europe')).toMatch(/Ancram/);
    expect(speakerOf(claims, 'Chris Tarrant will be hosting')).toMatch(/^BBC Radio/);
  });
});

describe("a party's statement republished under a lead", () => {
  const lead = 'In response to Australia’s proposed new Media Bargaining law, Facebook today announced that it will block 12 million users in Australia from sharing news. The proposed law will force platform providers like Google and Facebook to pay news publishers for using their content.';
  const statement = 'In fact, and as we have made clear to the Australian government for many months, the value exchange runs in favor of the publishers. Last year Facebook generated approximately 5.1 billion free referrals to Australian publishers worth an estimated AU$407 million.';

  it('the third-person lead is the republisher\'s; the author speaks from its first-person paragraph', async () => {
    const claims = await claimsOf({ 'easton.txt': { text: `${lead}\n\n${statement}`, manifest: '  kind: critique\n  title: "Facebook blocks news content in Australia (Facebook statement, reproduced)"\n' } });
    expect(speakerOf(claims, 'will force platform providers')).toBeNull();
    expect(speakerOf(claims, '5.1 billion free referrals')).toBe('Facebook');
  });

  it('an answer signed with its author\'s name alone on a line is theirs from there on', async () => {
    const text = [
      'Question to the Home Office:',
      '',
      'Answered by',
      'Tom Pursglove',
      '',
      'Funding for the Migration and Economic Development Partnership has been agreed as part of the Home Office settlement with HMT.',
      '',
      'The amount we anticipate paying is an initial investment of £120m as part of a new Economic Transformation and Integration Fund.',
    ].join('\n');
    const claims = await claimsOf({ 'answer.txt': { text, manifest: '  kind: press\n  title: "Rwanda: Asylum (written question asked 26 May 2022, answered 6 June 2022 by Tom Pursglove)"\n' } });
    expect(speakerOf(claims, 'Funding for the Migration')).toBe('Tom Pursglove');
  });
});

describe('a quotation run over paragraphs', () => {
  it('a paragraph opening a quotation, after the quoted speaker\'s paragraph and a caption, continues that speaker', async () => {
    const text = [
      '“Facebook was wrong. Facebook’s actions were unnecessary, they were heavy handed, and they will damage its reputation here in Australia,” Frydenberg said at an afternoon press conference.',
      '',
      'Frydenberg and Fletcher speaking at the press conference',
      '',
      '“Facebook had been, up to this point, engaged in constructive discussions with 12 Australian news media businesses.',
      '',
      '“Google was always a little bit in front, and the pace of that progress really picked up over the last 72 hours.”',
    ].join('\n');
    const claims = await claimsOf({ 'frydenberg.txt': { text } });
    expect(speakerOf(claims, 'engaged in constructive discussions')).toBe('Frydenberg');
    expect(speakerOf(claims, 'picked up over the last 72 hours')).toBe('Frydenberg');
  });
});
