/**
 * Entity precision, fourth round (issue 22): works, venues, numbered names and places used as
 * adjectives, which the earlier rules typed as people or bodies. The sentences are from
 * ../shared/bench/bbc (the file each comes from is named in its test).
 */
import { describe, expect, it } from 'vitest';
import { STRONG_VOTE } from '../stages/extract-entities/vocabulary.ts';
import { lineMentions as mentionsOf, lineNames as names, lineStrongTypes as strongTypes } from './helpers.ts';


describe('a work or a product is no person, body or place', () => {
  it('takes a work noun right before a name, in apposition too, and keeps it through the article (entertainment/264)', () => {
    const text = [
      "Charles' last album, Genius Loves Company, a collection of duets that has sold more than two million copies, was named album of the year.",
      'Charles won eight Grammy Awards, including album of the year for Genius Loves Company.',
    ].join('\n');
    expect(strongTypes(text, 'Genius Loves Company')).toEqual([['other'], ['other']]);
  });

  it('types every member of a list that a plural work noun opens (business/143, tech/170)', () => {
    const brands = 'Growth was helped by its confectionery brands - including Cadbury, Trident and Halls - which enjoyed a successful year.';
    expect(['Cadbury', 'Trident', 'Halls'].map((name) => strongTypes(brands, name))).toEqual([[['other']], [['other']], [['other']]]);
  });

  it('reads no work where the noun only stands near the name (sport/150, entertainment/292, sport)', () => {
    expect(strongTypes('Another superb game as Nadal breaks to once again lift the roof.', 'Nadal')).toEqual([[]]);
    expect(strongTypes('Kombou plays Vince Everett in Jailhouse Rock - the same role Presley played.', 'Vince Everett')).toEqual([['person']]);
    // A clause's subject after the noun: "the film Tom Cruise made".
    expect(strongTypes('It was the best film Tom Cruise made that year.', 'Tom Cruise')).toEqual([['person']]);
  });

  it('keeps a person before the work named after them ("the Robbie Williams album")', () => {
    expect(strongTypes('Fans queued for the new Robbie Williams album on Monday.', 'Robbie Williams')).toEqual([['person']]);
  });

  it('makes no initiative of a broadcast programme (politics/381, business/133)', () => {
    expect(strongTypes("The Mori survey of 2,000 adults for BBC One's Countryfile programme suggests so.", 'Countryfile')).toEqual([[]]);
    expect(strongTypes('"The prime minister has given instructions," he told the BBC\'s Network Africa programme.', 'Network Africa')).toEqual([[]]);
  });
});

describe('a venue named where something happens says nothing of its type', () => {
  it('does not type a centre, a house or an academy after "at" or "in" (sport/474, entertainment/012, entertainment/238)', () => {
    expect(strongTypes('Zvonareva has lost both her games so far, having crashed to Kuznetsova in the Staples Centre on Wednesday.', 'Staples Centre')).toEqual([[]]);
    expect(strongTypes("Speaking before the event at New York's SoHo House, Mr Neeson said so.", 'SoHo House')).toEqual([[]]);
    expect(strongTypes('Portishead will play at the Bristol Academy on 19 February.', 'Bristol Academy')).toEqual([[]]);
  });

  it('takes a club after "at" for a venue, but an employer after a title and "at" (politics/301)', () => {
    expect(strongTypes('Speaking at the Commonwealth Club, Mr Kennedy said it was critical.', 'Commonwealth Club')).toEqual([[]]);
    expect(strongTypes('"It is ambitious," said John Palmer, political director at the European Policy Centre.', 'European Policy Centre')).toEqual([['organization']]);
  });

  it('still types the body of such a name elsewhere, and a name joined by "of" ("the House of Commons")', () => {
    expect(strongTypes('MPs in the House of Commons voted.', 'House of Commons')).toEqual([['organization']]);
    expect(strongTypes('The Bristol Academy said it had sold out.', 'Bristol Academy')).toEqual([['organization']]);
  });
});

describe('a name cut from a longer numbered name is not kept', () => {
  it('drops "BBC Radio" of "BBC Radio 4" and "RBS" of "RBS 6 Nations" (business, sport)', () => {
    expect(names("It was the second or third lead item on BBC Radio 4's Today programme.")).toEqual([]);
    expect(names("Williams could be fit for Saturday's RBS 6 Nations championship opener.").filter((name) => /RBS|Nations/.test(name))).toEqual([]);
  });

  it('keeps a name before a count of the next word (sport/009, business/052)', () => {
    expect(names('The Bedford star returned to London 12 months later.')).toContain('London');
    expect(names('The unit was acquired by American Express 20 years ago.')).toContain('American Express');
  });
});

describe('a place used as an adjective is no organisation', () => {
  it('does not make a team of a country after a range of troops (politics)', () => {
    const text = 'A company of 100-120 UK troops is understood to have been put on standby.';
    expect(strongTypes(text, 'UK')).toEqual([['place']]);
  });

  it('does not make a firm of a demonym or a state before "company" (business/011, business/005)', () => {
    const organisations = (text: string) => mentionsOf(text).filter((mention) => (mention.evidence.organization ?? 0) >= STRONG_VOTE).map((mention) => mention.text);
    expect(organisations('Mr Chavez is an ardent promoter of the concept of a South American oil company.')).toEqual([]);
    expect(strongTypes('The Florida company said it would appeal.', 'Florida')).toEqual([[]]);
  });

  it('still makes a club of a town before its people ("Liverpool striker")', () => {
    expect(strongTypes('Liverpool striker Milan Baros scored twice.', 'Liverpool')).toEqual([['organization']]);
  });
});

describe('a score or a team noun beside a name makes a team only where it can be one', () => {
  it('makes no team of a player beside a set score, nor across a comma (sport/474, sport/426)', () => {
    expect(strongTypes('Zvonareva has lost both her games so far, having crashed 6-2 6-4 Kuznetsova on Wednesday.', 'Kuznetsova')).toEqual([[]]);
    const text = 'Kim defeated Hernych 7-5 6-3, Canadian qualifier Frank Dancevic downed Jeff Morrison.';
    expect(strongTypes(text, 'Canadian')).toEqual([['place']]);
  });

  it('still makes teams of names beside a match score, and of a common word beside a set score', () => {
    expect(strongTypes('Wigan 2-1 Millwall', 'Wigan')).toEqual([['organization']]);
    expect(strongTypes('Arsenal 6-2 Everton', 'Arsenal')).toEqual([['organization']]);
  });

  it('makes no team of a demonym before "squad": the country\'s side or one of its clubs (sport/194)', () => {
    expect(strongTypes('Lehmann is understudy to Oliver Kahn in the German squad, but has lost his place.', 'German')).toEqual([[]]);
  });
});

describe('a list gives no kind to a member its own phrase has typed', () => {
  it('leaves "British Comedy" of "British Comedy awards" untyped in a list of bodies (entertainment/212)', () => {
    const text = 'Lucas and Walliams won numerous awards, including National Television, Royal Television Society and British Comedy awards.';
    expect(strongTypes(text, 'British Comedy')).toEqual([[]]);
    expect(strongTypes(text, 'Royal Television Society')).toEqual([['organization']]);
  });
});

describe("a minister's portfolio is no organisation, in the plural too", () => {
  it('keeps "Fisheries" of "Fisheries Minister Ross Finnie" in the title (politics)', () => {
    const mentions = mentionsOf('They will also talk to Fisheries Minister Ross Finnie and scientists.');
    expect(mentions.map((mention) => mention.text)).toEqual(['Ross Finnie']);
    expect(mentions[0]!.role).toBe('Minister of Fisheries');
  });
});

describe('a name cut from a title-case title is not kept', () => {
  it('drops the tail of a name that a capitalised function word opens mid-sentence (tech/096, entertainment)', () => {
    expect(names("The state's Consumer Protection Against Spyware Act bans the installation of such software.")).toEqual([]);
    expect(names('The shortlist includes Andrew Taylor\'s The American Boy and other novels.')).toEqual(['Andrew Taylor']);
  });

  it('keeps a name after a function word that opens a sentence or follows a lower-case word', () => {
    expect(names('The BBC should stay independent, he said.')).toContain('BBC');
    expect(names('Protesters marched On Whitehall in the rain.')).toContain('Whitehall');
  });
});

describe('titles and honorifics belong to no organisation', () => {
  it('reads "Director General" as one title, and a lone archbishop\'s title as no person (business/290, politics/405)', () => {
    expect(names('"The decision is correct," said David Frost, Director General of the British Chambers of Commerce (BCC).').filter((name) => /Director|General/.test(name))).toEqual([]);
    expect(names('The Roman Catholic Archbishop of Cardiff, the Most Reverend Peter Smith, spoke.')).toEqual(['Cardiff', 'Peter Smith']);
  });

  it('makes no organisation of a common noun before "Sir" (entertainment/178)', () => {
    const [branson, ...rest] = mentionsOf("Entrepreneur Sir Richard Branson's US TV show is proving a flop.");
    expect(branson!.text).toBe('Richard Branson');
    expect(branson!.role).toBe('Sir');
    expect(rest.map((mention) => mention.text)).toEqual(['US']);
  });

  it('keeps "General Motors Europe" whole: no title opens a firm\'s name (business/467)', () => {
    expect(names('The fourth-quarter losses at General Motors Europe totalled $345m.')).toEqual(['General Motors Europe']);
  });

  it('types a laboratory as an organisation, whatever its first name (tech/103)', () => {
    expect(strongTypes('Intel and Lawrence Livermore National Laboratories in the US have decided to ban camera phones.', 'Lawrence Livermore National Laboratories')).toEqual([['organization']]);
  });
});

describe('a surname or initials are not a place or a person by their letters alone', () => {
  it('does not read the surname "Dominici" as a demonym of Dominica (sport)', () => {
    expect(mentionsOf('Dominici scored twice for France.').find((mention) => mention.text === 'Dominici')?.place).toBeUndefined();
    expect(mentionsOf('Iraqi officials said so.').find((mention) => mention.text === 'Iraqi')?.place).toBe('Iraq');
  });

  it('does not read "MC" as the initials of the article\'s one person "Maria Cruz" (entertainment/314)', () => {
    const text = 'The first televised ceremony was in 1953, with Bob Hope as the MC.\nShe was later revealed to be Native American actress Maria Cruz.';
    expect(mentionsOf(text).find((mention) => mention.text === 'Maria Cruz')?.acronym).toBeUndefined();
  });
});

describe('the twelfth draw: heads, honorifics, leagues and title-case names', () => {
  it('takes the head before "of" or "for" where there is one, else the last word (tech/006, politics)', () => {
    const project = 'The Agricultural Information Project for Farmers of the Chancay-Huaral Valley also provides vital links.';
    expect(strongTypes(project, 'Agricultural Information Project for Farmers of the Chancay-Huaral Valley')).toEqual([['initiative']]);
    expect(strongTypes('Requests under the Freedom of Information Act rose.', 'Freedom of Information Act')).toEqual([['law']]);
  });

  it('keeps "Dame" out of the name and a unit or a league whole (entertainment, business/136, sport/205)', () => {
    expect(names('Ms Stone is a friend of Dame Judi Dench.')).toContain('Judi Dench');
    expect(names('It was said by Stuart Hensel of the Economist Intelligence Unit.')).toContain('Economist Intelligence Unit');
    expect(names('Newcastle United face a trip to Ryman Premier League leaders Yeading.')).toContain('Ryman Premier League');
  });

  it('drops a name cut after a plural possessive, not a person named after one (politics/289, entertainment)', () => {
    expect(names("He was a tutor for the Workers' Educational Association.").filter((name) => /Association/.test(name))).toEqual([]);
    expect(names("It was said by Sky Networks' Sophie Turner Laing today.")).toContain('Sophie Turner Laing');
  });

  it('types the members of a list of brands that "include" opens (business/369)', () => {
    expect(strongTypes('Inbev brands include Bass, Stella Artois, Hoegaarden and Staropramen.', 'Stella Artois')).toEqual([['other']]);
  });

  it('knows the West Bank and Gaza as places, and "South American" as no United States (business/076, business/011)', () => {
    const gaza = mentionsOf('"Closures are a key factor," said Nigel Roberts, World Bank country director for the West Bank and Gaza.');
    expect(gaza.filter((mention) => mention.place).map((mention) => mention.place)).toEqual(['West Bank', 'Gaza']);
    expect(names('Chavez promotes the concept of a South American oil company.')).toEqual(['Chavez']);
  });
});

describe('a kind a noun beside a name says once holds through the article', () => {
  it('makes a company of "Eli Lilly" wherever the article names it, over its first name (business/449)', () => {
    const text = 'Meanwhile, drugs group Eli Lilly is planning a campaign against claims about its product Prozac.\nEli Lilly said the claims were wrong.';
    expect(strongTypes(text, 'Eli Lilly')).toEqual([['organization'], ['organization']]);
  });

  it('keeps people who are makers, broadcasters or owners people (entertainment, sport)', () => {
    expect(strongTypes('Seasoned film-makers Roger Michell, Mike Leigh and Pavel Pavlikowsky challenge them.', 'Roger Michell')).toEqual([['person']]);
    expect(strongTypes('Veteran comedian and broadcaster Cyril Fletcher has died aged 91.', 'Cyril Fletcher')).toEqual([['person']]);
    expect(strongTypes('Chelsea owner Roman Abramovich watched the game.', 'Roman Abramovich')).toEqual([['person']]);
  });
});

describe('the thirteenth draw: a person after a body and "and", people named by their country', () => {
  it('ends a body\'s name before "and" and a person\'s name (tech/044), not a foundation\'s', () => {
    const text = 'Allies include Tom Goldstein, former dean of the Journalism School at the University of California and Dan Gillmor, a writer.';
    expect(names(text)).toEqual(['Tom Goldstein', 'Journalism School', 'University of California', 'Dan Gillmor']);
    expect(names('The Bill and Melinda Gates Foundation gave money.')).toEqual(['Bill and Melinda Gates Foundation']);
  });

  it('takes "the Belgian" that no noun follows for a person, not Belgium (sport/443)', () => {
    expect(names('Back then, a doctor treating the Belgian feared that her career may be over.')).toEqual([]);
    expect(names('Kim Clijsters beat the American, who is seeded third.')).toEqual(['Kim Clijsters']);
    expect(mentionsOf('The Belgian government said so.').map((mention) => mention.place)).toEqual(['Belgium']);
  });


  it('gives no person to a listed name that holds "of" or "for" (entertainment)', () => {
    const text = 'The shortlist names Clint Eastwood, Mike Leigh, Measure for Measure, and Martin Scorsese.';
    const people = mentionsOf(text).filter((mention) => (mention.evidence.person ?? 0) >= STRONG_VOTE).map((mention) => mention.text);
    expect(people).toEqual(['Clint Eastwood', 'Mike Leigh', 'Martin Scorsese']);
  });

  it('takes a scheme one noun after a place for the place\'s scheme, not the place (business/062)', () => {
    expect(strongTypes('Its projects include the White City redevelopment scheme in west London.', 'White City')).toEqual([[]]);
    expect(strongTypes("The IPPR's Digital Society initiative produces papers.", 'Digital Society')).toEqual([['initiative']]);
  });
});

describe('what the review of these rules found', () => {
  it('gives no organisation to a person who opens a clause about a body ("the party Ken Livingstone left")', () => {
    const text = 'He rejoined the party Ken Livingstone left in 2000.\nKen Livingstone said he was happy.';
    expect(mentionsOf(text).map((mention) => mention.kindSaid ?? false)).toEqual([false, false]);
    expect(strongTypes(text, 'Ken Livingstone')).toEqual([['person', 'organization'], ['person']]);
  });

  it('makes no works of people listed after a work, nor after a work noun in an opening clause', () => {
    expect(strongTypes('The nominees are the film Sideways, Paul Giamatti and Virginia Madsen.', 'Paul Giamatti')).toEqual([['person']]);
    expect(strongTypes('After the film, Tom Cruise and Nicole Kidman posed for photographs.', 'Tom Cruise')).toEqual([['person']]);
  });

  it('keeps a company a company after a list of its brands (business/143)', () => {
    const text = 'Its brands include Cadbury, Trident and Halls.\nCadbury said profits rose.';
    expect(strongTypes(text, 'Cadbury')).toEqual([['other'], ['organization']]);
  });

  it('keeps the team beside a score that ends the sentence, and a name before a share ("Ohio 51%")', () => {
    expect(strongTypes('Chelsea beat Arsenal 2-1.', 'Arsenal')).toEqual([['organization']]);
    expect(names('Bush won Ohio 51% to 49%.')).toContain('Ohio');
  });

  it('keeps the country of a demonym before a title, and drops it before a verb or a comma', () => {
    expect(mentionsOf('The French President Jacques Chirac spoke.').map((mention) => mention.place ?? mention.text)).toEqual(['France', 'Jacques Chirac']);
    expect(names('The Belgian won in straight sets.\nThe Belgian, who is 22, lost.')).toEqual([]);
  });

  it('keeps the office before an honorific ("Labour MP Sir Gerald Kaufman")', () => {
    const kaufman = mentionsOf('Labour MP Sir Gerald Kaufman said so.').find((mention) => mention.text === 'Gerald Kaufman');
    expect(kaufman?.role).toBe('MP of Labour');
  });
});

describe('titles whose start the finder dropped, years before works, working names', () => {
  it('drops a name after a dropped capitalised word and "on", "of", "for" or a gerund\'s "the" (entertainment/227, tech/273)', () => {
    expect(names("Michael's appearance is part of the station's Sold on Song initiative.")).toEqual(['Michael']);
    expect(names('Messages broke the 2003 Controlling the Assault of Non-Solicited Pornography and Marketing Act.')).toEqual([]);
  });

  it('keeps names after a month, a title\'s word or a kept name, and after "in" (business, sport)', () => {
    expect(names('In March the Bank of England raised rates.')).toEqual(['Bank of England']);
    expect(names('He was Chief Executive of Hereford Hospitals NHS Trust.')).toContain('Hereford Hospitals NHS Trust');
    expect(names('The first Test is against the All Blacks in Christchurch on 25 June.')).toContain('Christchurch');
  });

  it('reads a work after a list noun and its year, and a working name after "codenamed" (entertainment/198, tech/052)', () => {
    expect(strongTypes("She also starred in numerous films including 1989's Shirley Valentine.", 'Shirley Valentine')).toEqual([['other']]);
    expect(strongTypes("Details of Microsoft's next Xbox console - codenamed Xenon - will be unveiled in May.", 'Xenon')).toEqual([['other']]);
  });
});
