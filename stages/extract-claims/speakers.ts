/**
 * Who speaks each sentence of a document, read in order: the sentence's own attribution, else the
 * quotation it continues (after a colon, in the same paragraph, or carried over paragraphs), else the
 * document's declared author or own voice, else the author of the report it summarises. Keeps what a
 * reader keeps in mind to resolve "he" and "the company": who spoke last and whom the text is about.
 */
import type { EntityMention } from '../extract-entities/mentions.ts';
import type { ParsedSentence } from '../parse/index.ts';
import type { Attribution, QuoteSpan } from './attribution.ts';
import type { DeclaredAuthor } from './author.ts';
import { describedNames, type DescribedName } from './descriptions.ts';
import type { MentionIndex } from './mention-index.ts';
import { isMostly, resolveSpeaker } from './resolve.ts';

/** "We", "our": an organisation speaking of itself. */
const FIRST_PERSON_PLURAL = /\b(?:[Ww]e|[Oo]ur|us)\b/;

export interface SentenceSpeaker {
  speaker?: EntityMention;
  /** Who it is, as a name: the speaker mention's text, or the words that name it. */
  speakerText?: string;
  verb?: string;
  /** The document's own voice (its declared author, an organisation's "we"), not an attribution. */
  voiced: boolean;
  /** A quotation carried over from an earlier paragraph: it has a speaker but names no source itself. */
  carried: boolean;
}

interface Quoted {
  mention?: EntityMention;
  words?: string;
  verb: string;
}

const isPerson = (mention: EntityMention) => Boolean(mention.role) || isMostly(mention, 'person');

export class Speakers {
  private lastSpeaker?: EntityMention;
  private lastSpeakerUntil = 0;
  /** The person the text is about: the last person who spoke or opened a sentence as its subject. */
  private topic?: EntityMention;
  private colonSpeaker?: Quoted;
  /** The speaker of the last quotation, and its paragraph: a quote that follows it continues it. */
  private quoteSpeaker?: Quoted & { paragraph: number; paragraphEnd: number; carried?: boolean };
  private readonly described: DescribedName[];

  constructor(
    private readonly text: string,
    private readonly mentions: MentionIndex,
    private readonly document: { voice?: EntityMention; declared?: DeclaredAuthor; author?: EntityMention; attributedParagraphs: Set<number> },
  ) {
    this.described = describedNames(text, mentions.mentions);
  }

  /** The speaker of one sentence (sentences in text order); `opening` is the mentions of the sentence. */
  of(sentence: ParsedSentence, paragraph: { start: number; end: number }, quote: QuoteSpan | undefined, attribution: Attribution | undefined, opening: EntityMention[]): SentenceSpeaker {
    const sentenceText = this.text.slice(sentence.start, sentence.end);
    const quoted = this.quoteSpeaker;
    if (quoted && quoted.paragraph !== paragraph.start && !this.document.attributedParagraphs.has(paragraph.start) && continuesQuotation(this.text, quoted.paragraphEnd, paragraph.start)) {
      this.quoteSpeaker = { ...quoted, paragraph: paragraph.start, paragraphEnd: paragraph.end, carried: true };
    }
    let found: SentenceSpeaker = { voiced: false, carried: false };
    if (attribution) {
      found = this.attributed(sentence, attribution);
      if (/:\s*$/.test(sentenceText)) this.colonSpeaker = { mention: found.speaker, words: found.speakerText, verb: found.verb! };
      if (quote) this.quoteSpeaker = { paragraph: paragraph.start, paragraphEnd: paragraph.end, mention: found.speaker, words: found.speakerText, verb: found.verb! };
    } else if (quote && (this.colonSpeaker || this.quoteSpeaker?.paragraph === paragraph.start)) {
      const from = this.colonSpeaker ?? this.quoteSpeaker!;
      found = { speaker: from.mention, speakerText: from.words, verb: from.verb, voiced: false, carried: !this.colonSpeaker && Boolean(this.quoteSpeaker!.carried) };
    } else if (!quote) {
      found = this.documentVoice(sentence, sentenceText);
    }
    if (!quote) this.colonSpeaker = attribution && /:\s*$/.test(sentenceText) ? this.colonSpeaker : undefined;
    if (!attribution && !quote) this.topic = openingPerson(sentence, opening) ?? this.topic;
    return found;
  }

  private attributed(sentence: ParsedSentence, attribution: Attribution): SentenceSpeaker {
    const words = this.text.slice(sentence.start + attribution.speakerStart, sentence.start + attribution.speakerEnd);
    const speakerStart = sentence.start + attribution.speakerStart;
    const source = statementSource(this.mentions.inside(sentence.start, speakerStart), this.text, sentence.start);
    const context = { sentenceStart: sentence.start, lastSpeaker: this.lastSpeaker, lastSpeakerUntil: this.lastSpeakerUntil, topic: this.topic, described: this.described, source };
    const speaker = resolveSpeaker(words, speakerStart, sentence.start + attribution.speakerEnd, this.mentions, context);
    if (speaker) [this.lastSpeaker, this.lastSpeakerUntil] = [speaker, sentence.end];
    if (speaker && isPerson(speaker)) this.topic = speaker;
    // A pronoun that points back to no one names no one.
    const speakerText = speaker?.text ?? (/^(?:he|she|they|it)$/i.test(words) ? undefined : words);
    return { speaker, speakerText, verb: attribution.verb, voiced: false, carried: false };
  }

  /** A sentence with no attribution and no quotation: the document's own voice, if it has one. */
  private documentVoice(sentence: ParsedSentence, sentenceText: string): SentenceSpeaker {
    const { declared, voice, author } = this.document;
    // A declared author's own document: its narrated sentences are the author's statements.
    if (declared && sentence.start >= declared.from) return { speaker: declared.mention, speakerText: declared.mention.text, voiced: true, carried: false };
    // "We remain confident …" in a company's own statement: the company says so.
    if (voice && FIRST_PERSON_PLURAL.test(sentenceText)) return { speaker: voice, speakerText: voice.text, voiced: true, carried: false };
    if (author && author.start < sentence.start) return { speaker: author, speakerText: author.text, voiced: false, carried: false };
    return { voiced: false, carried: false };
  }
}

/** The person a sentence opens with as its subject: named before its first verb ("Mr Howard pointed to …"). */
function openingPerson(sentence: ParsedSentence, mentions: EntityMention[]): EntityMention | undefined {
  const verb = sentence.tokens.find((token) => token.tags.has('Verb'));
  const subject = mentions.find((mention) => mention.start >= sentence.start && (!verb || mention.end <= verb.start));
  return subject && isPerson(subject) ? subject : undefined;
}

/** The body a sentence names as a statement's source before its subject: "In a statement from Lycos Europe …, the company denied". */
function statementSource(before: EntityMention[], text: string, sentenceStart: number): EntityMention | undefined {
  return before.find((mention) => /\b(?:statement|report|letter|release|announcement|post)\s+(?:(?:issued|published|released)\s+)?(?:from|by)\s+$/i.test(text.slice(sentenceStart, mention.start)));
}

/**
 * A paragraph that opens with a quotation mark, after the quoted speaker's paragraph with at most
 * captions between (short lines with no closing punctuation), continues that speaker's quotation: news
 * runs a long quotation over paragraphs and names the speaker once.
 */
function continuesQuotation(text: string, previousEnd: number, start: number): boolean {
  if (!/^\s*[“"]/.test(text.slice(start, start + 8))) return false;
  return text.slice(previousEnd, start).split('\n').every((line) => line.trim() === '' || (line.trim().split(/\s+/).length < 15 && !/[.!?”"]$/.test(line.trim())));
}
