/**
 * Who a claim's speaker is, as a careful reader would say: sources named after the clause, relayed
 * statements, appositives and datelines around the subject, and pronouns and descriptions resolved to
 * the person or body the text means (issue 22, "Who and what"). Sentences are from BBC News
 * (../shared/bench/bbc) and the event texts, or made-up general English of the same shape.
 */
import { describe, expect, it } from 'vitest';
import { findAttribution } from '../stages/extract-claims/attribution.ts';

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

  it('a common plural at the sentence start names no one', () => {
    expect(findAttribution('Ministers insisted on Friday that the scheme would save money in the longer term.')).toBeUndefined();
  });
});
