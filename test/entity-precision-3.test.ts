/**
 * Entity precision, third round (issue 22): what a name is, said by its own sentence and document, not
 * by the lexicon alone or by other names. The sentences are from ../shared/bench/bbc and the seeds.
 */
import { describe, expect, it } from 'vitest';
import { STRONG_VOTE } from '../stages/extract-entities/vocabulary.ts';
import { resolveEntities } from '../stages/resolve-entities/entity.ts';
import { lineMentions as mentionsOf, lineNames as names } from './helpers.ts';

const strongTypes = (text: string, name: string) => {
  const mention = mentionsOf(text).find((candidate) => candidate.text === name);
  return Object.entries(mention?.evidence ?? {}).filter(([, weight]) => weight >= STRONG_VOTE).map(([type]) => type);
};

describe('a city the lexicon knows is a place where the sentence uses it as one', () => {
  it('types "Malibu" after "in" and before its state, not as a brand of rum (business/005, entertainment/089)', () => {
    expect(strongTypes('O\'Herlihy died at his home in Malibu, California, a spokesman said.', 'Malibu')).toEqual(['place']);
    expect(strongTypes("Allied Domecq's big names include Malibu rum, Courvoisier brandy and Stolichnaya vodka.", 'Malibu')).toEqual([]);
  });

  it('types a capital, which stands for its government too ("Beijing\'s handling", seeds)', () => {
    expect(strongTypes("But this year, Beijing's handling of the epidemic has changed many views.", 'Beijing')).toEqual(['place']);
  });

  it('takes a dateline for a place ("DETROIT – On Labor Day")', () => {
    expect(strongTypes('DETROIT – On Labor Day, the UAW released a new video.', 'DETROIT')).toEqual(['place']);
  });
});

describe('what stands before a title or a name is not always a name', () => {
  it('splits a noun of nationality from the name after it, and a title\'s modifier from the court before it (sport, politics)', () => {
    expect(names('Recently-crowned champion Briton Hayley Yelling and Scot Kathy Butler compete.')).toEqual(['Hayley Yelling', 'Kathy Butler']);
    expect(names('Deputy High Court Judge Richard Mawrey told the hearing.')).toEqual(['High Court', 'Richard Mawrey']);
  });

  it('takes the kind said right before a name over its first name ("parts maker Robert Bosch", business)', () => {
    expect(strongTypes('BMW is to recall cars with a pump supplied by parts maker Robert Bosch.', 'Robert Bosch')).toEqual(['organization']);
  });

  it('makes no organisation of a minister\'s portfolio, and takes "Shadow" into the title (politics)', () => {
    expect(names('Housing Minister Keith Hill said much of the plans mimicked the government.')).toEqual(['Keith Hill']);
    expect(names('Tory Shadow Chancellor Oliver Letwin called Labour a machine.')).toEqual(['Tory', 'Oliver Letwin', 'Labour']);
    expect(strongTypes('Labour MP Eric Joyce said so.', 'Labour')).toEqual(['organization']);
  });

  it('makes no organisation of a party adjective before a title (politics/027, business/204)', () => {
    expect(names('The interview was conducted by the magazine\'s editor, Conservative MP Boris Johnson.')).toEqual(['Boris Johnson']);
    expect(names('However, Democratic Senator Kent Conrad said the proposals exposed the country to huge commitments.')).toEqual(['Kent Conrad']);
  });

  it('splits a team\'s plural from the player\'s name after it ("Springboks John Smit")', () => {
    expect(names('Springboks John Smit said the team was ready.')).toEqual(['Springboks', 'John Smit']);
  });
});

describe('a first name does not make a person of a name that ends otherwise', () => {
  it('gives no person to a first name before a plural noun (entertainment/177)', () => {
    expect(strongTypes('Scoggins was best remembered for singing the theme tune to popular US TV show The Beverly Hillbillies.', 'Beverly Hillbillies')).toEqual([]);
  });

  it('keeps a surname that is no dictionary plural ("Augusto Lins", seeds)', () => {
    expect(strongTypes('“A network is only as strong as its weakest link,” said Augusto Lins, president of Stone.', 'Augusto Lins')).toEqual(['person']);
  });

  it('votes neither person nor firm for a first name and one head word ("Natalie Press")', () => {
    expect(strongTypes('Natalie Press won the award.', 'Natalie Press')).toEqual([]);
  });

  it('takes no -ing form for a first name ("Finding Neverland", entertainment)', () => {
    expect(strongTypes('Other movies tipped include Closer and Finding Neverland, with Johnny Depp.', 'Finding Neverland')).toEqual([]);
  });

  it('keeps no person whose name runs a byline into the next line ("Paul FletcherPaul Fletcher", events)', () => {
    expect(names('By Paul FletcherPaul Fletcher MP said the code would pass.').filter((name) => name.includes('FletcherPaul'))).toEqual([]);
  });

  it('votes no law for a first name and "Law", and no event for a prize ("Jude Law", "South Bank Award")', () => {
    expect(strongTypes('Jude Law starred.', 'Jude Law')).toEqual([]);
    expect(strongTypes('She won the South Bank Award and the Davis Cup.', 'South Bank Award')).toEqual([]);
    expect(strongTypes('She won the South Bank Award and the Davis Cup.', 'Davis Cup')).toEqual(['event']);
  });
});

describe('where long names end', () => {
  it('keeps a name\'s particles and short hyphenated parts, a person\'s two initials, and leaves a country after "on" out (draw 6)', () => {
    expect(names('He met Mohammed Mustafa al-Jibouri on Monday.')).toEqual(['Mohammed Mustafa al-Jibouri']);
    expect(names('President Nursultan Abish-uly Nazarbayev spoke.')).toContain('Nursultan Abish-uly Nazarbayev');
    expect(names('The bank JP Morgan Chase Bank said so.')).toEqual(['JP Morgan Chase Bank']);
    expect(names("The port of Visakhapatnam on India's east coast was hit.")).toEqual(['Visakhapatnam', 'India']);
  });

  it('takes a head word alone for no name ("the G7 Group")', () => {
    expect(names('Leaders met at the G7 Group and the World Economic Forum.')).toEqual(['World Economic Forum']);
  });

  it('ends a name before the pronoun "I", a person\'s name before "of" after a lower-case title, and an office before its organisation (sport/358, business/028, politics/170)', () => {
    expect(names('Simpson-Daniel added: "I\'ve said to Nigel I want to be back playing."')).not.toContain('Nigel I');
    expect(names('He served in World War I.')).toEqual(['World War I']);
    expect(names('"It looks like the $40 to $50 level," said energy analyst Orin Middleton of Barclays Capital.')).toEqual(['Orin Middleton', 'Barclays Capital']);
    expect(names('Earlier, David Rose, Chief Executive of Hereford Hospitals NHS Trust, had said so.')).toEqual(['David Rose', 'Hereford Hospitals NHS Trust']);
  });

  it('ends a name at "and" after an acronym, and a first name alone before "for" (business, entertainment)', () => {
    expect(names('Both the IMF and World Bank have urged Egypt to remove obstacles.')).toEqual(['IMF', 'World Bank', 'Egypt']);
    expect(names('Earlier British costume designer Sandy Powell won the Oscar for The Aviator.')).not.toContain('Oscar for The Aviator');
  });

  it('keeps a law named after two things whole, though the first ends in a head word (events, Hansard)', () => {
    expect(names('The News Media and Digital Platforms Mandatory Bargaining Code passed the House.')).toContain('News Media and Digital Platforms Mandatory Bargaining Code');
  });

  it('keeps a description hyphenated to a name out of it ("Oscar-winner Andrea Arnold", entertainment)', () => {
    expect(names('Oscar-winner Andrea Arnold won again.')).toContain('Andrea Arnold');
  });

  it('keeps no name that holds a comma: words glued where a space is missing (tech, "Gartner,downloaded")', () => {
    expect(names('A study by Gartner,downloaded the Google toolbar.').filter((name) => name.includes(','))).toEqual([]);
  });

  it('keeps a word hyphenated to a lower-case word in the name (business/ OECD)', () => {
    expect(names('The Organisation for Economic Co-operation and Development said growth would slow.')).toEqual(['Organisation for Economic Co-operation and Development']);
  });

  it('joins a headed name after "and" when an acronym in brackets or a possessive follows it (business/442, events)', () => {
    expect(names('The African Growth and Opportunity Act (AGOA) gave sub-Saharan countries preferential access.')).toContain('African Growth and Opportunity Act');
    expect(names("This bill responds to the key findings of the Australian Competition and Consumer Commission's digital platforms inquiry.")).toEqual(['Australian Competition and Consumer Commission']);
  });

  it('ends a name before "and" after its head word, and holds one "and" at most (entertainment, education)', () => {
    expect(names('Black Rebel Motorcycle Club and Bloc Party played.')).toEqual(['Black Rebel Motorcycle Club', 'Bloc Party']);
    expect(names('The University of the Highlands and Islands and Southampton agreed.')).toEqual(['University of the Highlands and Islands', 'Southampton']);
  });

  it('joins a name after "and" when what comes before it is not a whole name ("Center for Strategic and International Studies", seeds)', () => {
    expect(names('A poll by the Center for Strategic and International Studies (CSIS) was released.')).toContain('Center for Strategic and International Studies');
    expect(names('The United Bank of Africa and Standard Trust Bank merged.')).toEqual(['United Bank of Africa', 'Standard Trust Bank']);
  });
});

describe('the kind of a name, from its document', () => {
  it('types a town\'s name beside a score or a player as its club, and keeps the club apart from the town (sport, politics)', () => {
    expect(strongTypes('Hereford 1-1 Doncaster', 'Doncaster')).toEqual(['organization']);
    expect(strongTypes('Critical time for Liverpool, said Liverpool manager Rafael Benitez.', 'Liverpool')).toEqual(['organization']);
    const row = (id: string, evidence: Record<string, number>) => ({ id, text: 'Liverpool', role: null, place: null, acronym: null, evidence });
    const entities = resolveEntities([row('a:m0-9', { place: 3 }), row('b:m0-9', { organization: 3 })]);
    expect(entities.map((entity) => [entity.name, entity.type])).toEqual([['Liverpool', 'place'], ['Liverpool', 'organization']]);
  });

  it('types a lecture as an event and a prize after a name as nothing (draw 6)', () => {
    expect(strongTypes('Mr Brown gave the Adam Smith Lecture.', 'Adam Smith Lecture')).toEqual(['event']);
    expect(strongTypes('She won at the British Comedy awards.', 'British Comedy')).toEqual([]);
  });

  it('takes no surname before "family" for a person, and types a programme by "initiative" after it (business/189, tech/191)', () => {
    const text = ['Mr Morchio made a bid after the death of president Umberto Agnelli.', 'It was rejected by the founding Agnelli family.'].join('\n');
    expect(mentionsOf(text).find((mention) => mention.text === 'Agnelli')?.fullName).toBeUndefined();
    expect(strongTypes("The paper is part of the IPPR's Digital Society initiative.", 'Digital Society')).toEqual(['initiative']);
  });

  it('types a name by the common noun it modifies, whatever its first word says (entertainment/084, business/201, business/005)', () => {
    expect(strongTypes('The annual event will take place at the Beverly Hilton hotel, Los Angeles.', 'Beverly Hilton')).toEqual(['place']);
    expect(strongTypes('"This is a very expensive acquisition," Birgit Kuhlhoff, from Sal Oppenheim investment bank, told Reuters.', 'Sal Oppenheim')).toEqual(['organization']);
    expect(strongTypes("Allied Domecq's big names include Malibu rum and Courvoisier brandy.", 'Courvoisier')).toEqual([]);
    expect(strongTypes('England lost the England game.', 'England')).toEqual(['place']);
  });

  it('opens no name with an -ing form starting a sentence, and makes no organisation of a portfolio of two words (politics/148, business/413)', () => {
    expect(names('Interrupting Mr Sukul in his opening, Mr Mawrey said: "What you are saying is wrong."')).toEqual(['Sukul', 'Mawrey']);
    expect(names('Monetary Affairs Commissioner Joaquin Almunia said that it was a matter for next week.')).toEqual(['Joaquin Almunia']);
  });

  it('shares no kind between two names with only a comma between them: an apposition, not a list (politics)', () => {
    expect(strongTypes('But director of the Victims of Crime Trust, Norman Brennan, accused Lord Woolf.', 'Victims of Crime Trust')).toEqual(['organization']);
  });

  it('reads "I think X" as no kind of X, and a team sheet with one company\'s name among it as no list of companies (sport)', () => {
    expect(strongTypes('If she had made the final I think Jeanette would have gone a bit quicker.', 'Jeanette')).toEqual([]);
    const sheet = 'Morton, Moffat, MacRae, Hore, Berthinussen, Warnock, Moore, Thomson, Ford, Douglas, Blair, Stewart, Gray, Brown, McEntee.';
    expect(strongTypes(sheet, 'Stewart')).toEqual([]);
  });

  it('types a name after "is" by the subject\'s head noun (seeds)', () => {
    expect(strongTypes('One of the big companies linked to the CCP is ByteDance, owner of the popular application TikTok.', 'ByteDance')).toEqual(['organization']);
    expect(strongTypes('The head of the company is Ian Smith.', 'Ian Smith')).toEqual(['person']);
  });

  it('gives a name the kind of two programmes of its document that open with its first word', () => {
    const text = ['The ministry launched the Digital Skills Programme and the Digital Inclusion Initiative.', 'A third part, the Digital Passport, follows.'].join('\n');
    expect(strongTypes(text, 'Digital Passport')).toEqual(['initiative']);
  });

  it('takes an acronym the document does not define for the one name of the document with its initials', () => {
    const text = ['The Royal Bank of Scotland said profits rose.', 'RBS also said it would cut jobs.'].join('\n');
    expect(mentionsOf(text).find((mention) => mention.text === 'Royal Bank of Scotland')?.acronym).toBe('RBS');
    const two = ['The Royal Bank of Scotland and the Rugby Board of Samoa met.', 'RBS said so.'].join('\n');
    expect(mentionsOf(two).filter((mention) => mention.acronym)).toEqual([]);
  });

  it('gives a one-word name the type its document gives it elsewhere, and an acronym its expansion\'s', () => {
    const text = ['Russian oil firm Yukos has lost its appeal.', 'Yukos said it would go on.', 'The Australian Competition and Consumer Commission (ACCC) began an inquiry.', 'The ACCC said so.'].join('\n');
    expect(strongTypes(text, 'ACCC')).toEqual(['organization']);
    expect(mentionsOf(text).filter((mention) => mention.text === 'Yukos').map((mention) => Object.keys(mention.evidence).filter((type) => mention.evidence[type as 'organization']! >= STRONG_VOTE))).toEqual([['organization'], ['organization']]);
  });
});

describe('a name is typed by its own evidence, never by names sharing its first word', () => {
  it('makes no company of "Sony PSP" beside two Sony companies', () => {
    const rows = [
      { id: 'a:m0-17', text: 'Sony Music Group', role: null, place: null, acronym: null, evidence: { organization: 4 } },
      { id: 'b:m0-19', text: 'Sony Pictures Group', role: null, place: null, acronym: null, evidence: { organization: 4 } },
      { id: 'c:m0-8', text: 'Sony PSP', role: null, place: null, acronym: null, evidence: {} },
    ];
    expect(resolveEntities(rows).map((entity) => entity.name)).toEqual(['Sony Music Group', 'Sony Pictures Group']);
  });

  it('joins a name without the place before it only when every name dropping a place there drops the same one, and makes no entity of it otherwise (business/ banks)', () => {
    const row = (id: string, text: string) => ({ id, text, role: null, place: null, acronym: null, evidence: { organization: 4 } });
    const banks = resolveEntities([row('a:m0-20', 'Turkish Central Bank'), row('b:m0-21', 'European Central Bank'), row('c:m0-12', 'Central Bank')]);
    // "Central Bank" alone is the Fed in one article and Brazil's in another.
    expect(banks.map((entity) => [entity.name, entity.aliases])).toEqual([
      ['European Central Bank', []],
      ['Turkish Central Bank', []],
    ]);
    const department = resolveEntities([row('a:m0-19', 'US State Department'), row('b:m0-16', 'State Department')]);
    expect(department.map((entity) => [entity.name, entity.aliases])).toEqual([['US State Department', ['State Department']]]);
  });
});

describe('what the rules above leave alone (common news English)', () => {
  it('keeps people before a verb, a possessive or their followers, and players beside a score', () => {
    for (const [text, name] of [
      ['Gordon Brown told supporters the plan would work.', 'Gordon Brown'],
      ['Wayne Rooney thanked fans after the game.', 'Wayne Rooney'],
      ["Tony Blair's family went on holiday.", 'Tony Blair'],
      ['Robbie Williams fans queued all night.', 'Robbie Williams'],
      ['Agassi beat Andy Roddick 6-4 6-2 in the final.', 'Andy Roddick'],
      ['Danny Mills played at right-back.', 'Danny Mills'],
    ]) expect(strongTypes(text!, name!), text).toEqual(['person']);
  });

  it('keeps regnal and war numerals, names opening with an -ing word, and bodies named by a head word alone', () => {
    expect(names('World War I ended in 1918.')).toEqual(['World War I']);
    expect(names('King Charles I was executed in 1649.')).toContain('Charles I');
    expect(names('Building Societies Association figures rose.')).toEqual(['Building Societies Association']);
    expect(names('The Pentagon said Congress and the Senate agreed.')).toEqual(['Pentagon', 'Congress', 'Senate']);
    expect(names('Trade commissioner EU Peter Mandelson spoke.')).toEqual(['EU', 'Peter Mandelson']);
  });

  it('joins a company named with and without its generic head though its name is a dictionary word ("Apple Inc", "Apple")', () => {
    const row = (id: string, text: string, evidence: Record<string, number>) => ({ id, text, role: null, place: null, acronym: null, evidence });
    expect(resolveEntities([row('a:m0-9', 'Apple Inc', { organization: 4 }), row('b:m0-5', 'Apple', { organization: 3 })]).map((entity) => [entity.name, entity.aliases])).toEqual([['Apple Inc', ['Apple']]]);
  });
});

describe('a country named for its team', () => {
  it('is the team throughout an article that names its coach or a score, and the country elsewhere (sport, business)', () => {
    const sport = ['Wales coach Mike Ruddock named his side.', 'Wales beat England 24-10 in Cardiff.', 'Wales won again.'].join('\n');
    expect(mentionsOf(sport).filter((mention) => mention.text === 'Wales').map((mention) => [mention.place, strongTypes(sport, 'Wales')])).toEqual([
      [undefined, ['organization']],
      [undefined, ['organization']],
      [undefined, ['organization']],
    ]);
    expect(strongTypes('The average house price in England and Wales rose.', 'Wales')).toEqual(['place']);
  });
});

describe('from the eighth draw', () => {
  it('ends a company name before "of" and its country, joins "on" only to a place, and takes a story for no person', () => {
    expect(names('LG Electronics of South Korea was demonstrating one at 3GSM.')).toEqual(['LG Electronics', 'South Korea']);
    expect(names('The Royal Bank of Scotland said profits rose.')).toEqual(['Royal Bank of Scotland']);
    expect(names('Fans listened to Angels on Radio 1 all day.')).not.toContain('Angels on Radio');
    expect(names('The General Agreement on Tariffs and Trade (GATT) was set up in 1947.')).toContain('General Agreement on Tariffs and Trade');
    expect(strongTypes('He made The Leonard Cohen Story for television.', 'Leonard Cohen Story')).toEqual([]);
  });

  it('types no common word opening a headline by the noun after it ("Game firm holds auditions")', () => {
    expect(strongTypes("Game firm holds 'cast' auditions", 'Game')).toEqual([]);
    expect(strongTypes('Liverpool striker Steven Gerrard scored twice.', 'Liverpool')).toEqual(['organization']);
  });
});
