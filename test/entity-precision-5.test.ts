/**
 * Entity precision, fifth round (issue 22): where one name ends and the next begins around "of", "for"
 * and "and", military ranks, and a player's country beside a set's score. The sentences are from
 * ../shared/bench/bbc (the file each comes from is named in its test).
 */
import { describe, expect, it } from 'vitest';
import { hasManySenses } from '../stages/extract-entities/one-sense.ts';
import { keyOf } from '../stages/resolve-entities/cluster.ts';
import { isNamedEntity } from '../stages/resolve-entities/entity.ts';
import { lineMentions as mentionsOf, lineNames as names, lineStrongTypes as strongTypes } from './helpers.ts';


describe('a whole proper name ends before "of" and "for"', () => {
  it('splits a person or a place of two proper words from the body after it (business/287, business/350, business/504)', () => {
    expect(names('"People over 60 will make up over 30% of the population," explains Shigeo Morioka of the International Longevity Centre in Tokyo.')).toEqual(
      expect.arrayContaining(['Shigeo Morioka', 'International Longevity Centre']),
    );
    expect(names('"It\'s not going to take much," said Grant Wilson of Mellon Bank.')).toEqual(['Grant Wilson', 'Mellon Bank']);
    expect(names('About 100,000 people are expected to converge on the Brazilian resort of Porto Alegre for the World Social Forum.')).toEqual(
      expect.arrayContaining(['Porto Alegre', 'World Social Forum']),
    );
  });

  it('keeps names whose words before "of" are a head, common words or one word (politics/347, business/160)', () => {
    expect(names('The chairman of the Police Federation of England and Wales said it was essential.')).toContain('Police Federation of England and Wales');
    expect(names('The Royal Bank of Scotland rose.')).toEqual(['Royal Bank of Scotland']);
    expect(names('The Bank of England raised rates.')).toEqual(['Bank of England']);
    // A company's whole name, its head plural, before its country.
    expect(names('General Motors of the US is to pay Fiat $2bn.')).toEqual(['General Motors', 'US', 'Fiat']);
  });

  it('takes a military rank as a title (business/334, entertainment/141)', () => {
    const schnaible = mentionsOf('Lt Col Eric Schnaible of the PCO told the Associated Press news agency so.').find((mention) => mention.text === 'Eric Schnaible');
    expect(schnaible?.role).toBe('Lt Col');
    const miller = mentionsOf('Detective Inspector Paul Miller of Thames Valley Police said it appeared a man used a ladder.').find((mention) => mention.text === 'Paul Miller');
    expect(miller?.role).toBe('Detective Inspector');
  });
});

describe('where "and" joins two names, and where one', () => {
  it('opens a second name at a head word and its "of" after "and" (business/389)', () => {
    expect(names('The government has spoken of privatising Banque Misr, National Bank of Egypt, Banque du Caire and Bank of Alexandria.')).toEqual(
      expect.arrayContaining(['Banque du Caire', 'Bank of Alexandria']),
    );
    expect(names('The Department of Trade and Industry said so.')).toEqual(['Department of Trade and Industry']);
  });

  it('ends a name before a place alone after "and" (entertainment/038)', () => {
    expect(names('Nominees include Ziyi Zhang for House of Flying Daggers and UK star Kate Winslet.')).toEqual(
      expect.arrayContaining(['House of Flying Daggers', 'UK', 'Kate Winslet']),
    );
  });

  it('reads a plural common word after "and" as going on with the name (politics/046, politics/315)', () => {
    expect(names('Sir Philip Mawer will report to the Commons Standards and Privileges Committee, the group of MPs.')).toContain('Commons Standards and Privileges Committee');
    expect(names('The MPs who make up the Commons Work and Pensions Committee published a report.')).toContain('Commons Work and Pensions Committee');
    expect(names('Apple Computer and Cisco Systems agreed.')).toEqual(['Apple Computer', 'Cisco Systems']);
  });
});

describe('a set score beside a country after "of" is the player\'s, not a team\'s (sport/430)', () => {
  it('keeps the country a place', () => {
    const text = 'Daniela Hantuchova moved into the quarter-finals of the Dubai Open, after beating Elene Likhotseva of Russia 7-5 6-4.';
    expect(mentionsOf(text).find((mention) => mention.text === 'Russia')?.place).toBe('Russia');
    expect(strongTypes('Wigan 2-1 Millwall', 'Wigan')).toEqual([['organization']]);
  });
});

describe('two names joined are no one person', () => {
  it('gives no person to a name holding "&", "and" or "Vs" (entertainment/004, entertainment/379, business/177)', () => {
    expect(strongTypes('The TV couple coined the term "the Richard & Judy effect" in 2004.', 'Richard & Judy')).toEqual([[]]);
    expect(strongTypes('The most recent, Freddy Vs Jason, was released in summer 2003.', 'Freddy Vs Jason')).toEqual([[]]);
    expect(strongTypes('The market remains robust, according to mortgage lender Bradford & Bingley.', 'Bradford & Bingley').flat()).not.toContain('person');
    // A capital V is a numeral.
    expect(strongTypes('King George V died in 1936.', 'George V')).toEqual([['person']]);
  });

  it('ends a full name at "and" before a first name (sport/349)', () => {
    expect(names('Roland de Marigny and Luciano Orquera had a miserable time with the boot in the dire defeat to Scotland.')).toEqual(
      expect.arrayContaining(['Roland de Marigny', 'Luciano Orquera']),
    );
  });

  it('reads a title before a body\'s possessive name as no title (business/136)', () => {
    const text = "A resale could triple the price, according to the Economist Intelligence Unit's Mr Hensel.";
    expect(names(text)).toContain('Economist Intelligence Unit');
    expect(strongTypes(text, 'Economist Intelligence Unit')).toEqual([['organization']]);
  });
});

describe('the fifteenth draw: appositives headed by a title, adjectives, bodies the Internet opens', () => {
  it('reads a title heading an appositive as a person, and no title of the next clause (tech/350, business/297, politics/379)', () => {
    expect(strongTypes('Rich Templeton, the head of giant chip maker Texas Instruments, has given his backing to Voip.', 'Rich Templeton')).toEqual([['person']]);
    expect(strongTypes('"Shedding jobs makes total sense," Ivo Geijsen, an analyst with Bank Oyens & Van Eeghen, told Bloomberg.', 'Ivo Geijsen')).toEqual([['person']]);
    expect(strongTypes('Earlier, writing in the Daily Telegraph, the prime minister conceded that plans were "difficult".', 'Daily Telegraph')).toEqual([[]]);
    // A body's noun anywhere in it still makes a body.
    expect(strongTypes('Huawei, a Chinese telecommunication technology company, said so.', 'Huawei')).toEqual([['organization']]);
  });

  it('takes no kind from the noun after a word the dictionary knows only as an adjective (sport/066)', () => {
    expect(strongTypes("The team grabbed some last-gasp glory for the British men's Olympic squad after a poor start.", 'Olympic')).toEqual([[]]);
  });

  it('lets "Internet" open a body\'s name, with the name before it (tech/049)', () => {
    expect(names('But the UK Internet Forum (UKIF) is concerned that the system will let scammers create fake sites more easily.')).toContain('UK Internet Forum');
    expect(names('The net is run by the Internet Corporation for Assigned Names and Numbers.')).toEqual(['Internet Corporation for Assigned Names and Numbers']);
    expect(names('Internet Explorer is due for an update.')).not.toContain('Internet Explorer');
  });

  it('keeps a surname\'s particle after a title (business/272)', () => {
    const silva = mentionsOf('Investors were deeply suspicious of President da Silva, a former trade union leader.').find((mention) => mention.text === 'da Silva');
    expect(silva?.role).toBe('President');
  });

  it('ends one proper word before "of" and a country (sport/426)', () => {
    expect(names('American Kevin Kim defeated Jan Hernych of the Czech Republic 7-5 6-3.')).toContain('Czech Republic');
    expect(names('The Duke of York spoke.')).toEqual(['Duke of York']);
  });
});

describe("a body's listed fields, a portfolio after a demonym, a surname's particles", () => {
  it('keeps the fields a body lists after its head\'s "of" or "for" in its name (politics/242, tech/143)', () => {
    expect(names('Defra, the Department of the Environment, Food and Rural Affairs, said so.')).toContain('Department of the Environment, Food and Rural Affairs');
    expect(names('Richard Bowden, lecturer at the Centre for Vision, Speech and Signal Processing at the University of Surrey.')).toContain(
      'Centre for Vision, Speech and Signal Processing',
    );
    // Names listed, and fields after no body's head, stay apart.
    expect(names('The Bank of England, Barclays and HSBC agreed.')).toEqual(['Bank of England', 'Barclays', 'HSBC']);
    expect(names('Officials from the Department of Health, Treasury and Cabinet Office met.')).toContain('Department of Health');
    expect(names('The Edge of Reason, Wimbledon and Thunderbirds flopped.')).toEqual(['Edge of Reason', 'Wimbledon', 'Thunderbirds']);
    // Words glued where a space is missing are still no name.
    expect(names('Gartner,downloaded the Google toolbar.')).toEqual([]);
  });

  it('reads a demonym and a field before "Minister" as the portfolio, no body (entertainment/383)', () => {
    expect(names('French Culture Minister Renaud Donnedieu de Vabres said so.')).not.toContain('French Culture');
  });

  it('ends a name before the body after a possessive (tech/039)', () => {
    expect(names("Their use is monitored by the FBI's Internet Fraud Complaint Center.")).toEqual(['FBI', 'Internet Fraud Complaint Center']);
  });
});

describe('a surname alone makes no person entity, its particles aside', () => {
  it('leaves out "da Silva" and "Di Canio" as it leaves out "Pompeo", and keeps "Van Morrison" and "Lula da Silva" (business/272)', () => {
    expect(['da Silva', 'Di Canio', 'de Vabres', 'Pompeo'].map((name) => isNamedEntity({ name }, 'person'))).toEqual([false, false, false, false]);
    expect(['Van Morrison', 'Lula da Silva', 'Renaud Donnedieu de Vabres'].map((name) => isNamedEntity({ name }, 'person'))).toEqual([true, true, true]);
    expect(isNamedEntity({ name: 'De Beers' }, 'organization')).toBe(true);
  });
});

describe('hyphenated adjectives are no names', () => {
  it('drops a name with a participle and two peoples\' names joined, and keeps places and firms (business/111, business/117)', () => {
    expect(names('Under the restructuring plans, Patrick Cescau, the UK-based co-chairman, will become group chief executive.')).toEqual(['Patrick Cescau']);
    expect(names('The German-US carmaker saw fourth quarter operating profits fall.')).toEqual([]);
    expect(names('Asia-Pacific markets rose as T-Mobile gained.')).toEqual(['Asia-Pacific', 'T-Mobile']);
  });
});

describe('a last "Law" and "Limited"', () => {
  it('reads a first name and a last "Law" as no law, and "Limited" as a body\'s head (politics/393, tech/113)', () => {
    expect(strongTypes('Politicians such as David Lloyd George and Andrew Bonar Law.', 'Andrew Bonar Law').flat()).not.toContain('law');
    expect(strongTypes('Said John Wyver, from TV producer Illuminations Television Limited, which is also involved.', 'Illuminations Television Limited')).toEqual([['organization']]);
  });
});

describe("a town's name is a word of many senses (fifteenth and sixteenth draws)", () => {
  it('counts a town of 50,000 people or more as many-sensed, and a coined name as one', () => {
    expect(['Luton', 'Middlesbrough', 'Rochdale'].map(hasManySenses)).toEqual([true, true, true]);
    expect(['Gazprom', 'Yukos', 'TikTok'].map(hasManySenses)).toEqual([false, false, false]);
  });

  it("joins a town's name across articles only as its own article types it", () => {
    expect(keyOf('Luton', null, null, null, {})).toBe('untyped:luton');
    expect(keyOf('Luton', null, null, null, { organization: 3 })).toBe('name:luton#organization');
    expect(keyOf('Gazprom', null, null, null, {})).toBe('name:gazprom');
  });

  it('ends an appositive at a dash, and reads one after an opening phrase (politics/062, business/088)', () => {
    const text = 'In Rochdale, the Liberal Democrats - the mainstream party a 2004 ICM survey showed was benefiting most - secured second place.';
    expect(strongTypes(text, 'Rochdale')).toEqual([[]]);
    expect(strongTypes("For Metlife, the US's leading insurance company, the purchase gives it access.", 'Metlife')).toEqual([['organization']]);
    // A title after an opening phrase heads the clause.
    expect(strongTypes('In Rochdale, the chairman of the local party said so.', 'Rochdale').flat()).not.toContain('person');
  });

  it('reads initials after "and" as opening a second name (business/468)', () => {
    expect(names('It plans to split into AZ Fly and AZ Services, which will handle air and ground services.')).toEqual(['AZ Fly', 'AZ Services']);
  });
});

describe('a numbered name (sixteenth draw: "BBC Radio" of "BBC Radio 4")', () => {
  it('takes a small number after a radio or a channel into the name (politics/060, entertainment/142)', () => {
    expect(names('He made the comments on BBC Radio 4 and will re-iterate his stance.')).toEqual(['BBC Radio 4']);
    expect(strongTypes('Emily Eavis and BBC Radio 2 music editor Colin Martin spoke.', 'BBC Radio 2')).toEqual([['organization']]);
  });

  it('keeps the names of a tally, and a name before a number that counts the next word', () => {
    expect(names('The result was Labour 355, Conservatives 198 and the rest 90.')).toEqual(expect.arrayContaining(['Labour', 'Conservatives']));
    expect(names('He flew to London 12 months later.')).toEqual(['London']);
  });
});

describe('studios, labels and film companies (seventeenth draw)', () => {
  it('types a name a studio\'s or a label\'s head ends as a body, whatever its first name (entertainment/361)', () => {
    const text = "Brian Grazer presented the award to the film's backers, Roadside Attractions, Samuel Goldwyn Films and Showtime Independent Films.";
    expect(['Samuel Goldwyn Films', 'Showtime Independent Films'].map((name) => strongTypes(text, name))).toEqual([[['organization']], [['organization']]]);
  });
});

describe('a demonym before a player (seventeenth draw: "Italian Potito Starace" typed as a club)', () => {
  it('splits a demonym from two words no dictionary knows, and keeps a firm whose words it knows (sport/508)', () => {
    expect(names('Rafael Nadal also reached the last eight, beating Italian Potito Starace 6-1 6-3.')).toEqual(['Rafael Nadal', 'Italian', 'Potito Starace']);
    expect(strongTypes('Rafael Nadal also reached the last eight, beating Italian Potito Starace 6-1 6-3.', 'Potito Starace').flat()).not.toContain('organization');
    expect(names('British Airways and American Express said so.')).toEqual(['British Airways', 'American Express']);
  });
});

describe('"on the" after a head that takes a topic (seventeenth draw: "Information Society")', () => {
  it('keeps the topic in the name and types it by the head before "on" (tech/033, politics/040)', () => {
    const summit = 'Delegates met at the World Summit on the Information Society in Tunis.';
    expect(names(summit)).toContain('World Summit on the Information Society');
    expect(strongTypes(summit, 'World Summit on the Information Society')).toEqual([['event']]);
    expect(strongTypes('The ruling breaches the European Convention on Human Rights, lawyers said.', 'European Convention on Human Rights')).toEqual([['law']]);
    // A day after "on" is when, not the name's.
    expect(names('Ras Kwame on Wednesdays and Rob Da Bank on Thursdays.').some((name) => name.includes('Thursdays'))).toBe(false);
  });
});

describe('a list lends no person to a name of common words (seventeenth draw: "New Labour" a person)', () => {
  it('keeps "New Labour" untyped beside "Tony Blair", and still types a person the lexicon does not know (politics/290)', () => {
    expect(strongTypes('For him it is the side that is opposite New Labour and Tony Blair.', 'New Labour')).toEqual([[]]);
    expect(strongTypes('The cast includes Tony Blair and Lily Langtry.', 'Lily Langtry')).toEqual([['person']]);
  });
});
