/**
 * Entity precision on text nobody tuned the finder for (issue 22, "Who and what"), second round: page
 * furniture, common words, fragments and types. Every text is taken from the development texts (the
 * event pages in ../shared/eval/events).
 */
import { describe, expect, it } from 'vitest';
import { keptMentions } from '../stages/extract-entities/abstain.ts';
import { findMentions } from '../stages/extract-entities/mentions.ts';
import { parseSpan } from '../stages/parse/index.ts';

/** The mentions of a document, one sentence per line, as the extract-entities stage keeps them. */
function mentionsOf(text: string) {
  let at = 0;
  const mentions = text.split('\n').flatMap((line, index) => {
    const tokens = parseSpan(text, at, at + line.length);
    at += line.length + 1;
    return tokens.length === 0 ? [] : findMentions(text, index + 1, tokens);
  });
  return keptMentions(mentions, text);
}
const names = (text: string) => mentionsOf(text).map((mention) => mention.text);

describe('a head word alone that the document also writes in lower case is not a name', () => {
  it('drops "News" opening a headline and a sentence (news-axios-traffic-drop), keeps "Senate" (news-perthnow-google-senate-threat)', () => {
    const found = names(['News traffic in Australia drops after Facebook link-sharing ban', 'Total news traffic to Australian news sites within Australia fell by about 13% after Facebook began limiting link-sharing, per Chartbeat.'].join('\n'));
    expect(found).not.toContain('News');
    expect(names(['Google, Facebook: Senate inquiry kicks off into news bargaining code', 'Google has threatened the senate.'].join('\n'))).toContain('Senate');
  });
});

describe('a name nothing in the document types, made of dictionary words, is not kept', () => {
  it('drops "Chart" and "Traffic" of a page\'s furniture and first words (news-axios-traffic-drop)', () => {
    const text = [
      'Feb 19, 2021 - Technology',
      'News traffic in Australia drops after Facebook link-sharing ban',
      'Data: Chartbeat; Chart: Axios Visuals',
      "Traffic to Australian news sites within Australia from Facebook links plummeted following Facebook's decision to stop allowing users and publishers to share links on its platform Wednesday, according to data from Chartbeat.",
    ].join('\n');
    const found = names(text);
    expect(found).not.toContain('Chart');
    expect(found).not.toContain('Traffic');
    expect(found).toContain('Australia');
  });

  it('drops "Elimination" and "Inflation" opening a quoted list (news-wnem-ford-most-generous-offer)', () => {
    const found = names('“Pay increases. Elimination of tiers. Inflation protection. Five weeks of vacation, 17 paid holidays, bigger contributions for retirement.”');
    expect(found).not.toContain('Elimination');
    expect(found).not.toContain('Inflation');
  });

  it('keeps a coined name with no type in its document ("ByteDance")', () => {
    expect(names('One of the big companies linked to the CCP is ByteDance, owner of the popular application TikTok, which is also on the list of banned applications.')).toContain('ByteDance');
  });
});

describe('page furniture and titles', () => {
  it('keeps no photo credit glued by a slash (news-dailycaller-traffic, news-perthnow-google-senate-threat)', () => {
    const found = names(['News Outlets In Australia Struggle With Traffic After Facebook Ban', 'Brendon Thorne/Getty Images', 'Credit: News Corp Australia, NCA NewsWire/Gary Ramage'].join('\n'));
    expect(found.filter((name) => name.includes('/'))).toEqual([]);
  });

  it('splits "Managing Director" off as a title, and the place it is of stays a place (google-silva-senate-opening-statement)', () => {
    const mentions = mentionsOf('I am Mel Silva, Managing Director of Google Australia and New Zealand.');
    expect(mentions.map((mention) => mention.text)).not.toContain('Managing');
    const zealand = mentions.find((mention) => mention.text === 'New Zealand');
    expect(zealand?.place).toBe('New Zealand');
    expect(zealand?.evidence.person ?? 0).toBe(0);
  });
});
