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

/** The figure whose quote contains `number`, after running the stages up to figures. */
function figureOver(text: string, number: string) {
  const doc: Doc = { ...makeDoc('t.txt', text), meta: { published: '2020-11' } };
  const ctx = { options: { maxBytes: 1e6 }, warn: () => {} };
  for (const stage of [ingest, segment, parse, extractEntities, extractDates, extractFigures]) (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, ctx);
  const figure = doc.data.figures!.find((candidate) => candidate.quote.includes(number));
  if (!figure) throw new Error(`no figure over "${number}" in: ${text}`);
  return figure;
}

const countedOf = (text: string, number: string) => figureOver(text, number).counted;

describe('counted noun', () => {
  const cases: { text: string; number: string; counted: string | undefined; why: string }[] = [
    { text: 'The club sold 2,000 tickets for the final worth £1.2m.', number: '£1.2m', counted: 'ticket', why: 'an amount "worth" after a count is what the counted things are worth' },
    { text: 'The party unveiled plans for tax cuts worth £4bn.', number: '£4bn', counted: 'tax cut', why: 'with no count before it, "worth" measures the noun right before it' },
    { text: 'The club owns the land, a site that is worth about £30m.', number: '£30m', counted: 'site', why: 'a relative pronoun stands for the noun before it' },
    { text: 'Profits rose to £5m, analysts said.', number: '£5m', counted: 'profit', why: 'a noun after a comma belongs to another clause' },
    { text: 'Police arrested six "commercial spies" last year.', number: 'six', counted: 'commercial spy', why: 'quote marks around the noun do not end the phrase' },
    { text: 'The survey covered 11 news media businesses in Sydney.', number: '11', counted: 'news media business', why: 'a plural before a plural noun modifies it' },
    { text: 'She has won three doubles titles this season.', number: 'three', counted: 'doubles title', why: 'a plural before a plural noun modifies it, even when tagged as a verb' },
    { text: 'The firm paid £3m in fines last year.', number: '£3m', counted: 'fine', why: '"last year" is a time adverbial, not part of the noun phrase' },
    { text: 'The strike could close a dozen more Ford plants.', number: 'dozen', counted: 'ford plant', why: 'a capitalised word mid-sentence before a noun is a name modifying it' },
    { text: 'The agency has registered 40,000 new numbers this year.', number: '40,000', counted: 'new number', why: 'a plural right after a count is counted, not a container' },
    { text: 'Nurses earning £25,000 a year will get a rise.', number: '£25,000', counted: 'nurse', why: 'pay stated per period is the pay of whoever earns it' },
    { text: 'They are earning about $1.8m an hour.', number: '$1.8m', counted: undefined, why: 'a pronoun earns: nothing is named' },
    { text: 'The council will spend £2m a year on road repairs.', number: '£2m', counted: 'road repair', why: 'the period may stand between an amount and what it is spent on' },
    { text: 'The scheme could cost the taxpayer a total of £500m.', number: '£500m', counted: 'cost', why: '"a total of" is no noun of its own after a verb of costing' },
    { text: 'The firm valued each click at 5¢.', number: '5¢', counted: 'click', why: 'a price in cents is a figure in cents, of the noun before "at"' },
    { text: 'The new console is expected to sell for £299 in Britain.', number: '£299', counted: 'new console', why: 'a price is the price of what is sold' },
    { text: 'The seats, priced at between £40 and £90, went in an hour.', number: '£40', counted: 'seat', why: 'a participle after a comma still describes the noun before it' },
    { text: 'BMW sold Rover for £10 in 2000.', number: '£10', counted: undefined, why: 'what is sold is named between the verb and "for", so "sold for" does not apply' },
    { text: 'They rent a small house for £500 a week.', number: '£500', counted: 'small house', why: 'a sum per period paid for a noun is what it pays for' },
    { text: 'He asked for £5 a week.', number: '£5', counted: undefined, why: 'after a verb, "for" names nothing that the sum pays for' },
    { text: 'This would amount to about £40 per household.', number: '£40', counted: undefined, why: 'a word after a modal is a verb, not a subject' },
  ];
  for (const { text, number, counted, why } of cases) {
    it(`"${text}": ${number} → ${counted ?? '(none)'} (${why})`, () => {
      expect(countedOf(text, number)).toBe(counted);
    });
  }
});

describe('amount of a change named by a noun of change and a verb of amounting', () => {
  it('reads "increases over the life of the deal totaling 12%" as a rise of 12%', () => {
    expect(figureOver('Pay increases over the life of the deal totaling 12% were agreed.', '12%')).toMatchObject({ type: 'change', direction: 'up' });
  });
  it('reads "a pay rise that could reach 9 percent" as a rise of 9 percent', () => {
    expect(figureOver('The union won a pay rise that could reach 9 percent.', '9 percent')).toMatchObject({ type: 'change', direction: 'up' });
  });
  it('leaves "job cuts, and sales totaling 5%" a level: the noun of change is in another clause', () => {
    expect(figureOver('There were job cuts, and sales totaling 5% of the market.', '5%').type).not.toBe('change');
  });
});
