/**
 * Entities are made only where the text says what a name is, and a surname alone joins a full name
 * only within its own article (issue 22: precision on text nobody tuned for).
 */
import { describe, expect, it } from 'vitest';
import { linkFullNames } from '../stages/extract-entities/full-names.ts';
import { findMentions, type EntityMention } from '../stages/extract-entities/mentions.ts';
import { parseSpan } from '../stages/parse/index.ts';
import type { MentionRow } from '../stages/resolve-entities/cluster.ts';
import { resolveEntities } from '../stages/resolve-entities/entity.ts';
import { segmentText } from '../stages/segment/index.ts';

/** The mentions of one article, as extract-entities leaves them. */
function articleMentions(text: string): EntityMention[] {
  return linkFullNames(segmentText(text).sentences.flatMap((sentence, index) => findMentions(text, index + 1, parseSpan(text, sentence.start, sentence.end))));
}

/** The entities of several articles resolved together. */
function entitiesOf(...articles: string[]) {
  const rows: MentionRow[] = articles.flatMap((text, doc) =>
    articleMentions(text).map((mention) => ({ id: `d${doc}:${String(mention.start).padStart(5, '0')}`, text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, fullName: mention.fullName ?? null, evidence: mention.evidence })),
  );
  return resolveEntities(rows).map(({ name, type, aliases, mentionCount }) => ({ name, type, aliases, mentionCount }));
}

describe('a surname alone within its article', () => {
  it('stands for the one full name the article gives, first name or surname ("Hua" / "Hua Chunying")', () => {
    const mentions = articleMentions('Foreign Ministry spokeswoman Hua Chunying spoke on Monday. Hua said the move was unfair.');
    expect(mentions.find((mention) => mention.text === 'Hua')?.fullName).toBe('Hua Chunying');
  });

  it('joins the full name of its own article, not a namesake in another ("Blair")', () => {
    const entities = entitiesOf(
      'Prime Minister Tony Blair has defended the plan. Mr Blair said it would work.',
      'Cherie Blair, a lawyer, gave a lecture in Malaysia. Mrs Blair was paid for the talk.',
    );
    expect(entities).toEqual(
      expect.arrayContaining([
        { name: 'Tony Blair', type: 'person', aliases: ['Blair'], mentionCount: 2 },
        { name: 'Cherie Blair', type: 'person', aliases: ['Blair'], mentionCount: 2 },
      ]),
    );
    expect(entities.find((entity) => entity.name === 'Blair')).toBeUndefined();
  });

  it('joins nothing when the article has two full names with that word', () => {
    const mentions = articleMentions('Captain Ashia Hansen won the title. Coach Steve Hansen watched. Hansen was delighted.');
    expect(mentions.find((mention) => mention.text === 'Hansen')?.fullName).toBeUndefined();
  });
});

describe('names the text does not type', () => {
  it('make no entity: a verb after a name is not evidence enough ("Chelsea said", "the Tories claim")', () => {
    const entities = entitiesOf('Chelsea said they would appeal against the fine.', 'The Tories claim the figures are wrong.');
    expect(entities.map((entity) => entity.name)).toEqual([]);
  });

  it('a surname nobody names in full makes no entity across articles ("Duff" of two teams)', () => {
    const entities = entitiesOf('Duff scored twice for Chelsea.', 'Duff was booked in the second half.');
    expect(entities.find((entity) => entity.name === 'Duff')).toBeUndefined();
  });

  it('are typed by a title in lower case, an appositive or a list ("executive chair Bill Ford", "Huawei, a Chinese company")', () => {
    const entities = entitiesOf('Ford executive chair Bill Ford spoke to reporters.', 'Huawei, a Chinese company, denied it.', 'Carriers such as Vodafone and Telefonica agreed.');
    expect(entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Bill Ford', type: 'person' }),
        expect.objectContaining({ name: 'Huawei', type: 'organization' }),
        expect.objectContaining({ name: 'Vodafone', type: 'organization' }),
      ]),
    );
  });

  it('a kind noun types a name only within its phrase ("firms, including X"; not "the Clean Network,” Pompeo said")', () => {
    expect(articleMentions('“Apps like TikTok, WeChat, and others are threats,” he said.').find((mention) => mention.text === 'WeChat')?.evidence.organization).toBeGreaterThanOrEqual(3);
    expect(articleMentions('Investors include technology firms, including Tencent.').find((mention) => mention.text === 'Tencent')?.evidence.organization).toBeGreaterThanOrEqual(3);
    expect(articleMentions('“We call on all nations to join the Clean Network,” Pompeo said.').find((mention) => mention.text === 'Pompeo')?.evidence.organization).toBeUndefined();
  });

  it('"World War I" is an event, "Anytime I" nothing', () => {
    expect(articleMentions('He served in World War I.').find((mention) => mention.text === 'World War I')?.evidence.event).toBeGreaterThanOrEqual(3);
    expect(articleMentions('Anytime I go there, it rains.').some((mention) => (mention.evidence.event ?? 0) > 0)).toBe(false);
  });

  it('a head word alone is a common noun, not a name ("the Government", "the Bill")', () => {
    const entities = entitiesOf('The Government said the Bill would pass.');
    expect(entities.map((entity) => entity.name)).toEqual([]);
  });
});

describe('two full names with one surname', () => {
  it('are one person when a first name is the other\'s short form, or its initial in the same article, and two people otherwise', () => {
    const entities = entitiesOf(
      'Captain Gethin Jenkins started, and captain G Jenkins scored. Secretary of State Mike Pompeo spoke.',
      'In the side was captain G Jenkins. Secretary of State Michael Pompeo spoke.',
      'Ulster scrum-half Kieran Campbell scored.',
      'Record boss Kevin Campbell signed the band.',
    );
    const names = (name: string) => entities.find((entity) => entity.name === name || entity.aliases.includes(name));
    // "G Jenkins" of another team sheet may be another player.
    expect(names('G Jenkins')).toMatchObject({ name: 'Gethin Jenkins', mentionCount: 2 });
    expect(names('Mike Pompeo')?.name).toBe(names('Michael Pompeo')?.name);
    expect(names('Kieran Campbell')).not.toBe(names('Kevin Campbell'));
    expect(names('Kieran Campbell')?.aliases).toEqual([]);
  });
});

describe('what a name is made of', () => {
  it('a building or a park is a place ("Windsor Castle", "Victoria Park"), an honour is not part of a name, an office alone is no name', () => {
    const texts = (sentence: string) => articleMentions(sentence).map((mention) => [mention.text, mention.place !== undefined || (mention.evidence.place ?? 0) >= 3]);
    expect(texts('The Queen returned to Windsor Castle.')).toContainEqual(['Windsor Castle', true]);
    expect(texts('The match at Victoria Park was delayed.')).toContainEqual(['Victoria Park', true]);
    expect(articleMentions('The chairman, William Haughey OBE, said so.').map((mention) => mention.text)).toContain('William Haughey');
    expect(articleMentions('The Secretary of State for the Home Department signed the order.').map((mention) => mention.text)).toEqual([]);
  });
});

describe('lists and joins', () => {
  it('"Apple Computer and Cisco Systems" are two names; "Belt and Road Initiative" is one', () => {
    expect(articleMentions('Investors included Apple Computer and Cisco Systems.').map((mention) => mention.text)).toEqual(['Apple Computer', 'Cisco Systems']);
    expect(articleMentions('The Australian Competition and Consumer Commission agreed.').map((mention) => mention.text)).toContain('Australian Competition and Consumer Commission');
    expect(articleMentions('Italy joined the Belt and Road Initiative.').map((mention) => mention.text)).toContain('Belt and Road Initiative');
  });

  it('hints do not add up across a team sheet, and "IRA" is not a country', () => {
    const sheet = articleMentions('Replacements: R McBryde (Llanelli), J Yapp (Cardiff), J Thomas (Neath-Swansea), G Cooper (Newport-Gwent).');
    const players = sheet.filter((mention) => /^\p{Lu} /u.test(mention.text));
    expect(players.map((mention) => mention.text)).toEqual(['R McBryde', 'J Yapp', 'J Thomas', 'G Cooper']);
    for (const mention of players) expect(mention.evidence.place ?? 0, mention.text).toBeLessThan(3);
    expect(articleMentions('The IRA said it would disarm.').find((mention) => mention.text === 'IRA')?.place).toBeUndefined();
  });
});

describe('where a name ends', () => {
  it('a person\'s name ends before "of" or "for"; a second headed name after "and" is a name of its own', () => {
    expect(articleMentions('The director award went to Clint Eastwood for Million Dollar Baby.').map((mention) => mention.text)).toContain('Clint Eastwood');
    expect(articleMentions('She opens against Eleni Daniilidou of Greece.').map((mention) => mention.text)).toContain('Eleni Daniilidou');
    expect(articleMentions('Nigerian banks United Bank of Africa and Standard Trust Bank have agreed to merge.').map((mention) => mention.text)).toEqual(
      expect.arrayContaining(['United Bank of Africa', 'Standard Trust Bank']),
    );
    expect(articleMentions('Former England footballer Paul Gascoigne will dance.').map((mention) => mention.text)).toEqual(expect.arrayContaining(['England', 'Paul Gascoigne']));
    expect(articleMentions('The French co-head of aerospace group EADS Philippe Camus is to leave.').map((mention) => mention.text)).toEqual(expect.arrayContaining(['EADS', 'Philippe Camus']));
    expect(articleMentions('He predicted a second Oscar for Hilary Swank.').map((mention) => mention.text)).toContain('Hilary Swank');
    expect(articleMentions('The group includes Liberal Democrat Paul Tyler.').map((mention) => [mention.text, mention.role])).toContainEqual(['Paul Tyler', 'Liberal Democrat']);
    expect(articleMentions('The Academy of Motion Picture Arts and Sciences voted.').map((mention) => mention.text)).toContain('Academy of Motion Picture Arts and Sciences');
  });
});

describe('more names', () => {
  it('an initial joins the one full name of its article it fits, none when several fit, and none in another article', () => {
    const entities = entitiesOf(
      'Singer Robbie Williams and actor Robin Williams watched as the side, with R Williams at full-back and captain G Cooper, lost. Coach Gareth Cooper spoke.',
      'In the other match R Williams scored.',
    );
    const holder = (alias: string) => entities.find((entity) => entity.aliases.includes(alias));
    expect(holder('R Williams')).toBeUndefined();
    expect(holder('G Cooper')?.name).toBe('Gareth Cooper');
    expect(entities.map((entity) => entity.name)).not.toContain('R Williams');
  });

  it('a prize, a school and the plural of a common acronym are not people; "Republican" is not a country', () => {
    const entities = entitiesOf('Bloom is to be presented with the Hans Christian Andersen Award.', 'The couple visited the Hans Christian Andersen School.');
    // A prize is a thing given (type other): it makes no entity.
    expect(entities.map((entity) => [entity.name, entity.type])).toEqual([['Hans Christian Andersen School', 'organization']]);
    expect(articleMentions('Sales of PCs rose.').map((mention) => mention.text)).toEqual([]);
    expect(articleMentions('The Republicans hold a majority.').find((mention) => mention.text === 'Republicans')?.place).toBeUndefined();
  });

  it('a bracket ends a name, and "MP" after a name is not part of it', () => {
    expect(articleMentions('"It would be a reminder to Mike [Ruddock] as to what they can do."').map((mention) => mention.text)).not.toContain('Mike [Ruddock');
    expect(articleMentions('Paul Boateng MP, Labour\'s Chief Secretary to the Treasury, spoke.').map((mention) => mention.text)).toContain('Paul Boateng');
  });
});

describe('a titled surname across articles', () => {
  it('joins the full name holding that title, and an honorific is no title', () => {
    const entities = entitiesOf('Wales coach Steve Hansen named his side.', 'Coach Hansen praised the pack.', 'Mr Hansen was unavailable for comment.');
    const hansen = entities.find((entity) => entity.name === 'Steve Hansen');
    expect(hansen).toMatchObject({ aliases: ['Hansen'], mentionCount: 2 });
  });
});

describe('offices', () => {
  it('"Home Secretary" is a title whole: "U.K. Home Secretary Priti Patel" names the UK and Priti Patel', () => {
    const mentions = articleMentions('U.K. Home Secretary Priti Patel signed the deal.');
    expect(mentions.map((mention) => [mention.text, mention.role ?? null])).toEqual([
      ['U.K.', null],
      ['Priti Patel', 'U.K. Home Secretary'],
    ]);
  });
});

describe('titles, parts of places and shared acronyms', () => {
  it('"Mr Justice Collins" is Collins with the title Mr Justice, and "Mr" is no organisation', () => {
    expect(articleMentions('The case was heard by Mr Justice Collins.').map((mention) => [mention.text, mention.role ?? null])).toEqual([['Collins', 'Mr Justice']]);
  });

  it('"West Africa" is a place; a numeral after a product\'s name is no event', () => {
    expect(articleMentions('Exports to West Africa rose.').find((mention) => mention.text === 'West Africa')?.evidence.place).toBeGreaterThanOrEqual(3);
    expect(articleMentions('The Hartz IV reforms cut benefits.').find((mention) => mention.text === 'Hartz IV')?.evidence.event).toBeUndefined();
  });

  it('an acronym two names define joins neither', () => {
    const entities = entitiesOf(
      'The Crown Prosecution Service (CPS) dropped the case.',
      'Users of the Carrier Pre-Section (CPS) service can choose another company.',
      'The CPS said the evidence was weak.',
    );
    const crown = entities.find((entity) => entity.name === 'Crown Prosecution Service');
    expect(crown?.aliases ?? []).not.toContain('CPS');
    expect(entities.find((entity) => entity.name === 'Carrier Pre-Section')?.aliases ?? []).not.toContain('CPS');
  });
});

describe('a surname in an article that gives only its office', () => {
  it('is the office holder: "US Secretary of State Pompeo announced …" then "Pompeo said …"', () => {
    const entities = entitiesOf('Secretary of State Michael Pompeo spoke.', 'US Secretary of State Pompeo announced the plan.\nPompeo said more countries had joined.');
    expect(entities.find((entity) => entity.name === 'Michael Pompeo')).toMatchObject({ aliases: ['Pompeo'], mentionCount: 3 });
  });
});

describe('adjectives and common nouns before titles', () => {
  it('a continent\'s demonym is no mention of it; a head word alone before a title is no name', () => {
    expect(articleMentions('Rwanda is an east African nation.').map((mention) => mention.text)).toEqual(['Rwanda']);
    expect(articleMentions('Brazilian firms agreed.').find((mention) => mention.text === 'Brazilian')?.place).toBe('Brazil');
    expect(articleMentions('It builds at General Motors\' Arlington Assembly plant.').map((mention) => mention.text)).toEqual(['General Motors', 'Arlington Assembly']);
    expect(articleMentions('Plants in North American markets grew.').some((mention) => (mention.evidence.place ?? 0) >= 3)).toBe(false);
    expect(articleMentions('Kenyan Bernard Lagat won the race.').map((mention) => [mention.text, mention.place ?? null])).toEqual([['Kenyan', 'Kenya'], ['Bernard Lagat', null]]);
    expect(articleMentions('The Rt Rev Michael Scott-Joynt spoke.').map((mention) => [mention.text, mention.role ?? null])).toEqual([['Michael Scott-Joynt', 'Rt Rev']]);
    expect(articleMentions('Union President Shawn Fain spoke.').map((mention) => [mention.text, mention.role ?? null])).toEqual([['Shawn Fain', 'President of Union']]);
  });
});
