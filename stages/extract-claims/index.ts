/**
 * extract-claims: check-worthy statements, with their speaker (resolved to a mention where the text
 * names one), whether they are quoted directly, the reporting verb, hedges, negation, the mentions and
 * figures they contain, and an explainable score. Needs `parse`, `entities` and `figures`; provides
 * `claims`. Emits nothing.
 */
import { textOf } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { documentVoice } from './attribution.ts';
import { declaredAuthor } from './author.ts';
import { findClaims } from './claims.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';

export const extractClaims = defineDocumentStage({
  name: 'extract-claims',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS['extract-claims'],
  needs: ['parse', 'entities', 'figures'],
  provides: 'claims',
  run(doc) {
    const segment = doc.data.segment!;
    const paragraphOf = new Map(segment.sentences.map((sentence) => [sentence.ordinal, segment.paragraphs[sentence.paragraph - 1]!]));
    const mentions = doc.data.entities!;
    return findClaims({ text: textOf(doc), sentences: doc.data.parse!.sentences, paragraphOf, mentions, figures: doc.data.figures!, voice: documentVoice(doc.meta, mentions), declared: declaredAuthor(doc.meta, textOf(doc), mentions) });
  },
});
