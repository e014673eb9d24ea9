/**
 * extract-entities: names of people, organisations, places and initiatives in each sentence, with their
 * offsets, the role given with a person's name and the evidence for each type. Needs `parse`; provides
 * `entities` (mentions). Which mentions name the same real thing across the corpus is decided later,
 * by the resolve-entities corpus stage, which groups a surname alone under the full name it stands for
 * in its document (full-names.ts). Emits nothing.
 */
import { textOf } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { keptMentions } from './abstain.ts';
import { linkFullNames } from './full-names.ts';
import { findMentions } from './mentions.ts';
import { shareDocumentSense } from './one-sense.ts';
import { shareSeriesKind } from './series.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';
import type { Token } from '../parse/index.ts';

/** The mentions a document keeps, from its sentences' tokens: found per sentence, then read over the whole document. */
export function documentMentions(text: string, sentences: { ordinal: number; tokens: Token[] }[]) {
  const mentions = sentences.flatMap((sentence) => findMentions(text, sentence.ordinal, sentence.tokens));
  return shareDocumentSense(linkFullNames(keptMentions(shareSeriesKind(mentions), text)));
}

export const extractEntities = defineDocumentStage({
  name: 'extract-entities',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS['extract-entities'],
  needs: ['parse'],
  provides: 'entities',
  run(doc) {
    return documentMentions(textOf(doc), doc.data.parse!.sentences);
  },
});
