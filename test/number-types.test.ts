/**
 * What each number is (issue 22): real sentences from the BBC development texts (../shared/bench/bbc,
 * quoted with their file), run through the whole pipeline; each number is checked for being a figure or
 * not, its type, value, bounds, counted noun and the links of change constructions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.ts';
import { runOver } from '../bench/eval/corpus.ts';
import type { ExportedFigure } from '../pipeline/export.ts';
import { sentenceRanges } from '../stages/segment/index.ts';
import { loadDocumentInputs, type DocumentInfo } from '../stages/reconcile/load.ts';
import type { MeasuredFigure } from '../stages/reconcile/measures.ts';
import { classifyPair } from '../stages/reconcile/rules/compare-figures.ts';

/** Sentences as the BBC files write them. */
const TEXTS: Record<string, string> = {
  'business/186.txt': 'Jet has 42 aircraft and runs 271 scheduled flights daily within India.',
  'business/042.txt': 'In early trade on Thursday, its shares were down 10% at 119 pence.',
  'business/150.txt': 'Elan finished down $18.90 at $8, while Biogen fell $28.63 to $38.65.',
  'business/194.txt': 'The CML said gross mortgage lending stood at £17.9bn, compared with £21.8bn in January last year.',
  'business/019.txt': 'India has raised the limit for foreign direct investment in telecoms companies from 49% to 74%.',
  'business/004.txt': "BA's shares closed up four pence at 274.5 pence.",
  'business/417.txt': 'Wells Fargo had net income of $6.2bn in its last financial year, a 9% increase on the previous year, and revenues of $28.4bn.',
  'business/268.txt': 'Some of the best instant-access accounts currently available include the Ladybird account from the Saffron Walden Building Society, paying 5.35% for a minimum balance of £1 and the Alliance & Leicester FirstSaver which pays 5.25%, also starting at £1.',
  'business/256.txt': "In the fourth quarter, the city state's gross domestic product (GDP) rose at an annual rate of 2.4%.",
  'sport/289.txt': 'England coach Andy Robinson insisted he was "livid" after his side were denied two tries in Sunday\'s 19-13 Six Nations loss to Ireland in Dublin.',
  'entertainment/060.txt': "Ocean's 12 fell to number two while new entry Spanglish entered the chart at number three, taking $9m (£4.6m).",
  'entertainment/027.txt': 'The winner will be announced at the London Book Fair on 14 March next year and could be screened on TV.',
  'business/210.txt': "The IMF values its gold reserves at between $40 and $50 an ounce, a price that was fixed in the 1970s and is about a tenth of the metal's current market value.",
  'business/088.txt': 'Under the agreement, Metlife will be able to sell its products through Citigroup over the next 10 years.',
  'entertainment/187.txt': 'Edwards then left in a surprise eviction, with 12% of the vote.',
  'business/343.txt': 'The 35-year-old airline transports about 55% of all passengers to the island and its pilots are reportedly among the best paid in the industry, with senior members of staff earning in excess of $234,000 a year.',
  'business/433.txt': "Cairn's string of finds in Rajasthan last year saw it elevated to the FTSE 100 index of the UK's leading listed companies.",
  'business/394.txt': 'It had been one of the quickest to deal with difficulties faced by the aviation industry after the 9/11 attacks in 2001.',
  'entertainment/225.txt': 'She was hot favourite to be evicted first, with odds of 1/4 to leave.',
  'tech/401.txt': "An 11 hour stretch isn't that surprising - I've known people to play 15+ hours at a stretch.",
  'tech/061.txt': 'Fifty nine percent of people said they were worried that RFID tags would allow data to be used more freely by third parties.',
  'tech/321.txt': "According to the Pensions Commission's report 12 million working people are not saving enough for their retirement.",
  'tech/167.txt': 'More than 120 experts were in Nice to share the vision of interconnected future.',
  'tech/215.txt': 'Users of Apple\'s iTunes used to be able to stream the music they had brought to up to five other iTunes users.',
  'politics/078.txt': 'At least a dozen Albanian-born teenagers are thought to have been identified for return, according to sources.',
  'politics/372.txt': 'Figures for the 2001 general election suggest 29% of people aged between 18 and 24, and 19% of black voters were not on the electoral roll.',
  'sport/379.txt': 'Munster and Leinster have 12 and 11 players in the squad respectively while Jackman is the sole Connacht representative.',
};

const root = mkdtempSync(join(tmpdir(), 'number-types-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [file, text] of Object.entries(TEXTS)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), `${text}\n`);
}
// The BBC article's date, so that "January last year" has a year.
writeFileSync(join(root, 'business', 'manifest.yaml'), '194.txt:\n  published: 2005-03-01\n');
const data = await runOver(root, Object.keys(TEXTS));

/** The figure over the `nth` occurrence of `needle` in the file's text (the smallest that covers it), if any. */
function figureAt(file: string, needle: string, nth = 0): ExportedFigure | undefined {
  const document = data.documents.find((candidate) => candidate.path === file)!;
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = document.text.indexOf(needle, at + 1);
  expect(at, `"${needle}" in ${file}`).toBeGreaterThanOrEqual(0);
  return data.figures
    .filter((figure) => figure.doc === document.id && figure.start < at + needle.length && figure.end > at)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

const head = (counted: string | null | undefined) => counted?.split(' ').at(-1);

describe('numbers that are not figures', () => {
  it('leaves out names, scores, ranks, dates, rates and odds', () => {
    expect(figureAt('sport/289.txt', '19-13')).toBeUndefined();
    expect(figureAt('sport/289.txt', 'Six')).toBeUndefined();
    expect(figureAt('entertainment/060.txt', '12')).toBeUndefined();
    expect(figureAt('entertainment/060.txt', 'two')).toBeUndefined();
    expect(figureAt('entertainment/060.txt', 'three')).toBeUndefined();
    expect(figureAt('entertainment/027.txt', '14')).toBeUndefined();
    expect(figureAt('business/433.txt', '100')).toBeUndefined();
    expect(figureAt('business/394.txt', '9/11')).toBeUndefined();
    expect(figureAt('entertainment/225.txt', '1/4')).toBeUndefined();
    expect(figureAt('business/268.txt', '5.35%')).toBeUndefined();
    expect(figureAt('business/256.txt', '2.4%')).toBeUndefined();
  });
});

describe('levels and what they count', () => {
  it('counts only the noun in the sentence after each number', () => {
    expect(figureAt('business/186.txt', '42')).toMatchObject({ type: 'level', value: 42, counted: 'aircraft' });
    expect(head(figureAt('business/186.txt', '271')!.counted)).toBe('flight');
  });

  it('reads ages, spelled-out amounts and a count that shares its neighbour\'s noun', () => {
    expect(figureAt('business/343.txt', '35')).toMatchObject({ type: 'level', value: 35, unit: 'year', counted: 'age' });
    expect(figureAt('tech/321.txt', '12 million')).toMatchObject({ type: 'level', value: 12_000_000 });
    expect(head(figureAt('tech/321.txt', '12 million')!.counted)).toBe('person');
    expect(figureAt('politics/078.txt', 'dozen')).toMatchObject({ type: 'level', value: 12, qualifier: 'lower_bound' });
    expect(figureAt('sport/379.txt', '12')).toMatchObject({ value: 12, counted: 'player' });
  });

  it('keeps a conversion in brackets a level of the same thing', () => {
    expect(figureAt('entertainment/060.txt', '$9m')).toMatchObject({ type: 'level', value: 9_000_000, unit: 'USD' });
    expect(figureAt('entertainment/060.txt', '£4.6m')).toMatchObject({ type: 'level', value: 4_600_000, unit: 'GBP' });
  });
});

describe('bounds, ranges and shares', () => {
  it('stores open bounds and the ends of a range', () => {
    expect(figureAt('tech/401.txt', '15+')).toMatchObject({ type: 'duration', value: 15, unit: 'hour', qualifier: 'lower_bound' });
    expect(figureAt('tech/167.txt', '120')).toMatchObject({ value: 120, qualifier: 'lower_bound', counted: 'expert' });
    expect(figureAt('tech/215.txt', 'five')).toMatchObject({ value: 5, qualifier: 'upper_bound' });
    expect(figureAt('business/210.txt', '$40')).toMatchObject({ type: 'level', qualifier: 'range', low: 40, high: 50, unit: 'USD' });
    expect(figureAt('politics/372.txt', '18')).toMatchObject({ type: 'level', qualifier: 'range', low: 18, high: 24, counted: 'age' });
  });

  it('makes a share only of a stated whole', () => {
    expect(figureAt('entertainment/187.txt', '12%')).toMatchObject({ type: 'share', value: 12, unit: 'percent' });
    expect(figureAt('tech/061.txt', 'Fifty nine percent')).toMatchObject({ type: 'share', value: 59, unit: 'percent' });
  });

  it('reads a length of time as a duration, "over the next" as no bound', () => {
    expect(figureAt('business/088.txt', '10')).toMatchObject({ type: 'duration', value: 10, unit: 'year', qualifier: 'exact' });
  });
});

describe('change constructions', () => {
  const byId = (id: string | null) => data.figures.find((figure) => figure.id === id);

  it('links "down X at Y" and "fell X to Y": the change to the level it reached', () => {
    const change = figureAt('business/042.txt', '10%')!;
    expect(change).toMatchObject({ type: 'change', direction: 'down', value: 10, link: 'change' });
    expect(byId(change.linked_to)).toMatchObject({ type: 'level', value: 119, unit: 'GBX' });
    const fell = figureAt('business/150.txt', '$28.63')!;
    expect(fell).toMatchObject({ type: 'change', direction: 'down', value: 28.63, link: 'change' });
    expect(byId(fell.linked_to)).toMatchObject({ type: 'level', value: 38.65 });
    const up = figureAt('business/004.txt', 'four pence')!;
    expect(up).toMatchObject({ type: 'change', direction: 'up', value: 4, unit: 'GBX' });
    expect(byId(up.linked_to)).toMatchObject({ type: 'level', value: 274.5 });
  });

  it('links "from X to Y" and "X, compared with Y in January last year", each with its own time', () => {
    const from = figureAt('business/019.txt', '49%')!;
    expect(from).toMatchObject({ type: 'level', link: 'earlier' });
    expect(byId(from.linked_to)).toMatchObject({ type: 'level', value: 74 });
    const earlier = figureAt('business/194.txt', '£21.8bn')!;
    const later = figureAt('business/194.txt', '£17.9bn')!;
    expect(earlier).toMatchObject({ type: 'level', link: 'earlier', linked_to: later.id });
    // The date after the earlier level is its own (extract-dates reads it as a January), not the later level's.
    expect(earlier.time).toMatch(/^\d{4}-01$/);
    expect(later.time).not.toBe(earlier.time);
  });

  it('reads "a 9% increase" as a change, not a share', () => {
    expect(figureAt('business/417.txt', '9%')).toMatchObject({ type: 'change', direction: 'up', value: 9 });
    expect(figureAt('business/417.txt', '$6.2bn')).toMatchObject({ type: 'level', counted: 'net income' });
  });
});

describe('citation marks', () => {
  // The citation format of the event pages' sources; the sentence is business/186.txt's.
  const text = 'Jet has 42 aircraft.[2][3] It runs 271 scheduled flights daily within India.[4] More to come.';

  it('ends a sentence at ".[2] The" and keeps the marks with it', () => {
    expect(sentenceRanges(text, 0, text.length).map((range) => text.slice(range.start, range.end))).toEqual([
      'Jet has 42 aircraft.[2][3]',
      'It runs 271 scheduled flights daily within India.[4]',
      'More to come.',
    ]);
  });
});

describe('reconciliation by type', () => {
  // business/150.txt: "Biogen fell $28.63 to $38.65" — the change and the level it reached, both of one holder.
  const figure = (id: string, value: number, type: string, direction: string | null) =>
    ({ id, doc: 'd1', sentence: `s-${id}`, sentenceText: '', sentenceStart: 0, start: 0, end: 1, quote: `$${value}`, value, unit: 'USD', counted: 'share', qualifier: 'exact', scope: null, type, direction, holder: 'e1', holderName: 'Biogen', holderId: 'e1', holderLabel: 'Biogen', holderReason: 'named with the figure', head: 'share', time: null, timeSource: 'document', partOf: null, speaker: null, stems: [] }) as unknown as MeasuredFigure;
  const documents = new Map([['d1', { id: 'd1', path: 'business/150.txt', title: null, kind: null, published: '2005-01-01', publishedEarliest: null }]]) as unknown as Map<string, DocumentInfo>;

  it('compares levels with levels and changes only with changes of the same direction', () => {
    expect(classifyPair(figure('a', 28.63, 'change', 'down'), figure('b', 38.65, 'level', null), documents)).toBeUndefined();
    expect(classifyPair(figure('a', 28.63, 'change', 'down'), figure('b', 18.9, 'change', 'up'), documents)).toBeUndefined();
    expect(classifyPair(figure('a', 28.63, 'change', 'down'), figure('b', 18.9, 'change', 'down'), documents)?.kind).toBe('numeric_discrepancy');
    expect(classifyPair(figure('a', 8, 'level', null), figure('b', 38.65, 'level', null), documents)?.kind).toBe('numeric_discrepancy');
  });

  it('reads each stored figure with its type and direction, so a real run compares by type', async () => {
    const space = workspace(false);
    writeFileSync(join(space.corpusDir, '150.txt'), `${TEXTS['business/150.txt']}\n`);
    await run(space);
    const db = new Database(space.dbPath, { readonly: true });
    const id = db.prepare('SELECT id FROM documents').pluck().get() as string;
    const figures = loadDocumentInputs(db, [id]).get(id)!.figures;
    db.close();
    const byQuote = (quote: string) => figures.find((candidate) => candidate.quote.startsWith(quote));
    expect(byQuote('$28.63')).toMatchObject({ type: 'change', direction: 'down' });
    expect(byQuote('$38.65')).toMatchObject({ type: 'level' });
  });
});
