/**
 * What a level figure counts or measures (its counted noun), as a careful reader would say it from the
 * sentence alone, and nothing where the sentence does not say it.
 */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../pipeline/doc.ts';
import { extractDates } from '../stages/extract-dates/index.ts';
import { extractEntities } from '../stages/extract-entities/index.ts';
import { extractFigures } from '../stages/extract-figures/index.ts';
import { ingest } from '../stages/ingest/index.ts';
import { parse } from '../stages/parse/index.ts';
import { segment } from '../stages/segment/index.ts';
import { makeDoc } from './helpers.ts';

/** The counted noun of the figure whose quote contains `number`, after running the stages up to figures. */
function countedOf(text: string, number: string): string | undefined {
  const doc: Doc = { ...makeDoc('t.txt', text), meta: { published: '2020-11' } };
  const ctx = { options: { maxBytes: 1e6 }, warn: () => {} };
  for (const stage of [ingest, segment, parse, extractEntities, extractDates, extractFigures]) (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, ctx);
  const figure = doc.data.figures!.find((candidate) => candidate.quote.includes(number));
  if (!figure) throw new Error(`no figure over "${number}" in: ${text}`);
  return figure.counted;
}

describe('counted noun', () => {
  const cases: { text: string; number: string; counted: string | undefined; why: string }[] = [
    { text: 'The club sold 2,000 tickets for the final worth £1.2m.', number: '£1.2m', counted: 'ticket', why: 'an amount "worth" after a count is what the counted things are worth' },
    { text: 'The party unveiled plans for tax cuts worth £4bn.', number: '£4bn', counted: 'tax cut', why: 'with no count before it, "worth" measures the noun right before it' },
    { text: 'The club owns the land, a site that is worth about £30m.', number: '£30m', counted: 'site', why: 'a relative pronoun stands for the noun before it' },
    { text: 'Profits rose to £5m, analysts said.', number: '£5m', counted: 'profit', why: 'a noun after a comma belongs to another clause' },
    { text: 'The survey covered 11 news media businesses in Sydney.', number: '11', counted: 'news media business', why: 'a plural before a plural noun modifies it' },
    { text: 'She has won three doubles titles this season.', number: 'three', counted: 'doubles title', why: 'a plural before a plural noun modifies it, even when tagged as a verb' },
    { text: 'The firm paid £3m in fines last year.', number: '£3m', counted: 'fine', why: '"last year" is a time adverbial, not part of the noun phrase' },
    { text: 'The strike could close a dozen more Ford plants.', number: 'dozen', counted: 'ford plant', why: 'a capitalised word mid-sentence before a noun is a name modifying it' },
    { text: 'The agency has registered 40,000 new numbers this year.', number: '40,000', counted: 'new number', why: 'a plural right after a count is counted, not a container' },
    { text: 'Nurses earning £25,000 a year will get a rise.', number: '£25,000', counted: 'nurse', why: 'pay stated per period is the pay of whoever earns it' },
    { text: 'The company is earning about $1.8m an hour.', number: '$1.8m', counted: undefined, why: 'no noun right before the verb of earning: nothing is named' },
    { text: 'The council will spend £2m a year on road repairs.', number: '£2m', counted: 'road repair', why: 'the period may stand between an amount and what it is spent on' },
    { text: 'The scheme could cost the taxpayer a total of £500m.', number: '£500m', counted: 'cost', why: '"a total of" is no noun of its own after a verb of costing' },
    { text: 'This would amount to about £40 per household.', number: '£40', counted: undefined, why: 'a word after a modal is a verb, not a subject' },
  ];
  for (const { text, number, counted, why } of cases) {
    it(`"${text}": ${number} → ${counted ?? '(none)'} (${why})`, () => {
      expect(countedOf(text, number)).toBe(counted);
    });
  }
});
