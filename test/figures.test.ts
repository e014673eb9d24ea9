import { describe, expect, it } from 'vitest';
import type { Doc } from '../pipeline/doc.ts';
import { extractDates } from '../stages/extract-dates/index.ts';
import { extractEntities } from '../stages/extract-entities/index.ts';
import { extractFigures } from '../stages/extract-figures/index.ts';
import { parse } from '../stages/parse/index.ts';
import { segment } from '../stages/segment/index.ts';
import { makeDoc } from './helpers.ts';
import { ingest } from '../stages/ingest/index.ts';

/** Runs the stages up to figures on a text, as the pipeline would. */
function figuresOf(text: string, published = '2020-11') {
  const doc: Doc = { ...makeDoc('t.txt', text), meta: { published } };
  const ctx = { options: { maxBytes: 1e6 }, warn: () => {} };
  for (const stage of [ingest, segment, parse, extractEntities, extractDates, extractFigures]) (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, ctx);
  return { figures: doc.data.figures!, dates: doc.data.dates!, mentions: doc.data.entities! };
}

describe('figures', () => {
  const cases: { text: string; expected: { quote: string; value: number; unit: string; counted?: string; qualifier: string; scope?: string }[] }[] = [
    {
      text: 'Huawei had “91 commercial contracts worldwide, including 47 from Europe,” Krach said.',
      expected: [
        { quote: '91 commercial contracts', value: 91, unit: 'count', counted: 'commercial contract', qualifier: 'exact', scope: 'worldwide' },
        { quote: '47', value: 47, unit: 'count', counted: 'commercial contract', qualifier: 'exact', scope: 'from Europe' },
      ],
    },
    {
      text: 'He invited countries to join the network of more than 40 countries and 50 telecommunications companies.',
      expected: [
        { quote: 'more than 40 countries', value: 40, unit: 'count', counted: 'country', qualifier: 'lower_bound' },
        { quote: '50 telecommunications companies', value: 50, unit: 'count', counted: 'telecommunications company', qualifier: 'exact' },
      ],
    },
    {
      text: 'Its gold reserves increased from $14.51 billion in 1938 to $20.08 billion in 1945.',
      expected: [
        { quote: '$14.51 billion', value: 14_510_000_000, unit: 'USD', counted: 'gold reserve', qualifier: 'exact' },
        { quote: '$20.08 billion', value: 20_080_000_000, unit: 'USD', counted: 'gold reserve', qualifier: 'exact' },
      ],
    },
    { text: 'In 1983 alone, Hitachi paid about 10 billion yen.', expected: [{ quote: 'about 10 billion yen', value: 10_000_000_000, unit: 'JPY', qualifier: 'approximate' }] },
    { text: 'The plan aims to provide 55 billion cubic meters of natural gas.', expected: [{ quote: '55 billion cubic meters of natural gas', value: 55_000_000_000, unit: 'cubic meter', counted: 'natural gas', qualifier: 'exact' }] },
    { text: 'The reserves were almost two-thirds of the world total.', expected: [{ quote: 'almost two-thirds of the world total', value: 0.667, unit: 'ratio', counted: 'world total', qualifier: 'approximate' }] },
  ];
  for (const { text, expected } of cases) {
    it(`reads ${expected.map((e) => `"${e.quote}"`).join(' and ')}`, () => {
      const { figures } = figuresOf(text);
      expect(figures.map(({ quote, value, unit, counted, qualifier, scope }) => ({ quote, value, unit, counted, qualifier, scope }))).toEqual(
        expected.map((e) => ({ scope: undefined, counted: undefined, ...e })),
      );
    });
  }

  it('links a part to its whole: "14 of the 21 non-US companies"', () => {
    const { figures } = figuresOf('Only 5 were US companies, and 14 of the 21 non-US companies were European companies.');
    const [five, fourteen, twentyOne] = figures;
    expect(five).toMatchObject({ value: 5, counted: 'us company' });
    expect(fourteen).toMatchObject({ value: 14, partOf: 2, counted: twentyOne!.counted });
  });

  it('gives a possessive holder: "Huawei’s vaunted 90 deals"', () => {
    const { figures, mentions } = figuresOf('As a result, Huawei’s vaunted 90 deals have dwindled.');
    expect(mentions[figures[0]!.holder!]!.text).toBe('Huawei');
  });

  const notFigures: { name: string; text: string }[] = [
    { name: 'years and dates', text: 'In 1920 and on April 29, 2020 and on Nov. 25 the plan changed.' },
    { name: 'a section number', text: 'Section 889 of the act prohibits purchases.' },
    { name: 'a number in a project name', text: 'Take the sanctions on the Nord Stream 2 project as an example.' },
    { name: '5G and World War II', text: 'During World War II nobody had untrusted 5G suppliers.' },
    { name: 'a fiscal year', text: 'He signed the Act for Fiscal Year 2020 yesterday.' },
    { name: 'a number used as a name in the same document', text: 'They launched a 301 investigation. Later they used 301 investigations again.' },
    { name: 'ordinals', text: 'It was the 21st century and the second plan replaced the third treaty.' },
    { name: 'a time of day', text: 'The curfew starts at 21:00 local time and ends at 6:30 in the morning.' },
  ];
  for (const { name, text } of notFigures) {
    it(`does not take ${name} for a figure`, () => expect(figuresOf(text).figures.map((figure) => figure.quote)).toEqual([]));
  }

  it('takes a length of time for a duration, and an age for a level of years (issue 22: durations are figures)', () => {
    const typed = (text: string) => figuresOf(text).figures.map(({ quote, type, value, unit }) => ({ quote, type, value, unit }));
    expect(typed('It was launched six months ago and two years later it ended.')).toEqual([
      { quote: 'six months', type: 'duration', value: 6, unit: 'month' },
      { quote: 'two years', type: 'duration', value: 2, unit: 'year' },
    ]);
    const modifiers = figuresOf('A second five-year plan replaced the 25-year-old treaty.').figures;
    expect(modifiers.map(({ type, value, unit }) => ({ type, value, unit }))).toEqual([
      { type: 'duration', value: 5, unit: 'year' },
      { type: 'level', value: 25, unit: 'year' },
    ]);
    expect(modifiers[1]!.counted).toBe('age');
  });

  it('does not take list numbering for a figure', () => {
    expect(figuresOf('1. The Essence of the Program\n\nIt has 3 parts.').figures.map((figure) => figure.quote)).toEqual(['3 parts']);
  });

  it('dates every explicit date, inferring a missing year from the publication date', () => {
    const { dates } = figuresOf('Krach spoke on Nov. 25. On April 29, 2020 and in June 2020 and in 1938 things happened, six months ago.', '2020-11');
    expect(dates.map(({ text, value, yearInferred }) => ({ text, value, yearInferred }))).toEqual([
      { text: 'Nov. 25', value: '2020-11-25', yearInferred: true },
      { text: 'April 29, 2020', value: '2020-04-29', yearInferred: false },
      { text: 'June 2020', value: '2020-06', yearInferred: false },
      { text: '1938', value: '1938', yearInferred: false },
    ]);
  });
});
