/**
 * Entity extraction and resolution on text nobody tuned them for (issue 22, "Who and what"). Every
 * sentence is from the development texts (BBC News in ../shared/bench/bbc, the event pages in
 * ../shared/eval/events) or shaped like them.
 */
import { describe, expect, it } from 'vitest';
import { linkFullNames } from '../stages/extract-entities/full-names.ts';
import { findMentions } from '../stages/extract-entities/mentions.ts';
import { parseSpan } from '../stages/parse/index.ts';
import { resolveEntities } from '../stages/resolve-entities/entity.ts';

/** The mentions of a text, one sentence per line as the segmenter gives them. */
function mentionsOf(text: string) {
  let at = 0;
  return text.split('\n').flatMap((line, index) => {
    const tokens = parseSpan(text, at, at + line.length);
    at += line.length + 1;
    return tokens.length === 0 ? [] : findMentions(text, index + 1, tokens);
  });
}

/** Resolves the mentions of several documents together, as the corpus stage does. */
function entitiesOf(...documents: string[]) {
  const rows = documents.flatMap((text, index) =>
    linkFullNames(mentionsOf(text)).map((mention) => ({ id: `${index}:${String(mention.start).padStart(6, '0')}`, text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, fullName: mention.fullName ?? null, evidence: mention.evidence })),
  );
  return resolveEntities(rows).map(({ name, type, aliases }) => ({ name, type, aliases }));
}

const KAPLAN = 'But despite one near miss with the pack over the line - not checked on the TV replay by referee Jonathan Kaplan - England were unable to pull off a face-saving win.';

describe('a name stays inside its clause', () => {
  it('does not run across a dash between two clauses (BBC sport/405)', () => {
    const texts = mentionsOf(KAPLAN).map((mention) => mention.text);
    expect(texts).toContain('Jonathan Kaplan');
    expect(texts).toContain('England');
    expect(texts.filter((text) => /\s-\s/.test(text))).toEqual([]);
  });

  it('keeps a hyphenated name whole: "Sam Buckingham-Jones", "Rwanda-UK Migration and Economic Development Partnership"', () => {
    expect(mentionsOf('A report by Sam Buckingham-Jones was published.').map((mention) => mention.text)).toContain('Sam Buckingham-Jones');
    expect(mentionsOf('The Rwanda-UK Migration and Economic Development Partnership began.').map((mention) => mention.text)[0]).toMatch(/^Rwanda-UK Migration/);
  });
});

describe('a mention joins an entity only by rules that cannot pull a family into a wrong name', () => {
  it('"England" stays England beside "Jonathan Kaplan"', () => {
    const entities = entitiesOf(KAPLAN, 'England are still to meet Italy at Twickenham, in what is now a wooden spoon decider, and Scotland.', 'Kaplan has vigorously defended his performance.');
    expect(entities.find((entity) => entity.name === 'England')).toMatchObject({ type: 'place' });
    expect(entities.find((entity) => entity.name === 'Jonathan Kaplan')?.aliases).not.toContain('England');
  });

  it('a bracketed country after a player is no acronym: "(US)" does not join the players named with it', () => {
    const entities = entitiesOf('Andy Roddick (US) beat Vincent Spadea (US) 6-2 6-4.', 'Lindsay Davenport (US) lost to Serena Williams (US).');
    for (const name of ['Andy Roddick', 'Vincent Spadea', 'Lindsay Davenport', 'Serena Williams']) expect(entities.find((entity) => entity.name === name)?.aliases ?? []).toEqual([]);
  });

  it('"Ford" the company does not join the person "Bill Ford"; "News" does not join "News Corp"', () => {
    const entities = entitiesOf('Ford executive chair Bill Ford spoke to reporters.', 'Ford on Oct. 3 offered the UAW raises totaling 23 percent, the company said.', 'Google signed an agreement with News Corp. News makes up less than 4% of the content.');
    expect(entities.find((entity) => entity.name === 'Bill Ford')?.aliases).toEqual([]);
    expect(entities.find((entity) => entity.name === 'News Corp')?.aliases ?? []).not.toContain('News');
  });

  it('"Tories" does not join "Senior Tories", nor "Roddick" "American Andy Roddick" over another "Andy Roddick"', () => {
    const entities = entitiesOf('Senior Tories said the plan would fail.', 'The Tories said the plan would fail.');
    expect(entities.find((entity) => entity.name === 'Senior Tories')?.aliases ?? []).not.toContain('Tories');
  });
});

describe('place names from the gazetteer', () => {
  it('"People\'s Republic of China" is China, not Taiwan', () => {
    const mention = mentionsOf("Huawei is a company of the People's Republic of China.").find((candidate) => candidate.text.includes('Republic'));
    expect(mention).toMatchObject({ text: "People's Republic of China", place: 'China' });
  });
});

describe('headings and titles', () => {
  it('a heading line is not a name; the name inside it stays', () => {
    const texts = mentionsOf('Latest Remarks on Huawei\nHuawei said it would appeal.').map((mention) => mention.text);
    expect(texts).not.toContain('Latest Remarks on Huawei');
    expect(texts.filter((text) => text === 'Huawei')).toHaveLength(2);
    expect(mentionsOf('Bills\nSecond Reading\nThe bill passed.').map((mention) => mention.text)).toEqual([]);
  });

  it('splits titles from names: "U.S. Undersecretary of State Keith Krach", "Treasurer Josh Frydenberg", "Ford COO Kumar Galhotra"', () => {
    const people = (text: string) => mentionsOf(text).filter((mention) => mention.role).map((mention) => [mention.text, mention.role]);
    expect(people('U.S. Undersecretary of State Keith Krach visited Brazil.')).toEqual([['Keith Krach', 'U.S. Undersecretary of State']]);
    expect(people('Treasurer Josh Frydenberg said so.')).toEqual([['Josh Frydenberg', 'Treasurer']]);
    expect(people('Ford COO Kumar Galhotra told reporters.')).toEqual([['Kumar Galhotra', expect.stringMatching(/^COO/)]]);
    expect(people('Foreign Ministry Spokesperson Hua Chunying said so.')).toEqual([['Hua Chunying', 'Spokesperson of Foreign Ministry']]);
  });

  it('a title with no name after it is not an entity: "Communications Minister", "Big Three CEOs"', () => {
    const texts = mentionsOf('The Communications Minister said that Big Three CEOs saw their pay spike.').map((mention) => mention.text);
    expect(texts).toEqual([]);
  });

  it('"I’m" and "We’re" are not names', () => {
    expect(mentionsOf('I’m joined by Lucinda Longcroft, and We’re proud.').map((mention) => mention.text)).toEqual(['Lucinda Longcroft']);
  });
});

describe('a surname joins its full name', () => {
  it('"Kaplan" joins "Jonathan Kaplan"', () => {
    const entities = entitiesOf('The referee Jonathan Kaplan sent him off.\nKaplan said the tackle was dangerous.');
    expect(entities.find((entity) => entity.name === 'Jonathan Kaplan')).toMatchObject({ type: 'person', aliases: ['Kaplan'] });
  });
});
