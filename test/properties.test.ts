/**
 * Property-based tests (fast-check) over ingest, segmentation and extraction on hostile text: random
 * Unicode (astral characters, combining marks, right-to-left text, zero-width joiners, NUL, lone
 * surrogates), CR and CRLF line ends, empty paragraphs, and HTML with unclosed tags and scripts.
 * Properties: no crash other than a one-line input error, every offset slices back to its quote, and
 * nothing from a script or style reaches the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../pipeline/doc.ts';
import { InputError } from '../pipeline/errors.ts';
import { DOCUMENT_STAGES } from '../stages/index.ts';
import { MAX_SENTENCE } from '../stages/segment/index.ts';
import { makeDoc } from './helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** Runs every per-document stage, as the pipeline does; an InputError is an accepted outcome. */
function runStages(path: string, content: string): Doc | undefined {
  const doc = makeDoc(path, Buffer.from(content, 'utf8'));
  doc.meta = { published: '2020-11' };
  try {
    for (const stage of DOCUMENT_STAGES) (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, { options: { maxBytes: 5_000_000 }, warn: () => {} });
  } catch (error) {
    if (error instanceof InputError && !error.message.includes('\n')) return undefined;
    throw error;
  }
  return doc;
}

function expectOffsetsHold(doc: Doc): void {
  const text = doc.data.ingest!.text;
  for (const item of [...doc.data.segment!.paragraphs, ...doc.data.segment!.sentences]) expect(item.end).toBeLessThanOrEqual(text.length);
  for (const mention of doc.data.entities!) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  for (const date of doc.data.dates!) expect(text.slice(date.start, date.end)).toBe(date.text);
  for (const figure of doc.data.figures!) expect(text.slice(figure.start, figure.end)).toBe(figure.quote);
  for (const claim of doc.data.claims!) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
}

/** Pieces of hostile text, mixed with words that look like news so the extractors have work to do. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\u200d', '\u200b', '\u202e', '\u0301', '\r\n', '\r', '\n\n\n', ' ', '“', '”', '😀', 'مرحبا', 'שלום', 'é'),
  fc.constantFrom('Huawei had 91 contracts, Krach said.', 'More than 40 countries joined on Nov. 25.', '“It is a threat,” Pompeo said.', 'U.S. Secretary of State Michael Pompeo', '$20 billion', 'two-thirds', '1.', '[[343110]]', 'Post a Comment'),
);
const hostileText = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(' '));

describe('properties of the per-document stages on hostile input', () => {
  it('never crash on random text, and every stored offset slices back to its quote', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const doc = runStages('fuzz.txt', text);
        if (doc) expectOffsetsHold(doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('never let script or style text into an HTML page’s text, however the tags nest or break', () => {
    const secret = 'SCRIPTSECRET';
    // Tags are left open and misnested, but not cut off: "</div<script>" makes the script's text plain
    // text for browsers too (the tokenizer reads one end tag named "div<script"), so it is no longer a script.
    const fragment = fc.oneof(
      hostileText.map((text) => text.replace(/</g, '&lt;')),
      fc.constantFrom(`<script>var ${secret} = 1;</script>`, `<style>.${secret}{}</style>`, '<p>', '</p>', '<div>', '</div>', '</span>', '<b><i>', '<ul><li>', '&amp;', '&#0;', '&#xD800;', '&nbsp;', '<p>Huawei had 91 contracts, Krach said.</p>'),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 20 }), (fragments) => {
        const doc = runStages('fuzz.html', `<html><body>${fragments.join('')}<p>The council met on Monday and agreed the plan.</p></body></html>`);
        if (!doc) return;
        expect(doc.data.ingest!.text).not.toContain(secret);
        expectOffsetsHold(doc);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('single hostile inputs at full size', () => {
  it('read a 1 MB single line in bounded sentences whose offsets slice back', () => {
    const line = 'Huawei had 91 contracts and the council met, Krach said '.repeat(18_000);
    const doc = runStages('long.txt', line)!;
    expect(doc.data.segment!.sentences.length).toBeGreaterThan(line.length / MAX_SENTENCE);
    for (const sentence of doc.data.segment!.sentences) expect(sentence.end - sentence.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expectOffsetsHold(doc);
  });

  it('read 10,000 levels of nested HTML, unclosed tags and an entity bomb, and never run or keep a script', () => {
    const nested = `<html><body>${'<div>'.repeat(10_000)}<p>The council met on Monday and agreed the plan.</p><script>document.write('SCRIPTSECRET')</script>${'</div>'.repeat(10_000)}</body></html>`;
    const unclosed = `<html><body>${'<p><b><i>Huawei had 91 contracts, Krach said. '.repeat(2_000)}<script>SCRIPTSECRET</script>`;
    const entities = `<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><html><body><p>${'&b;&amp;&#128512;'.repeat(5_000)} The council met.</p></body></html>`;
    for (const [name, html] of Object.entries({ nested, unclosed, entities })) {
      const doc = runStages(`${name}.html`, html);
      if (!doc) continue; // a one-line input error is an accepted outcome
      expect(doc.data.ingest!.text, name).not.toContain('SCRIPTSECRET');
      expect(doc.data.ingest!.text.length, name).toBeLessThan(html.length);
      expectOffsetsHold(doc);
    }
  });
});
