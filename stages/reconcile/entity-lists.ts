/**
 * Lists of named things in a document's sentences: three or more entities of one type joined by
 * commas and "and" ("Albania, Bulgaria and the Czech Republic"). Found as a document is read
 * (load.ts); the compare-lists rule compares them across documents.
 */
import { addTo } from '../../pipeline/collections.ts';

/** A mention of a resolved entity in a sentence that names three entities or more. */
export interface MentionRow {
  doc: string;
  sentence: string;
  start: number;
  end: number;
  entity: string;
  name: string;
  type: string;
}

export interface EntityList {
  doc: string;
  sentence: string;
  members: MentionRow[];
  /** Content words of the sentence outside the list, each once, to tell what the list is about. */
  context: string[];
  start: number;
  end: number;
}

/** Words that say what kind of thing is listed ("countries such as …") rather than what is said about it. */
const KIND_WORDS = new Set(['countries', 'nations', 'states', 'companies', 'firms', 'places', 'cities', 'regions', 'organizations', 'organisations', 'people', 'members', 'others']);

const STOP = new Set(['which', 'these', 'those', 'their', 'there', 'other', 'about', 'would', 'could', 'should', 'being', 'have', 'has', 'also', 'such', 'that', 'this', 'with', 'from', 'into', 'include', 'includes', 'including']);

/** The lists of named things in each sentence. */
export function findLists(mentions: MentionRow[], sentenceText: Map<string, { text: string; start: number }>): EntityList[] {
  const lists: EntityList[] = [];
  const bySentence = new Map<string, MentionRow[]>();
  for (const mention of mentions) addTo(bySentence, mention.sentence, mention);
  for (const [sentence, members] of bySentence) {
    const { text, start } = sentenceText.get(sentence)!;
    let run: MentionRow[] = [];
    const flush = () => {
      const distinct = [...new Map(run.map((member) => [member.entity, member])).values()];
      if (distinct.length >= 3 && new Set(distinct.map((member) => member.type)).size === 1) {
        const outside = text.slice(0, run[0]!.start - start) + ' ' + text.slice(run.at(-1)!.end - start);
        const context = [...new Set(outside.toLowerCase().match(/\p{L}{5,}/gu)?.filter((word) => !STOP.has(word) && !KIND_WORDS.has(word)) ?? [])];
        lists.push({ doc: run[0]!.doc, sentence, members: distinct, context, start: run[0]!.start, end: run.at(-1)!.end });
      }
      run = [];
    };
    for (const mention of members) {
      const last = run.at(-1);
      const between = last ? text.slice(last.end - start, mention.start - start) : '';
      if (last && !/^(?:,\s*|,?\s+and\s+(?:the\s+)?|,?\s+or\s+|,\s*the\s+)$/.test(between)) flush();
      run.push(mention);
    }
    flush();
  }
  return lists;
}
