/**
 * extract-figures: stated quantities — value (scale and currency resolved), unit, what they count,
 * qualifier, scope, holder, time and part-of links. Needs `parse`, `entities` and `dates`; provides
 * `figures`. Years, dates, identifiers ("Section 889", "a 301 investigation"), names with numbers
 * ("Nord Stream 2", "5G"), ordinals, list numbering and compound modifiers are not figures. Emits nothing.
 */
import { groupBySentence } from '../../pipeline/provenance.ts';
import { textOf } from '../../pipeline/doc.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { findFigures, identifierNumbers, type Figure } from './figures.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';

export const extractFigures = defineDocumentStage({
  name: 'extract-figures',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS['extract-figures'],
  needs: ['parse', 'entities', 'dates'],
  provides: 'figures',
  run(doc) {
    const text = textOf(doc);
    const mentions = doc.data.entities!;
    const mentionIndex = new Map(mentions.map((mention, index) => [mention, index]));
    const dates = doc.data.dates!;
    const paragraphStarts = new Set(doc.data.segment!.paragraphs.map((paragraph) => paragraph.start));
    const identifiers = identifierNumbers(text);
    const figures: Figure[] = [];
    const mentionsOf = groupBySentence(mentions);
    const datesOf = groupBySentence(dates);
    for (const sentence of doc.data.parse!.sentences) {
      figures.push(
        ...findFigures(
          { text, sentence, mentions: mentionsOf(sentence.ordinal).map((index) => mentions[index]!), mentionIndex, dates: datesOf(sentence.ordinal).map((index) => dates[index]!), paragraphStarts, identifiers },
          figures.length,
        ),
      );
    }
    return figures;
  },
});
