/** Word lists the entity finder reasons with: name heads, roles, and the context words that type a name. */

export type EntityType = 'person' | 'organization' | 'place' | 'initiative' | 'event' | 'law' | 'other';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'initiative', 'event', 'law', 'other'];

/** Last words that make a name an organisation. */
export const ORGANIZATION_HEADS = new Set([
  'party', 'department', 'university', 'ministry', 'agency', 'commission', 'council', 'bank', 'group', 'company', 'companies',
  'corporation', 'corp', 'inc', 'ltd', 'limited', 'llc', 'plc', 'association', 'institute', 'center', 'centre', 'committee', 'fund', 'office',
  'bureau', 'organization', 'organisation', 'union', 'alliance', 'forum', 'post', 'times', 'news', 'telecom', 'telekom', 'mobile',
  'studies', 'foundation', 'federation', 'school', 'college', 'academy', 'hospital', 'museum', 'gallery',
  'library', 'society', 'club', 'orchestra', 'court', 'congress', 'senate', 'parliament', 'government', 'administration', 'authority',
  'reserve', 'board', 'house', 'pentagon', 'media', 'press', 'journal', 'tribune', 'agence', 'systems',
  'technologies', 'technology', 'electric', 'electronics', 'communications', 'telecommunications', 'machine', 'motors', 'airlines',
  'airways', 'industries', 'holdings', 'partners', 'capital', 'labs', 'laboratory', 'laboratories', 'cloud', 'software', 'semiconductor', 'trade representative',
  'representative', 'nations', 'monetary', 'navy', 'army', 'police', 'service', 'services', 'team', 'trust', 'radio', 'television',
  'unit', 'league', 'division',
  // Studios, labels and publishers ("Samuel Goldwyn Films", "Shady Records", "Walt Disney Studios").
  'films', 'studios', 'pictures', 'records', 'productions',
]);

/** Last words that make a name a programme or initiative. */
export const INITIATIVE_HEADS = new Set(['initiative', 'program', 'programme', 'plan', 'path', 'project', 'strategy', 'campaign', 'network']);
export const EVENT_HEADS = new Set([
  'war', 'revolution', 'crisis', 'olympics', 'summit', 'election', 'pandemic', 'epidemic',
  // Contests and ceremonies: "Davis Cup", "Edinburgh Festival", "Brit Awards". A prize itself ("the
  // Golden Bear", "South Bank Award") is a thing given, not an event.
  'awards', 'cup', 'championship', 'championships', 'festival', 'tournament', 'marathon', 'lecture', 'lectures',
  // A meeting: "Game Developers Conference", "Conservative Party Conference".
  'conference',
]);
/** Heads of things given or made, which type nothing an entity is made of but say the name is no person's: "Hans Christian Andersen Award". */
export const THING_HEADS = new Set(['award', 'prize', 'trophy', 'medal', 'show', 'series', 'story', 'diary', 'diaries', 'chronicles', 'saga']);
export const LAW_HEADS = new Set(['act', 'law', 'agreement', 'arrangement', 'treaty', 'accord', 'order', 'code', 'convention', 'list', 'protocol', 'constitution']);

/**
 * Words that head a title or role before a name ("Secretary of State Michael Pompeo", "Telekom Albania
 * CEO Emil Georgakiev"). Lower-cased.
 */
export const ROLE_HEADS = new Set([
  'secretary', 'minister', 'president', 'ambassador', 'ceo', 'cfo', 'cto', 'chairman', 'chairwoman', 'chair', 'director', 'spokesperson',
  'spokesman', 'spokeswoman', 'senator', 'governor', 'premier', 'chancellor', 'commissioner', 'mayor', 'founder', 'king', 'queen',
  'prince', 'pope', 'general', 'admiral', 'judge', 'justice', 'professor', 'prof', 'dr', 'mr', 'mrs', 'ms', 'sir', 'lord', 'dame', 'rep', 'sen',
  'congressman', 'congresswoman', 'envoy', 'officer', 'head', 'leader', 'analyst', 'researcher', 'economist', 'adviser', 'advisor',
  'undersecretary', 'under-secretary', 'treasurer', 'coo', 'cio', 'attorney-general', 'secretary-general', 'coach',
  // Occupations and offices news writes before a name ("Actor Robert Blake", "referee Jonathan Kaplan", "Labour MP Eric Joyce").
  'actor', 'actress', 'singer', 'referee', 'striker', 'midfielder', 'defender', 'goalkeeper', 'captain', 'manager', 'boss',
  'rev', 'reverend', 'bishop', 'archbishop', 'rabbi', 'imam', 'cardinal', 'goalscorer', 'scorer', 'winger', 'skipper', 'full-back', 'fly-half', 'scrum-half', 'flanker', 'guitarist', 'drummer', 'bassist', 'presenter', 'comedian', 'novelist', 'poet', 'photographer', 'designer', 'chef', 'producer', 'dj',
  // A player's place in a draw ("eighth seed Max Mirnyi"), which no team has.
  'seed', 'qualifier',
  // Military ranks ("Lt Col Eric Schnaible"); not "Major", a surname and a league.
  'lt', 'lieutenant', 'col', 'colonel', 'gen', 'capt', 'sgt', 'corporal', 'brigadier',
  'mp', 'msp', 'mep', 'comptroller', 'democrat', 'republican', 'tory', 'conservative', 'lawyer', 'author', 'writer', 'director-general', 'inspector', 'detective', 'sergeant',
]);

/**
 * Role heads that end a title, never a name: a run ending in one with no name after it ("Communications
 * Minister", "Big Three CEO") is a title alone. ("Burger King", "Attorney General" aside.)
 */
export const TITLE_ENDS = new Set([
  'secretary', 'minister', 'president', 'ambassador', 'ceo', 'cfo', 'cto', 'coo', 'cio', 'chairman', 'chairwoman', 'director',
  'spokesperson', 'spokesman', 'spokeswoman', 'senator', 'governor', 'premier', 'chancellor', 'commissioner', 'mayor', 'treasurer',
  'undersecretary', 'under-secretary', 'envoy', 'economist', 'analyst', 'coach', 'archbishop',
]);
/** Words that may stand before a role head inside the role ("Under Secretary", "Foreign Minister"). */
export const ROLE_MODIFIERS = new Set(['crown', 'euro', 'rt', 'lt', 'lieutenant', 'detective', 'liberal', 'home', 'shadow', 'managing', 'under', 'deputy', 'vice', 'foreign', 'prime', 'chief', 'assistant', 'acting', 'former', 'first', 'senior', 'executive', 'general', 'attorney', 'defense', 'defence', 'trade', 'finance', 'interior', 'state']);

/**
 * Votes of this weight or more type a name: a gazetteer place, a head word, a first name, a title, an
 * appositive. Lighter votes are hints (a verb after the name, a tag of compromise's): "Chelsea said"
 * and "Tories claim" make no person.
 */
export const STRONG_VOTE = 3;
/** The most a name's shape gives a person: a first name's vote and a lexicon tag's ("Laura Ashley"); a title, a verb or an appositive give more. */
export const SHAPE_VOTES = 4;

/** Short words inside a name that give it no initial and are no word of a person's name ("Bank of England"). */
export const MINOR_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'to', '&', 'de']);

/** Particles that open a surname ("da Silva", "van Gaal", "Di Canio"); not "Al", "Le", "Ben", also first names. */
export const SURNAME_PARTICLES = new Set(['van', 'von', 'de', 'da', 'du', 'del', 'della', 'di', 'der', 'den', 'ten', 'ter', 'la']);

/** Connectors allowed inside a multi-word name. */
export const NAME_CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'van', 'von', 'da', 'del', 'la', 'and', '&', 'on', 'to']);

/** Capitalised words that are never names on their own. */
export const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'tomorrow', 'tonight', 'i', 'internet', 'web', 'ok',
  // Function words, which compromise sometimes tags as proper nouns when capitalised.
  'under', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'after', 'before', 'since', 'during', 'while', 'although',
  'because', 'however', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'their', 'his', 'her', 'our', 'we',
  'they', 'he', 'she', 'you', 'there', 'here', 'according', 'also', 'but', 'and', 'or', 'so', 'if', 'then', 'thus', 'yet',
  'still', 'even', 'only', 'all', 'some', 'many', 'most', 'such', 'both', 'each', 'every', 'other', 'another', 'one', 'no', 'not',
]);

/** Plural nouns that, before "such as", "like" or "including", make the listed names organisations or places. */
export const ORGANIZATION_NOUNS = new Set([
  'company', 'companies', 'firm', 'firms', 'vendor', 'vendors', 'supplier', 'suppliers', 'operator', 'operators', 'carrier', 'carriers',
  'giant', 'giants', 'manufacturer', 'manufacturers', 'provider', 'providers', 'maker', 'makers', 'business', 'businesses', 'bank',
  'banks', 'university', 'universities', 'agency', 'agencies', 'organization', 'organizations', 'organisation', 'organisations',
  'institution', 'institutions', 'group', 'groups', 'corporation', 'corporations', 'enterprise', 'enterprises', 'telecoms', 'media',
  'outlet', 'outlets', 'newspaper', 'newspapers', 'broadcaster', 'subsidiary', 'owner', 'startup', 'startups', 'tank', 'app',
  'apps', 'application', 'applications', 'platform', 'platforms', 'network', 'networks', 'party', 'parties',
  'lender', 'lenders', 'insurer', 'insurers', 'airline', 'airlines', 'housebuilder', 'housebuilders', 'carmaker', 'carmakers',
  'chipmaker', 'chipmakers', 'drugmaker', 'drugmakers', 'chain', 'chains', 'studio', 'studios', 'label', 'labels',
]);
/** Last words that make a name a place: a building, a street, a park ("Windsor Castle", "Hart Plaza", "Victoria Park"). */
export const PLACE_HEADS = new Set([
  'castle', 'palace', 'park', 'square', 'plaza', 'street', 'road', 'avenue', 'bridge', 'stadium', 'arena', 'airport', 'station',
  'church', 'cathedral', 'abbey', 'island', 'islands', 'river', 'lake', 'mountain', 'mountains', 'valley', 'county', 'province',
  'sea', 'ocean', 'gulf', 'bay', 'coast',
  // A venue is a place: "Victoria Palace Theatre".
  'theatre', 'theater',
]);

/** Titles that say only how to address a person ("Mr Blair"), not what office they hold. Lower-cased, with and without the dot. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'dame', 'mr.', 'mrs.', 'ms.', 'dr.']);

/** Honours written after a name ("William Haughey OBE"): not part of it. */
export const HONOURS = new Set(['obe', 'mbe', 'cbe', 'kbe', 'dbe', 'qc', 'kc', 'phd', 'mp', 'msp', 'mep']);

/**
 * Common nouns that a name modifies, which say what it is: "the Beverly Hilton hotel", "Sal Oppenheim
 * investment bank", "the Agnelli family", "Malibu rum". A venue is a place; a family or a product names no entity.
 */
/** A club's people after its town's name ("Liverpool striker"), which a person's name takes too ("Robbie Williams fans"). */
export const FOLLOWERS = ['manager', 'boss', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'fans', 'supporters', 'squad'] as const;

/** Nouns after a country's name that make it its team: "Wales coach", "England captain", "the Zambia side". */
export const TEAM_NOUNS = new Set<string>([...FOLLOWERS, 'coach', 'captain', 'team', 'side', 'prop', 'fly-half', 'scrum-half', 'lock', 'flanker', 'centre', 'wing', 'full-back', 'skipper']);

export const KIND_AFTER: Record<string, 'organization' | 'place' | 'initiative' | 'other'> = {
  ...Object.fromEntries(FOLLOWERS.map((noun) => [noun, 'organization' as const])),
  bank: 'organization', firm: 'organization', company: 'organization', chain: 'organization', airline: 'organization',
  carrier: 'organization', retailer: 'organization', brewer: 'organization', insurer: 'organization',
  hotel: 'place', restaurant: 'place', theatre: 'place', stadium: 'place', prison: 'place', airport: 'place',
  family: 'other', dynasty: 'other', clan: 'other', awards: 'other', award: 'other', prize: 'other', initiative: 'initiative', scheme: 'initiative',
  // A work after a name that is not a person's ("the Countryfile programme", "Brookside soap"): in news a
  // programme after a name is mostly a broadcast one ("told the BBC's Newsnight programme").
  ...Object.fromEntries(['film', 'movie', 'album', 'novel', 'sitcom', 'soap', 'musical', 'documentary', 'biopic', 'programme'].map((noun) => [noun, 'other' as const])),
  brand: 'other', rum: 'other', vodka: 'other', whisky: 'other', brandy: 'other', beer: 'other', lager: 'other', software: 'other', game: 'other', console: 'other',
};

/**
 * Nouns for works and products that, right before a name, say what it is: "the musical Billy Elliot",
 * "his last album, Genius Loves Company". A work is no entity of ours, whatever its words suggest. Not
 * words that are as often verbs or a match's ("play", "show", "game", "title", "series").
 */
export const WORK_NOUNS = new Set([
  'film', 'movie', 'album', 'single', 'song', 'novel', 'book', 'sitcom', 'soap', 'drama', 'documentary', 'musical', 'opera',
  'comedy', 'thriller', 'biopic', 'brand', 'tale', 'sequel', 'epic', 'blockbuster', 'cartoon', 'franchise', 'poem', 'painting', 'ballad', 'anthem',
  // A product's working name: "the next Xbox console - codenamed Xenon".
  'codenamed', 'code-named',
]);
/** Their plurals, which say it of a list they open: "games such as Populous, Theme Park and Dungeon Keeper". */
export const WORK_NOUNS_PLURAL = new Set([
  'films', 'movies', 'albums', 'singles', 'songs', 'novels', 'books', 'sitcoms', 'soaps', 'dramas', 'documentaries', 'musicals',
  'operas', 'comedies', 'thrillers', 'brands', 'tales', 'sequels', 'epics', 'blockbusters', 'cartoons', 'franchises', 'poems', 'paintings', 'ballads', 'anthems', 'games', 'titles', 'shows', 'series', 'programmes', 'products', 'software',
]);

export const PLACE_NOUNS = new Set(['country', 'countries', 'nation', 'nations', 'state', 'states', 'city', 'cities', 'region', 'regions', 'capital', 'province', 'provinces']);

/** Acronyms of common nouns, not names: "IT vendors", "GDP", "5G". Lower-cased. */
export const COMMON_ACRONYMS = new Set(['it', 'ict', 'ai', 'gdp', 'tv', 'pc', 'id', 'ip', 'iot', 'usb', 'hq', 'ok', 'am', 'pm', 'vpn', 'api', 'faq', 'dna', 'gps', 'sms', 'pdf', 'cnc', 'ngo', 'covid', 'sim', 'esim', 'isp', 'b2b', 'ipo']);

/** Reporting verbs: their subject may be a person or an organisation. */
export const SPEECH_VERBS = new Set(['said', 'says', 'stated', 'announced', 'claimed', 'denied', 'argued', 'reported', 'believes', 'believe', 'insisted', 'confirmed']);

/** Verbs whose subject is usually a person. */
export const HUMAN_VERBS = new Set(['met', 'visited', 'discussed', 'added', 'told', 'spoke', 'urged', 'tweeted', 'mentioned', 'explained', 'invited', 'welcomed', 'warned', 'stressed', 'noted', 'argued', 'wrote', 'travelled', 'traveled', 'smiled']);

/** A head word of any kind of name ("Group", "Act", "Initiative", "Summit"). */
export const isAnyHead = (word: string) => ORGANIZATION_HEADS.has(word) || INITIATIVE_HEADS.has(word) || LAW_HEADS.has(word) || EVENT_HEADS.has(word);

/** The types a mention's strong votes give. */
export const strongTypesOf = (evidence: Partial<Record<EntityType, number>>) =>
  Object.entries(evidence).filter(([, weight]) => weight >= STRONG_VOTE).map(([type]) => type as EntityType);
