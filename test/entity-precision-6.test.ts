/**
 * Entity precision, sixth round (issue 22): names a first name makes look like a person's, which the
 * words around them say are a band, a firm, a film or a title's words. The sentences are from
 * ../shared/bench/bbc (the file each comes from is named in its test), or written like them where a
 * test names no file or says "written".
 */
import { describe, expect, it } from 'vitest';
import { lookupPlace } from '../stages/extract-entities/gazetteer.ts';
import { resolveEntities } from '../stages/resolve-entities/entity.ts';
import type { MentionRow } from '../stages/resolve-entities/cluster.ts';
import { lineMentions, lineNames as names, lineStrongTypes as strongTypes } from './helpers.ts';

/** Resolves documents written one sentence per line together, as the corpus stage does. */
function entitiesOf(...documents: string[]) {
  const rows: MentionRow[] = documents.flatMap((text, index) =>
    lineMentions(text).map((mention) => ({ id: `${index}:${mention.start}`, text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, evidence: mention.evidence })),
  );
  return resolveEntities(rows).map(({ name, type }) => `${name} (${type})`);
}

describe('words after a name that say it is no one person', () => {
  it('takes "which" after a comma for a thing, and the article means the thing throughout (business/393)', () => {
    const article = ['Laura Ashley is parting company with its chief executive Ainum Mohd-Saaid.', 'Laura Ashley, which is due to issue its next trading statement in the next few weeks, has been hit by reports of poor sales.'].join('\n');
    expect(strongTypes(article, 'Laura Ashley')).toEqual([['other'], ['other']]);
    expect(entitiesOf(article)).not.toContain('Laura Ashley (person)');
  });

  it('takes a plural verb after a lone name for a group (entertainment/318)', () => {
    const article = ['Roxy Music will appear at June\'s Isle of Wight music festival.', 'Roxy Music were formed in 1971 by Ferry, Mackay and Brian Eno.'].join('\n');
    expect(strongTypes(article, 'Roxy Music')).toEqual([['other'], ['other']]);
    expect(strongTypes(article, 'Brian Eno')).toEqual([['person']]);
  });

  it('keeps a person before "were" in a condition, joined to another name, or not the subject (written; sport/091, entertainment/167)', () => {
    expect(strongTypes('Tickets to see Elton John are on sale.', 'Elton John')).toEqual([['person']]);
    expect(strongTypes('The deal was signed by Alex Ferguson, which surprised many.', 'Alex Ferguson')).toEqual([['person']]);
    expect(strongTypes('If Tony Blair were to resign, the party would choose again.', 'Tony Blair')).toEqual([['person']]);
    expect(strongTypes('Gervais and his writing partner Stephen Merchant are currently refining the scripts.', 'Stephen Merchant')).toEqual([['person']]);
    expect(strongTypes('Conte along with coach Remy Korchemny and trainer Greg Anderson are charged with distributing steroids.', 'Greg Anderson')).toEqual([['person']]);
  });

  it('takes a name before a band member\'s or a cast member\'s noun and a name for the band or the work (entertainment/263)', () => {
    expect(strongTypes('Former Manfred Mann singer Paul Jones said Charles was one of his heroes.', 'Manfred Mann')).toEqual([['other']]);
    expect(strongTypes('Former Manfred Mann singer Paul Jones said Charles was one of his heroes.', 'Paul Jones')).toEqual([['person']]);
  });

  it('keeps a person before the noun of someone who works for a person (entertainment/320, sport/043)', () => {
    expect(strongTypes('Johnny Cash manager Holiff dies.', 'Johnny Cash')).toEqual([['person']]);
    expect(strongTypes("Six candidates were interviewed, including Denise Lewis' coach Charles van Commenee.", 'Denise Lewis')).toEqual([['person']]);
  });

  it('gives a list\'s kind to a member only its first name typed, and no person to a side named before its player (entertainment, sport)', () => {
    expect(strongTypes('Some members did not submit figures, including Buckingham Palace, Windsor Castle, Madame Tussauds and Alton Towers.', 'Alton Towers')).toEqual([['place']]);
    const ulster = "Ulster rugby mourned well-known Londonderry YM player Jim Huey, Coleraine's Jonathan Hutchinson, and Belfast Harlequins lock Johnny Poole.";
    expect(strongTypes(ulster, 'Belfast Harlequins')).toEqual([[]]);
    expect(strongTypes(ulster, 'Jonathan Hutchinson')).toEqual([['person']]);
  });

  it('takes a lender, a housebuilder or a label before a name for a body (business/177, entertainment/236)', () => {
    expect(strongTypes('The market remains robust, according to mortgage lender Bradford & Bingley and housebuilder George Wimpey.', 'George Wimpey')).toEqual([['organization']]);
    expect(strongTypes('They signed with independent label Domino in June 2003.', 'Domino')).toEqual([['organization']]);
  });

  it('drops a person that only a first name typed when another article says the name is a thing (written)', () => {
    const typedByShape = 'Laura Ashley opened a new store in Leeds.';
    expect(entitiesOf(typedByShape)).toContain('Laura Ashley (person)');
    expect(entitiesOf(typedByShape, 'Laura Ashley, which is due to issue its next trading statement, has been hit.')).not.toContain('Laura Ashley (person)');
    // A title in one article still makes a person.
    expect(entitiesOf('Designer Laura Ashley opened a new store in Leeds.', 'Laura Ashley, which is due to issue its next trading statement, has been hit.')).toContain('Laura Ashley (person)');
  });
});

describe('works', () => {
  it('takes a name after "fairy tale" for a work (entertainment/316)', () => {
    expect(strongTypes('In 1990 he began his partnership with Burton in the dark fairy tale Edward Scissorhands, about a young man with blades for hands.', 'Edward Scissorhands')).toEqual([['other']]);
  });

  it('drops a name after a title\'s lone capitalised word and "of" (entertainment/383, entertainment/177)', () => {
    expect(names("He also cited the director's 2003 film The Life of David Gale, in which Kevin Spacey played a man on Death Row.")).not.toContain('David Gale');
    expect(names('The singer approached the producers of the programme with theme tune The Ballad of Jed Clampett for the pilot.')).not.toContain('Jed Clampett');
    // A name the finder kept before "of" leaves the name after it alone.
    expect(names('"It\'s not going to take much," said Grant Wilson of Mellon Bank.')).toContain('Mellon Bank');
  });
});

describe('titles, nicknames and descriptions inside a run of capitalised words', () => {
  it('takes a player\'s seeding for a title, so a set\'s score beside him makes no team (sport/427)', () => {
    expect(strongTypes('Tommy Haas overcame eighth seed Max Mirnyi 6-7 (2-7) 7-6 (7-3) 6-2.', 'Max Mirnyi')).toEqual([['person']]);
  });

  it('reads a game\'s score in points like a set\'s, and keeps a surname the article gives a full name for its player (sport/491)', () => {
    const article = ['Spain\'s Rafael Nadal beats Andy Roddick of the USA in the second singles match rubber.', 'Two good serves put Roddick 30-0 up but he then makes a couple of errors.', 'Roddick holds serve to force Nadal to serve for the match.'].join('\n');
    expect(strongTypes(article, 'Roddick')).toEqual([[], []]);
    expect(lineMentions(article).filter((mention) => mention.text === 'Roddick').map((mention) => mention.fullName)).toEqual(['Andy Roddick', 'Andy Roddick']);
  });

  it('takes no word in quotes for a title, and no "Justice" before a body\'s head word (entertainment/134, politics/119)', () => {
    expect(names("Brian 'Head' Welch told a radio station in California that his bandmates respected his decision to leave.")).toContain("Brian 'Head' Welch");
    expect(names('Dame Elizabeth Butler-Sloss, the president of the Family Justice Division, said Lord Scarman was a good judge.')).toContain('Family Justice Division');
  });

  it('leaves a name hyphened to a participle or an owner out of the name after it (sport, business, tech)', () => {
    expect(names('US-based Alistair Cragg won the 3,000m.')).toEqual(['Alistair Cragg']);
    expect(names('DHL-owner Deutsche Post rose 2%.')).toEqual(['Deutsche Post']);
    // A hyphened lower-case word that is no description is the name's (written).
    expect(names('The Blu-ray Disc Association met in Tokyo.')).toContain('Blu-ray Disc Association');
    expect(names('Mei-ling Chen spoke at the launch.')).toContain('Mei-ling Chen');
  });

  it('takes a place on either side of "v" in a fixture for its team, but not a player there nor a case at law (sport/134; written)', () => {
    expect(strongTypes('Republic of Ireland v Cyprus; France v Israel; Switzerland v Faroe Islands.', 'Faroe Islands')).toEqual([['organization']]);
    expect(strongTypes('Federer v Hewitt was the final everyone wanted.', 'Hewitt')).toEqual([[]]);
    expect(strongTypes('United States v Microsoft was decided in 2001.', 'United States')).toEqual([['place']]);
  });

  it('takes no football score of nil for a tennis game\'s points (written)', () => {
    expect(strongTypes('Everton 0-0 Millwall was a dull game.', 'Millwall')).toEqual([['organization']]);
  });

  it('reads a middle initial\'s full stop inside a name, and a name after a name\'s number or an irregular plural\'s possessive as its tail (politics, sport, entertainment)', () => {
    expect(names('President George W. Bush said so.')).toEqual(['George W. Bush']);
    expect(names('The daughter of Malcolm X. Attallah Shabazz said so.')).toEqual(['Malcolm X', 'Attallah Shabazz']);
    expect(names('The RBS 6 Nations Championship starts soon.')).not.toContain('Nations Championship');
    expect(names("The Black Gay Men's Advisory Group said so.")).not.toContain('Advisory Group');
  });

  it('takes "Crown Prince" and "Euro MP" for titles, and a conference for an event (politics, tech)', () => {
    const mentions = lineMentions('Saudi Crown Prince Abdullah met Euro MP Robert Kilroy-Silk at the Game Developers Conference.');
    expect(mentions.map((mention) => [mention.text, mention.role])).toEqual([
      ['Abdullah', 'Saudi Crown Prince'],
      ['Robert Kilroy-Silk', 'Euro MP'],
      ['Game Developers Conference', undefined],
    ]);
    expect(strongTypes('He spoke at the Game Developers Conference in San Jose.', 'Game Developers Conference')).toEqual([['event']]);
  });

  it('takes "DJ" for a title, and a number after "War" for the war\'s (entertainment/142, tech)', () => {
    const mentions = lineMentions('Other pundits included BBC Radio 1 DJ Trevor Nelson and NME editor Conor McNicholas.');
    expect(mentions.find((mention) => mention.text === 'Trevor Nelson')?.role).toBe('DJ');
    expect(names('You fight on World War 2 battlefronts including Russia and North Africa.')).toContain('World War 2');
  });

  it('ends an event\'s name before "and" and a body\'s name, and heads a constitution as a law (sport, politics)', () => {
    expect(names('"He has been playing regular Heineken Cup and Celtic League rugby," Rowell said.')).toEqual(expect.arrayContaining(['Heineken Cup', 'Celtic League']));
    expect(strongTypes('Should the United Kingdom approve the Treaty establishing a Constitution for the European Union?', 'Constitution for the European Union')).toEqual([['law']]);
  });

  it('takes no honour after a name for a name of its own, nor for a break in a list (politics/049, politics/160)', () => {
    expect(names('The chairman of the Bar Council, Guy Mansfield QC has warned there is a real risk.')).toEqual(['Bar Council', 'Guy Mansfield']);
    const barristers = 'They were followed by those of five other barristers - Nicholas Blake QC, Andrew Nicol QC, Manjit Singh Gill QC, Rick Scannell and others.';
    expect(strongTypes(barristers, 'Manjit Singh Gill')).toEqual([['person']]);
  });

  it('takes no "Yesterday" opening a sentence for a name, nor a title given for a contest (business/479, sport)', () => {
    expect(names("Yesterday General Motor's results also showed its finance unit was a strong contributor to profits.")).not.toContain('Yesterday');
    expect(names("Arsenal striker Thierry Henry's free-kick in Sunday's 2-2 draw with Chelsea was allowed.")).not.toContain('Sunday');
    expect(strongTypes('He was named Six Nations Player of the Tournament last year, ahead of Gary Player.', 'Six Nations Player of the Tournament')).toEqual([[]]);
    expect(strongTypes('He was named Six Nations Player of the Tournament last year, ahead of Gary Player.', 'Gary Player')).toEqual([['person']]);
  });

  it('takes "the Slovenian\'s" for a person of Slovenia, not the country (sport/063)', () => {
    expect(names("Ceplak won. The Slovenian's runaway 800m victory was no surprise.")).not.toContain('Slovenian');
  });
});

describe('the gazetteer\'s spellings', () => {
  it('reads initials as a place only in capitals, and a country\'s own name for itself not at all (entertainment, business)', () => {
    expect(lookupPlace('US')?.name).toBe('United States');
    expect(lookupPlace('the US')?.name).toBe('United States');
    expect(lookupPlace('Us')).toBeUndefined();
    expect(lookupPlace('Roc')).toBeUndefined();
    expect(lookupPlace('Nippon')).toBeUndefined();
    expect(lookupPlace('Emirates')).toBeUndefined();
    // English names the package lists as other spellings stay.
    expect(lookupPlace('Burma')?.name).toBe('Myanmar');
    expect(lookupPlace('Holland')?.name).toBe('Netherlands');
  });

  it('takes a name after an honorific for a person, not a place (entertainment/039)', () => {
    const mann = lineMentions('Mr Evans sued Mr Mann in 2001, claiming he came up with the idea.').find((mention) => mention.text === 'Mann');
    expect(mann?.place).toBeUndefined();
    expect(mann?.role).toBe('Mr');
  });
});

describe('a surname alone stands for a full name only where the article names no one else by it', () => {
  const fullNameOf = (text: string, word: string) => lineMentions(text).filter((mention) => mention.text === word).map((mention) => mention.fullName);

  it('counts a name the lexicon gives no first name as someone else (written after entertainment/244; politics/156)', () => {
    const edwards = ['Richey Edwards vanished in 1995.', 'His mother Sherry Edwards said the family still hoped.', 'Edwards was last seen at a hotel in London.'].join('\n');
    expect(fullNameOf(edwards, 'Edwards')).toEqual([undefined]);
    const smith = ['The outgoing head of the troubled Child Support Agency Doug Smith also earns an honour.', 'Mr Smith, 57, whose retirement was announced by Work and Pensions Secretary Alan Smith in November, is made a Commander.'].join('\n');
    expect(names(smith)).toEqual(expect.arrayContaining(['Child Support Agency', 'Doug Smith']));
    // Nor does a body end before a place's name of two words (written).
    expect(names('Radio Television Hong Kong reported the news.')).not.toContain('Hong Kong');
    expect(fullNameOf(smith, 'Smith')).toEqual([undefined]);
    // A title's holder after its body's head stays with the title (seeds).
    const michelena = lineMentions('Ecuador Minister of Telecommunications Andrés Michelena said it is important.').find((mention) => mention.text === 'Andrés Michelena');
    expect(michelena?.role).toBe('Ecuador Minister of Telecommunications');
  });

  it('takes a word after "Mr" for a surname, and one after "Sir" for a first name (politics/395; written)', () => {
    const article = ['Michael Howard sacked Howard Flight.', 'Mr Howard said the remarks were wrong.', 'Mr Flight apologised.'].join('\n');
    expect(fullNameOf(article, 'Howard')).toEqual(['Michael Howard']);
    expect(fullNameOf(['Edward Heath led the party.', 'Sir Edward said so.'].join('\n'), 'Edward')).toEqual(['Edward Heath']);
  });

  it('still links where the other name is the same person written another way (written after sport/068, entertainment/181)', () => {
    expect(fullNameOf(['Kelly Holmes won the 800m.', 'K Holmes (GB) 1:59.', 'Holmes said she was delighted.'].join('\n'), 'Holmes')).toEqual(['Kelly Holmes']);
    expect(fullNameOf(['Broadcaster Chris Evans has bought a pub.', 'Chris Evans said it was a dream.', 'Evans said he would serve behind the bar.'].join('\n'), 'Evans')).toEqual(['Chris Evans']);
  });
});
