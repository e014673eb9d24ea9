/**
 * What each number in a sentence is, decided before anything treats it as a figure. The rules are tried
 * in order and the first that applies decides; each is named and says why in one line, so a rule is
 * found and changed here alone. Only levels, changes, shares and durations become figures.
 */
import type { NumberPhrase } from './numbers.ts';

export type NumberType = 'level' | 'change' | 'rate' | 'share' | 'duration' | 'rank' | 'score' | 'date' | 'identifier' | 'other';
export type Direction = 'up' | 'down';

/** The number types stored as figures. */
export const FIGURE_TYPES: ReadonlySet<NumberType> = new Set(['level', 'change', 'share', 'duration']);

/** A number where it stands in its sentence, with what the rest of the pipeline knows about the spot. */
export interface NumberSite {
  sentence: string;
  phrase: NumberPhrase;
  /** The number overlaps a date that extract-dates found. */
  inDate: boolean;
  /** The number and the noun after it are used as a name elsewhere in the document ("a 301 investigation"). */
  namedElsewhere: boolean;
  /** The sentence's tagger reads a noun right after the number. */
  nounFollows: boolean;
  /** The sentence opens a paragraph (a number there followed by "." is list numbering). */
  opensParagraph: boolean;
  /** The type of the number just before in the sentence, and the text between the two. */
  previous?: { type: NumberType; between: string };
}

export interface Classified {
  type: NumberType;
  /** The rule that decided. */
  rule: string;
  direction?: Direction;
  /** A unit the rule knows better than the number's own ("year" for an age or a span of years). */
  unit?: string;
  /** What is counted, when the rule knows it ("age" for "a 35-year-old"). */
  counted?: string;
}

interface Rule {
  name: string;
  why: string;
  test(site: View): Omit<Classified, 'rule'> | undefined;
}

/** The site with the text around the number, worked out once. */
interface View extends NumberSite {
  /** Up to 80 characters before the number, and the rest of the sentence after it. */
  before: string;
  after: string;
  /** The next word after the number, lower case. */
  next: string;
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`;
/** A month right after a day number ("5 May", "12th of March"), right before one ("May 5"), or starting a word. */
// The suffix stands between the two runs of spaces, so no run of spaces can be split two ways.
const MONTH_AFTER_DAY = new RegExp(String.raw`^(?:\s*(?:st|nd|rd|th))?\s+(?:of\s+)?${MONTH}`);
const MONTH_BEFORE_DAY = new RegExp(String.raw`${MONTH}\.?\s+$`);
const MONTH_START = new RegExp(`^${MONTH}`);
const TIME_UNIT = /^(?:year|month|week|day|hour|minute|second|decade|century|centurie|fortnight|night|term|season|quarter)s?$/;
const TIME_UNIT_AFTER = /^\+?[\s-](?:an?\s+)?(year|month|week|day|hour|minute|second|decade|centur(?:y|ies)|fortnight|night|term)s?\b/i;
/** Qualifier words that may stand between a verb or noun and its number ("rose by more than 40%"). */
const QUALIFIER_WORDS = String.raw`(?:(?:by|of|some|about|around|nearly|almost|roughly|just|only|more than|less than|over|under|at least|up to|an estimated|a further|another|a|an)\s+)*`;

const UP_WORDS = 'rose|rise|rises|risen|rising|up|spike|spiked|gained|gain|gains|climbed|climb|jumped|jump|jumps|surged|surge|soared|increased|increase|increases|increasing|grew|grow|grows|growth|raised|raise|boosted|boost|lifted|added|higher|rally|rallied|edged up|hike|more';
const DOWN_WORDS = 'fell|fall|falls|fallen|falling|down|dropped|drop|drops|declined|decline|declines|lost|lose|loses|losing|slipped|slip|slid|slide|plunged|plunge|tumbled|tumble|decreased|decrease|shrank|shrunk|shrink|cut|cuts|shed|reduced|reduce|reduction|lower|lowered|slump|slumped|edged down|less|fewer|dipped|dip|sank|eased';
const DIRECTION_WORDS = `${UP_WORDS}|${DOWN_WORDS}`;
const UP = new RegExp(`^(?:${UP_WORDS})$`, 'i');
/** A change verb or noun right before the number: "rose 5%", "fell by $28.63", "an increase of 9%", "down 10%". */
const CHANGE_BEFORE = new RegExp(String.raw`\b(${DIRECTION_WORDS})\s+${QUALIFIER_WORDS}$`, 'i');
/** A change noun right after the number: "a 9% increase", "a 0.2% slip", "7% GDP growth", "£60bn more". */
const CHANGE_AFTER = /^(?:\/[a-z]+)?(?:\s+(?!of\b|in\b|to\b|and\b|or\b|a\b|the\b|than\b|on\b|for\b)[a-z]+)?\s+(increases?|rises?|raises?|falls?|drops?|declines?|surge|slip|gains?|jump|cuts?|growth|reduction|boost|hikes?|slump|plunge|rally|spike|(?:more|less|higher|lower)(?=\s+than\b|\s*[,.;:)"”]|\s*$)|weight gain|pay rise|pay cut)\b/i;
/** Verbs of change that take "by N" further back in the clause: "boost its profits by more than 40%". */
const CHANGE_BY = new RegExp(String.raw`\b(${DIRECTION_WORDS}|boosts?|lift(?:s|ed)?|expand(?:s|ed)?|trim(?:s|med)?|narrow(?:s|ed)?|widen(?:s|ed)?)\b[^,;.]{0,40}\bby\s+${QUALIFIER_WORDS}$`, 'i');
/** A verb of amounting right before the number: "totaling 23 percent", "worth 5%", "that could reach 20 percent". */
const AMOUNTING = /\b(?:totall?ing|amounting to|worth|of up to|(?:that|which)\s+(?:could|would|will|may|might)\s+reach)\s+(?:(?:at least|about|around|nearly|almost|some|more than|up to)\s+)?$/i;
const CHANGE_NOUN = /\b(raises?|increases?|rises?|hikes?|cuts?|reductions?|gains?|losses)\b/gi;

/**
 * The noun of change that an amounting verb before the number measures: right before the verb ("raises
 * totaling 23 percent", "an increase that could reach 20 percent"), or with a short prepositional phrase
 * between, within the clause ("increases in each year of the contract totaling 14.5%").
 */
function changeNounAmounting(before: string): string | undefined {
  const verb = AMOUNTING.exec(before);
  if (!verb) return undefined;
  const lead = before.slice(Math.max(0, verb.index - 45), verb.index);
  const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf('.')) + 1);
  const noun = [...clause.matchAll(CHANGE_NOUN)].at(-1);
  if (!noun) return undefined;
  const between = clause.slice(noun.index + noun[0].length);
  return /^\s*$/.test(between) || /^\s+(?:in|of|for|over)\s/i.test(between) ? noun[1] : undefined;
}
/** A direction word that names a level reached, not an amount: "rose to 5%", "down to 12". */
const REACHED = /\b(?:to|at|of|from)\s+(?:(?:about|around|nearly|almost|some|just|only|more than|less than|over|under|below|above)\s+)?$/i;
/** What makes a percentage a rate: "an annual rate of 2.4%", "paying 5.35%", "growth target of 3.1%". */
const RATE_BEFORE = /\b(?:rates?|interest|yield|yielding|paying|pays|charging|charges|apr|coupon|target|inflation|tax|vat|levy|duty|tariffs?)\b(?:\s+(?:of|at|is|was|to|stood at|stands at|remains?|remained|rose to|fell to|will be|has been|set at)){0,2}(?:\s+(?:about|around|nearly|almost|some|just|only|more than|less than|over|under|below|above))?\s+$/i;
const RATE_AFTER = /^\s+(?:a year|per year|per annum|a month|per month|annually|annual|interest|rate|tax|yield|inflation|(?:growth|interest|tax|inflation|unemployment|jobless|mortgage|base) rate)\b/i;
/** What makes a number a share: its whole after "of", or a stake ("an 18.8% stake"), or "accounting for". */
const SHARE_OF = /^\s*(?:\+\s*)?(?:\([^)]{0,20}\)\s*)?of\s+(?:(?:the|its|their|his|her|our|your|those|these|all|every|each|whom|which|them|us|it|this|that|a|an)\b|[\p{Lu}\d])/iu;
const STAKE = /^\s+(?:[a-z]+\s+)?(?:stake|share|shareholding|holding|slice|interest)\b/i;
const ACCOUNTING_FOR = /\b(?:accounting for|accounts? for|accounted for|makes? up|made up|representing|represents?|represented)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+|over\s+|more than\s+)?$/i;
const N_IN_M = /^\s+(?:[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(?:\d|two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred)/i;
/** A result, a margin of victory: "won by two points", "by 297 votes to 203". */
const RESULT_BY = /\b(?:won|win|wins|lost|lose|loses|beat|beaten|defeated|losing|winning|trail(?:ed|ing)?|led|lead|leading)\s+(?:\w+\s+){0,3}by\s+$/i;
/** A number-word written with a capital inside a sentence, before another capitalised word: "Six Nations", "Five Live". */
const CAPITALISED_NAME_AFTER = /^\s+\p{Lu}[\p{L}]+/u;
/** Capitalised words that may stand before a number without naming anything. */
const FUNCTION_WORD = /^(?:More|Over|About|Nearly|Almost|Some|Just|Only|Around|Approximately|In|On|By|At|To|For|With|From|Of|Under|Since|After|Before|All|The|These|Those|Its|Their|His|Her|Our|And|But|Or|Roughly|Exactly|Another|Between|Up|Down|Than|Some|Top|Aged|Mr|Mrs|Ms|Dr)$/;

const lower = (text: string) => text.toLowerCase();
const direction = (word: string): 'up' | 'down' => (UP.test(word.trim()) ? 'up' : 'down');

/** The rules, in the order they are tried. */
export const RULES: Rule[] = [
  {
    name: 'citation',
    why: 'a number in square brackets is a reference mark ("[2]"), never a quantity',
    test: ({ before, after }) => (/\[\s*$/.test(before) && /^\s*\]/.test(after) ? { type: 'identifier' } : undefined),
  },
  {
    name: 'date-mention',
    why: 'extract-dates read the number as part of a date ("12 March", "March 2002")',
    test: ({ inDate }) => (inDate ? { type: 'date' } : undefined),
  },
  {
    name: 'year',
    why: 'a bare four-digit number from 1500 to 2099 is a year ("since 2003", "the 2005 version"); so is "\'93"',
    test: ({ phrase, before }) => {
      if (phrase.words || phrase.unit !== 'count' || !Number.isInteger(phrase.value)) return undefined;
      if (phrase.value >= 1500 && phrase.value <= 2099 && /^\d{4}$/.test(phrase.text.slice(0, 4)) && phrase.paired === undefined) return { type: 'date' };
      if (phrase.paired !== undefined && phrase.value >= 1500 && phrase.value <= 2099) return { type: 'date' };
      return /[’']$/.test(before) && /^\d\d$/.test(phrase.text) ? { type: 'date' } : undefined;
    },
  },
  {
    name: 'day-of-month',
    why: 'a number from 1 to 31 beside a month name is a day ("5 May", "May 5"), whether or not extract-dates read it',
    test: ({ phrase, before, after }) => {
      if (phrase.words || phrase.unit !== 'count' || phrase.value < 1 || phrase.value > 31) return undefined;
      return MONTH_AFTER_DAY.test(after) || MONTH_BEFORE_DAY.test(before) ? { type: 'date' } : undefined;
    },
  },
  {
    name: 'time-of-day',
    why: 'a number before am, pm, GMT or o\'clock is a time ("10am", "6pm")',
    test: ({ after, phrase }) => (!phrase.words && /^\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|o'clock|hrs)\b/i.test(after) ? { type: 'date' } : undefined),
  },
  {
    name: 'slash-date',
    why: '"9/11" names the attacks of 11 September 2001 (or a title after a name: "Fahrenheit 9/11")',
    test: ({ phrase }) => (phrase.slashed && phrase.text === '9/11' ? { type: 'date' } : undefined),
  },
  {
    name: 'slash-ratio',
    why: 'a slash fraction of a stated whole is a share ("2/3 of the world\'s GDP"); without one it is odds or a ratio, not a figure',
    test: ({ phrase, after }) => (phrase.slashed ? (SHARE_OF.test(after) ? { type: 'share' } : { type: 'other' }) : undefined),
  },
  {
    name: 'age',
    why: 'an age is a level in years of what is aged: "a 35-year-old", "aged 31", "at the age of 80", "Kenteris, 31,"',
    test: ({ before, after, phrase }) => {
      if (phrase.unit !== 'count' || phrase.value > 130) return undefined;
      if (/^-year-olds?\b|^\s+years?\s+old\b|^(?:-|\s+)years?[-\s]olds\b/i.test(after) || /\b(?:aged|age of|ages of)\s+(?:between\s+)?$/i.test(before)) return { type: 'level', unit: 'year', counted: 'age' };
      return /\p{Lu}[\p{L}'’-]+,\s+$/u.test(before) && /^,/.test(after) && Number.isInteger(phrase.value) && phrase.value >= 15 && phrase.value <= 110 && !phrase.words ? { type: 'level', unit: 'year', counted: 'age' } : undefined;
    },
  },
  {
    name: 'dash-pair-range',
    why: 'two numbers joined by a dash before a unit are a range ("14-16 year olds", "2-3%", "10-15 people")',
    test: ({ phrase, after, nounFollows }) => (phrase.paired !== undefined && phrase.paired > phrase.value && !/^\s+\d/.test(after) && (phrase.unit === 'percent' || TIME_UNIT_AFTER.test(after) || nounFollows) && !/^\s+(?:win|victory|defeat|draw|lead|home|away|scoreline|result|loss|thrashing|success)\b/i.test(after) ? { type: 'level' } : undefined),
  },
  {
    name: 'dash-pair-score',
    why: 'any other two numbers joined by a dash are a score or a result ("19-13", "won 2-1", "a 3-0 win", "5-7 6-1")',
    test: ({ phrase }) => (phrase.paired !== undefined ? { type: 'score' } : undefined),
  },
  {
    name: 'set-score',
    why: 'a number after a score, or a set score\'s parts, belong to the score ("6-1 3-1 0-30")',
    test: ({ before, phrase }) => (!phrase.words && phrase.unit === 'count' && /\d\s?[-–]\s?\d+\s+$/.test(before) && /^\d{1,2}$/.test(phrase.text) ? { type: 'score' } : undefined),
  },
  {
    name: 'result-margin',
    why: 'a margin of victory or defeat is a result ("lost by two points", "won by 297 votes to 203")',
    test: ({ before, after, phrase }) => (phrase.unit === 'count' && (RESULT_BY.test(before) || (/\bby\s+$/.test(before) && /^\s+votes?\s+to\s+\d/.test(after))) ? { type: 'score' } : undefined),
  },
  {
    name: 'rank',
    why: 'a position: "number nine", "No 1", "top 10" with nothing counted after it, "ranked 12", "seeded 3"',
    test: ({ before, phrase, nounFollows }) => {
      if (phrase.unit !== 'count') return undefined;
      if (/\b(?:number|no\.?|ranked|seeded|placed|rank|position)\s+$/i.test(before)) return /\bNo\.?\s+$/.test(before) && !/\bnumber\s+$/i.test(before) ? { type: 'identifier' } : { type: 'rank' };
      return /\btop\s+$/i.test(before) && !nounFollows ? { type: 'rank' } : undefined;
    },
  },
  {
    name: 'race-event',
    why: 'a race distance in metres names the event ("the 800m", "60m hurdles")',
    test: ({ phrase }) => (phrase.glued && phrase.unit === 'metre' ? { type: 'identifier' } : undefined),
  },
  {
    name: 'name-before',
    why: 'a count right after a capitalised name word is part of the name ("Section 889", "FTSE 100", "Windows 95", "Radio 4", "Ocean\'s 12 fell")',
    test: ({ before, after, phrase, nounFollows }) => {
      if (phrase.unit !== 'count' || phrase.words || /[.,]\d|\d{1,3},\d{3}/.test(phrase.text) || phrase.value >= 1e6) return undefined;
      const previous = /(\p{Lu}[\p{L}.&]*(?:[’']s)?) $/u.exec(before)?.[1];
      if (!previous || FUNCTION_WORD.test(previous) || MONTH_START.test(previous)) return undefined;
      // "Britain's 750 hereditary peers": a count after a possessive counts the plural after it ("Ocean's 12 fell" is a title).
      return /[’']s$/.test(previous) && nounFollows && /^\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+s\b/u.test(after) ? undefined : { type: 'identifier' };
    },
  },
  {
    name: 'capitalised-number-word',
    why: 'a number word written with a capital inside a sentence, and counting no noun after it, is a name ("Six Nations", "Five Live", "BBC Two", "deals with Seven, Junkee")',
    test: ({ phrase, before, after, nounFollows }) => (phrase.words && /^\p{Lu}/u.test(phrase.text) && /\S/.test(before) && !/(?:[.!?:"“‘(\[-]|^)\s*$/.test(before) && (CAPITALISED_NAME_AFTER.test(after) || /\p{Lu}\p{L}* $/u.test(before) || !nounFollows) ? { type: 'identifier' } : undefined),
  },
  {
    name: 'name-after',
    why: 'digits before a capitalised possessive are part of a name ("50 Cent\'s"): a count would take a plural noun',
    test: ({ phrase, after }) => (phrase.unit === 'count' && !phrase.words && /^\s+\p{Lu}\p{L}+[’']s\b/u.test(after) ? { type: 'identifier' } : undefined),
  },
  {
    name: 'named-elsewhere',
    why: 'the number and its noun are used as a name in the document ("a 301 investigation")',
    test: ({ namedElsewhere }) => (namedElsewhere ? { type: 'identifier' } : undefined),
  },
  {
    name: 'listed-with-name',
    why: 'a number listed right after a name\'s number is a name too ("Questions 395 and 398", "Windows 95, 98")',
    test: ({ previous, phrase }) => (previous?.type === 'identifier' && /^\s*(?:,|and|or|&)\s*$/.test(previous.between) && phrase.unit === 'count' ? { type: 'identifier' } : undefined),
  },
  {
    name: 'position-in-sequence',
    why: 'a number after a noun of sequence is a position ("day six of the strike", "round 3", "stage 12")',
    test: ({ before, phrase }) => (phrase.unit === 'count' && /\b(?:day|week|round|stage|game|match|chapter|page|phase|level|act|episode|step|leg|lap|hole|grade|tier|article|clause|paragraph|question|item|line|room|gate|platform|channel|route|flight|junction|exit|highway|interstate)\s+$/i.test(before) ? { type: 'rank' } : undefined),
  },
  {
    name: 'list-numbering',
    why: 'a number opening a sentence or paragraph and followed by "." or ")" numbers a list item',
    test: ({ phrase, after, before, opensParagraph }) => (/^[.)]\s/.test(after) && (opensParagraph || /^\s*$/.test(before)) && phrase.unit === 'count' ? { type: 'identifier' } : undefined),
  },
  {
    name: 'dash-compound',
    why: 'a number joined to a word by a dash names a kind of thing, not a count of it ("a 56-point deal" excepted: a number of parts is a level)',
    test: ({ after, phrase }) => {
      const compound = /^-(\p{L}+)/u.exec(after)?.[1];
      if (!compound || phrase.unit !== 'count') return undefined;
      if (TIME_UNIT.test(lower(compound))) return { type: 'duration', unit: lower(compound).replace(/s$/, '') };
      return /^(?:yard|metre|meter|mile|foot|inch|km|point|page|seat|storey|man|member|nation|country|team|player|track|bed|room|part|piece)s?$/i.test(compound) ? { type: 'level', counted: lower(compound).replace(/s$/, '') } : { type: 'other' };
    },
  },
  {
    name: 'duration',
    why: 'a number of time units is a length of time ("three weeks", "for 10 years", "in two months")',
    test: ({ after, phrase }) => {
      // "four from eight years", "two or three weeks": a count joined to a length of time shares its unit.
      const shared = /^\s+(?:from|to|or|and)\s+[\w.,]+\s+(years?|months?|weeks?|days?|hours?|minutes?)\b/i.exec(after)?.[1];
      const unit = phrase.unit === 'count' || phrase.unit === 'fraction' ? (TIME_UNIT_AFTER.exec(after)?.[1] ?? (phrase.unit === 'count' ? shared : undefined)) : undefined;
      if (!unit) return undefined;
      return { type: 'duration', unit: lower(unit).replace(/ies$/, 'y').replace(/s$/, '') };
    },
  },
  {
    name: 'rate',
    why: 'an interest, tax, growth or inflation rate holds over a period: "an annual rate of 2.4%", "paying 5.35%", "3% a year"',
    test: ({ phrase, before, after }) => (phrase.unit === 'percent' && (RATE_BEFORE.test(before) || RATE_AFTER.test(after)) ? { type: 'rate' } : undefined),
  },
  {
    name: 'change-before',
    why: 'the amount after a verb or noun of change is a change ("rose 5%", "fell $28.63 to", "down 10%", "an increase of 9%", "lost 5% of its value")',
    test: ({ before, phrase }) => {
      const amounting = changeNounAmounting(before);
      if (amounting) return { type: 'change', direction: /^(?:cut|reduction|loss)/i.test(amounting) ? 'down' : 'up' };
      const match = CHANGE_BEFORE.exec(before);
      if (!match || REACHED.test(before) || /\bup\s+to\s+$/i.test(before)) return undefined;
      if (/^(?:more|less|fewer|higher|lower)$/i.test(match[1]!) || ACCOUNTING_FOR.test(before)) return undefined;
      if (/^up$/i.test(match[1]!) && /\b(?:make|makes|made|making|set|sets|pick|picks|picked|take|takes|took|taken|sum|sums|summed|open|opened)\s+up\s+/i.test(before)) return undefined;
      // "will lose £10m": an amount lost is a level (a loss), unless a price or a holding moved.
      if (/^(?:lost|lose|loses|losing)$/i.test(match[1]!) && phrase.unit !== 'percent' && !/\b(?:shares?|stocks?|price|index|dollar|pound|euro|yen|currency|value)\b/i.test(before)) return undefined;
      // "picked up two awards", "set up 5 firms": up and down before a bare count are particles, unless a price or index moved.
      if (/^(?:up|down)$/i.test(match[1]!) && phrase.unit === 'count' && !/\b(?:is|are|was|were|be|been|closed|ended|finished|close|end|finish|shares?|index|points?)\s+(?:up|down)\s+$/i.test(before)) return undefined;
      return { type: 'change', direction: direction(match[1]!) };
    },
  },
  {
    name: 'change-after',
    why: 'an amount before a noun of change is a change ("a 9% increase", "a 0.2% slip", "his 25lb weight gain", "£60bn more")',
    test: ({ after }) => {
      if (/^\s+times\b/i.test(after)) return undefined;
      const match = CHANGE_AFTER.exec(after);
      return match ? { type: 'change', direction: direction(match[1]!.split(' ').at(-1)!) } : undefined;
    },
  },
  {
    name: 'change-by',
    why: '"by N" after a verb of change earlier in the clause is the amount of the change ("boost its profits by more than 40%")',
    test: ({ before, phrase }) => {
      const match = phrase.unit !== 'count' ? CHANGE_BY.exec(before) : undefined;
      return match ? { type: 'change', direction: /^(?:trim|narrow)/i.test(match[1]!) ? 'down' : /^(?:boost|lift|expand|widen)/i.test(match[1]!) ? 'up' : direction(match[1]!) } : undefined;
    },
  },
  {
    name: 'share-of-whole',
    why: 'a percentage, fraction or count of a stated whole is a share ("12% of the vote", "two of The Aviator\'s four producers", "half of voters")',
    test: ({ phrase, after }) => {
      if (!SHARE_OF.test(after)) return undefined;
      if (phrase.unit === 'percent' || phrase.unit === 'fraction' || phrase.unit === 'ratio') return { type: 'share' };
      // A count "of the …" is a part of that whole; of something else ("100 hours of interviews") it is a level.
      return phrase.unit === 'count' && /^\s*of\s+(?:the|its|their|his|her|our|those|these|whom|which|them|us|\p{Lu}\p{L}*[’']s?)\b/iu.test(after) ? { type: 'share' } : undefined;
    },
  },
  {
    name: 'share-stake',
    why: 'a percentage stake or share in something is a share ("an 18.8% stake", "an 87% share of the market")',
    test: ({ phrase, after, before }) => (phrase.unit === 'percent' && (STAKE.test(after) || ACCOUNTING_FOR.test(before)) ? { type: 'share' } : undefined),
  },
  {
    name: 'share-n-in-m',
    why: 'the part in "two in five", "64 out of 146" is a share',
    test: ({ phrase, after }) => (phrase.unit === 'count' && N_IN_M.test(after) ? { type: 'share' } : undefined),
  },
  {
    name: 'idiom',
    why: 'a bare "half" before a noun of feeling or a part of a match is no quantity ("half expectations", "first-half")',
    test: ({ phrase, before, next }) => (phrase.unit === 'fraction' && /^half$/i.test(phrase.text) && (/\p{L}-$/u.test(before) || /^(?:expectations?|hearted|measures?|chance|time|way|term|hour)$/.test(next)) ? { type: 'other' } : undefined),
  },
  {
    name: 'level',
    why: 'any other number is a count or a measure of something',
    test: () => ({ type: 'level' }),
  },
];

/** The type of the number at `site`, with the rule that decided it. */
export function classifyNumber(site: NumberSite): Classified {
  const start = site.phrase.start;
  const after = site.sentence.slice(site.phrase.end);
  const view: View = { ...site, before: site.sentence.slice(Math.max(0, start - 80), start), after, next: /^\s+([\p{L}-]+)/u.exec(after)?.[1]?.toLowerCase() ?? '' };
  for (const rule of RULES) {
    const found = rule.test(view);
    if (found) return { ...found, rule: rule.name };
  }
  return { type: 'level', rule: 'level' };
}

/** The patterns this module builds from word lists, for the test that checks every pattern for backtracking. */
export const NUMBER_TYPE_PATTERNS: readonly RegExp[] = [UP, CHANGE_BEFORE, CHANGE_BY, MONTH_AFTER_DAY, MONTH_BEFORE_DAY, MONTH_START];
