/**
 * Who a speaker's words refer to: a mention inside them, else for a pronoun or a definite description
 * ("he said", "the company stated", "the Tory spokesman") the person or body the text is about at that
 * point. A reader takes "he" for the person the last sentences were about, and "the company" for the
 * company that spoke last or was named as that description; when nothing fits, no one is named.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { DescribedName } from './descriptions.ts';
import type { MentionIndex } from './mention-index.ts';

export function isMostly(mention: EntityMention, type: keyof EntityMention['evidence']): boolean {
  const weight = mention.evidence[type] ?? 0;
  return weight > 0 && !mention.place && Object.values(mention.evidence).every((other) => other <= weight);
}

const isPerson = (mention: EntityMention) => Boolean(mention.role) || isMostly(mention, 'person');

const DESCRIPTION_HEADS: Record<string, (mention: EntityMention) => boolean> = {
  company: (mention) => isMostly(mention, 'organization'),
  firm: (mention) => isMostly(mention, 'organization'),
  carmaker: (mention) => isMostly(mention, 'organization'),
  automaker: (mention) => isMostly(mention, 'organization'),
  department: (mention) => /department$/i.test(mention.text),
  ministry: (mention) => /^ministry/i.test(mention.text),
  agency: (mention) => /agency/i.test(mention.text),
  university: (mention) => /university/i.test(mention.text),
  government: (mention) => (mention.evidence.place ?? 0) > 0,
  giant: (mention) => isMostly(mention, 'organization'),
  // A watchdog audits or regulates: its name says so ("National Audit Office", "Financial Conduct Authority").
  watchdog: (mention) => /\b(?:audit|auditor|regulator|ombudsman|watchdog|commission|authority|inspectorate)\b/i.test(mention.text),
  union: (mention) => /\b(?:union|workers)\b/i.test(mention.text),
  // A station or broadcaster is named as one ("BBC Radio 2", "Capital FM", "Channel 4").
  station: (mention) => /\b(?:radio|fm|tv|television|channel|station)\b/i.test(mention.text),
  broadcaster: (mention) => /\b(?:radio|tv|television|channel|broadcasting)\b/i.test(mention.text),
};

/** Heads that any organisation fits. */
const BODY_HEADS = new Set(['company', 'firm', 'giant', 'carmaker', 'automaker']);

/** A spokesperson speaks for a body, so "the Tory spokesman" is a person, not the party named in it. */
const SPOKESPERSON = /\bspokes(?:man|woman|person)$/;
/** Role words that a title before a name also uses ("the Prime Minister", "the Communications Minister"). */
const ROLE_HEAD = /\b(?:minister|secretary|president|chancellor|chairman|chairwoman|chair|leader|director|commissioner|governor|mayor|treasurer|executive|spokes(?:man|woman|person))$/;

/** What the text is about where a sentence starts: who spoke last, and the person it was last about. */
export interface SpeakerContext {
  /** Where the sentence holding the words starts: an antecedent comes before it, not from the clause it introduces. */
  sentenceStart: number;
  /** The speaker of the last attribution, and the end of the sentence it spoke in. */
  lastSpeaker?: EntityMention;
  lastSpeakerUntil?: number;
  /** The person who last spoke or opened a sentence as its subject. */
  topic?: EntityMention;
  /** Descriptions the text itself gives a name ("The UN refugee agency (UNHCR)"). */
  described: readonly DescribedName[];
  /** A body the sentence names as a statement's source before its subject ("In a statement from Lycos Europe, the company …"). */
  source?: EntityMention;
}

export function resolveSpeaker(words: string, start: number, end: number, mentions: MentionIndex, context: SpeakerContext): EntityMention | undefined {
  const lower = words.toLowerCase().replace(/^the\s+/, '');
  // A place names the speaker only when it is the whole subject ("Britain said"): in "the U.K.
  // government" or "Hospitals in London" it is not who speaks.
  const named = mentions.inside(start, end);
  const inside = named.filter((mention) => !mention.place || words.replace(/^the\s+/i, '').replace(/[’']s$/, '') === mention.text);
  const person = inside.find(isPerson);
  if (person) return person;
  // "The Tory spokesman": a person of the party; the person the text is about, if any, else the words.
  if (SPOKESPERSON.test(lower) && /^the\s/i.test(words)) return context.topic;
  // "The U.K. government", "the British government": its own words name it, not an earlier mention.
  if (inside.length === 0 && named.length > 0) return undefined;
  if (inside.length > 0) return inside.filter((mention) => isMostly(mention, 'organization')).at(-1) ?? inside.at(-1);
  if (lower === 'he' || lower === 'she') return context.topic ?? mentions.lastEndingBy(context.sentenceStart, 'person', isPerson);
  // "It said": the body that spoke last, else the last organisation named before.
  if (lower === 'it') return latest(mentions, context, 'organization', (mention) => isMostly(mention, 'organization'), (mention) => !isPerson(mention));
  return resolveDescription(lower, mentions, context);
}

/**
 * A definite description: the name the text gives it, else the statement's source named in the same
 * sentence, else the last speaker if it fits, else the last mention before that fits its head.
 */
function resolveDescription(lower: string, mentions: MentionIndex, context: SpeakerContext): EntityMention | undefined {
  const words = lower.split(/\s+/);
  const head = words.at(-1)!;
  const linked = context.described.filter((link) => link.head === head && link.start < context.sentenceStart && words.slice(0, -1).every((word) => link.words.includes(word)));
  if (linked.length > 0) return linked.at(-1)!.mention;
  // "the Communications Minister": the person the text gave that title.
  if (ROLE_HEAD.test(lower)) return mentions.lastEndingBy(context.sentenceStart, `role:${lower}`, (mention) => Boolean(mention.role && ` ${mention.role.toLowerCase()}`.endsWith(` ${lower}`)));
  const fits = Object.hasOwn(DESCRIPTION_HEADS, head) ? DESCRIPTION_HEADS[head] : undefined;
  if (!fits) return undefined;
  if (context.source && !isPerson(context.source)) return context.source;
  // A body that speaks is an organisation even where its mention carries no evidence of type ("Meta's team said").
  const speakerFits = (mention: EntityMention) => fits(mention) || (BODY_HEADS.has(head) && !isPerson(mention) && !mention.place && !mention.evidence.place);
  return latest(mentions, context, head, fits, speakerFits) ?? mentions.first(head, fits);
}

/**
 * The last speaker when it fits and nothing that fits was named since, outside what it said ("Meta's team
 * said that … Facebook …. Instead, the tech giant says": Meta); else the last mention that fits.
 */
function latest(mentions: MentionIndex, context: SpeakerContext, name: string, fits: (mention: EntityMention) => boolean, speakerFits = fits): EntityMention | undefined {
  const last = mentions.lastEndingBy(context.sentenceStart, name, fits);
  const { lastSpeaker, lastSpeakerUntil = 0 } = context;
  if (lastSpeaker && speakerFits(lastSpeaker) && (!last || last.start < lastSpeakerUntil)) return lastSpeaker;
  return last;
}
