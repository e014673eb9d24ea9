/**
 * Entity precision on text nobody tuned the finder for (issue 22, "Who and what"), second round: page
 * furniture, common words, fragments and types. Every text is taken from the development texts (the
 * event pages in ../shared/eval/events).
 */
import { describe, expect, it } from 'vitest';
import { lineMentions as mentionsOf, lineNames as names } from './helpers.ts';


describe('a one-word name nothing in the document types, a dictionary word it also writes in lower case, is not kept', () => {
  it('drops "Traffic" opening a sentence (news-axios-traffic-drop)', () => {
    const text = [
      'Data: Chartbeat; Chart: Axios Visuals',
      "Traffic to Australian news sites within Australia from Facebook links plummeted following Facebook's decision to stop allowing users and publishers to share links on its platform Wednesday, according to data from Chartbeat.",
      'Why it matters: Usually when Facebook\'s app goes down fully, news traffic will shift to other platforms.',
    ].join('\n');
    const found = names(text);
    expect(found).not.toContain('Traffic');
    expect(found).toContain('Australia');
    expect(found).toContain('Facebook');
  });

  it('drops "Families" of a headline (uaw-prosperity-video-release)', () => {
    const text = [
      '“Prosperity”: New Video Shows How the UAW Has Lifted Up Families Like Union President Shawn Fain’s and How Its Big Three Contract Demands Can Help Save the American Dream',
      'DETROIT – On Labor Day, the UAW released “Prosperity,” a new video linking the union’s fight for a strong Big Three contract to its history lifting millions of American families into the middle class. One of those families was UAW President Shawn Fain’s.',
    ].join('\n');
    const found = names(text);
    expect(found).not.toContain('Families');
    expect(found).toContain('Shawn Fain');
  });

  it('keeps a coined name with no type in its document ("ByteDance")', () => {
    expect(names('One of the big companies linked to the CCP is ByteDance, owner of the popular application TikTok, which is also on the list of banned applications.')).toContain('ByteDance');
  });

  it('keeps a one-word name the document never writes in lower case ("Labor", news-afr-meta-115m-2024)', () => {
    expect(names('That legislation is known as the News Media Bargaining Code and was introduced by the Coalition. Labor is considering using clauses in those laws to force Meta back to the negotiating table.')).toContain('Labor');
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
