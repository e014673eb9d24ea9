/**
 * One sense per document: an article that says once what a name is means the same thing by it each
 * time ("Russian oil firm Yukos" … "Yukos said"), and an acronym it defines in brackets stands for the
 * name it abbreviates wherever it stands alone ("Australian Competition and Consumer Commission (ACCC)"
 * … "the ACCC"), a country or a town it names as a team ("Wales coach") is the team throughout, and so
 * is a work it names as one ("the musical Billy Elliot"). A one-word name of many senses that nothing in
 * its own document types joins no entity across the corpus (resolve-entities' keyOf): elsewhere the
 * word may be a city, its club or a brand.
 */
import { lexiconTags } from '../parse/lexicon.ts';
import { sensesOf } from '../reconcile/wordnet.ts';
import { asTeam, asThing, asWork, isPersonByShape } from './evidence.ts';
import type { EntityMention } from './mentions.ts';
import { INITIALS, initialsOf, withoutPossessive } from './tokens.ts';
import { isTownName } from './towns.ts';
import { STRONG_VOTE, strongTypesOf, type EntityType } from './vocabulary.ts';

/** The one type a mention's strong votes give, if they give one. */
function strongType(mention: EntityMention): EntityType | undefined {
  const types = strongTypesOf(mention.evidence);
  return types.length === 1 ? types[0] : undefined;
}

const isLoneWord = (mention: EntityMention) => !/\s/.test(withoutPossessive(mention.text));

/**
 * "Royal Bank of Scotland … RBS": an acronym the document does not define in brackets stands for the one
 * longer name of the document with its initials, which is marked as defining it. Initials are matched
 * within the document only: across the corpus "NHS" also fits "Norfolk High School".
 */
function defineByInitials(mentions: EntityMention[]): void {
  const defined = new Set(mentions.map((mention) => mention.acronym));
  const named = new Map<string, EntityMention[]>();
  for (const mention of mentions) {
    const name = withoutPossessive(mention.text);
    // A person is seldom written by initials, and "MC" is more often a master of ceremonies than "Maria Cruz".
    if (!/\s/.test(name) || mention.place || (mention.evidence.person ?? 0) >= STRONG_VOTE) continue;
    const initials = initialsOf(name);
    const same = named.get(initials) ?? [];
    if (!same.some((other) => withoutPossessive(other.text) === name)) named.set(initials, [...same, mention]);
  }
  for (const mention of mentions) {
    const acronym = withoutPossessive(mention.text).replace(/\./g, '');
    const expansions = named.get(acronym) ?? [];
    if (!INITIALS.test(acronym) || acronym.endsWith('s') || defined.has(acronym) || expansions.length !== 1 || expansions[0]!.acronym) continue;
    expansions[0]!.acronym = acronym;
    defined.add(acronym);
  }
}

/**
 * "Meanwhile, drugs group Eli Lilly is planning …" … "Eli Lilly said": a kind a noun beside the name
 * says once is its kind throughout the article, over the person a first name guessed elsewhere (a
 * title or a role still makes a person).
 */
function spreadSaidKinds(mentions: EntityMention[]): void {
  const said = new Map<string, EntityType | null>();
  for (const mention of mentions) {
    const type = mention.kindSaid ? strongType(mention) : undefined;
    if (!type || type === 'person') continue;
    const name = withoutPossessive(mention.text);
    said.set(name, said.has(name) && said.get(name) !== type ? null : type);
  }
  for (const mention of mentions) {
    const type = said.get(withoutPossessive(mention.text));
    if (!type || mention.kindSaid || mention.role || strongType(mention) !== 'person') continue;
    mention.evidence = { [type]: STRONG_VOTE };
    mention.notPerson = true;
  }
}

/** Makes `mark` of every mention of a name that one of the article's mentions is `marked`. */
function spreadMark(mentions: EntityMention[], marked: (mention: EntityMention) => boolean, mark: (mention: EntityMention) => void): void {
  const names = new Set(mentions.filter(marked).map((mention) => withoutPossessive(mention.text)));
  for (const mention of mentions) if (!marked(mention) && names.has(withoutPossessive(mention.text))) mark(mention);
}

/** Gives each one-word mention that says nothing of itself the one type its document gives that name. */
export function shareDocumentSense(mentions: EntityMention[]): EntityMention[] {
  defineByInitials(mentions);
  // An article that names a country's or a town's team ("Wales coach", "beat Wales 24-10") means the
  // team by that name throughout ("Wales won"): the country stays a place in articles that do not.
  // ("Roddick" where the article names Andy Roddick is the player.)
  spreadMark(mentions, (mention) => mention.team === true, (mention) => {
    if (!mention.fullName) asTeam(mention);
  });
  // An article that says once that a name is a work ("his last album, Genius Loves Company") means the work throughout.
  spreadMark(mentions, (mention) => mention.work === true, asWork);
  // "Roxy Music were formed in 1971" … "Roxy Music will appear": a first name's guess yields throughout.
  spreadMark(mentions, (mention) => mention.thing === true, (mention) => {
    if (isPersonByShape(mention)) asThing(mention, false);
  });
  spreadSaidKinds(mentions);
  // The type each name is given in the document; null where the document gives it two.
  const senses = new Map<string, EntityType | null>();
  const note = (name: string, type: EntityType) => senses.set(name, senses.has(name) && senses.get(name) !== type ? null : type);
  for (const mention of mentions) {
    const type = mention.place ? undefined : strongType(mention);
    if (!type) continue;
    note(withoutPossessive(mention.text), type);
    if (mention.acronym) note(mention.acronym, type);
  }
  for (const mention of mentions) {
    if (!isLoneWord(mention) || mention.place || mention.role || mention.fullName || strongType(mention)) continue;
    const type = senses.get(withoutPossessive(mention.text));
    if (type) mention.evidence = { ...mention.evidence, [type]: STRONG_VOTE };
  }
  return mentions;
}

/**
 * A one-word name that may name several things: a dictionary word ("Apple", "Arsenal", "Channel"),
 * initials ("IDS" is Incomes Data Services and Iain Duncan Smith), a word the lexicon knows as a
 * place or a person's name ("Malibu", "Chelsea"), or a town's name ("Luton": towns.ts). A coined name
 * ("TikTok", "Gazprom") names one thing.
 */
export function hasManySenses(name: string): boolean {
  const word = withoutPossessive(name).replace(/\./g, '');
  if (INITIALS.test(word) || isTownName(word)) return true;
  const lower = word.toLowerCase();
  return sensesOf(lower).length > 0 || lexiconTags(lower).some((tag) => /Place|City|Region|Country|Name|Person/.test(tag));
}
