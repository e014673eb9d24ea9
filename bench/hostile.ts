/**
 * npm run bench:hostile: every per-document stage over hostile inputs of growing size (64 KB, 256 KB,
 * 1 MB), to show that time stays linear in the input: for each kind it prints the time per MB at each
 * size and the ratio of the largest size's time per MB to the smallest's (1.0 is perfectly linear; a
 * quadratic step would make it about 16). Writes bench/results/hostile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Doc } from '../pipeline/doc.ts';
import { InputError } from '../pipeline/errors.ts';
import { DOCUMENT_STAGES } from '../stages/index.ts';

/** Hostile inputs: each makes text of about `size` characters, and the file name that selects its format. */
const KINDS: Record<string, { file: string; make: (size: number) => string }> = {
  'one long line of words': { file: 'x.txt', make: (size) => 'Huawei had 91 contracts and the council met, Krach said '.repeat(size / 56) },
  'one word of capitals': { file: 'x.txt', make: (size) => 'Ar'.repeat(size / 2) },
  'whitespace without a break': { file: 'x.txt', make: (size) => `a${' \t'.repeat(size / 2)}b` },
  'commas and colons': { file: 'x.txt', make: (size) => ',:'.repeat(size / 2) },
  'open quotes': { file: 'x.txt', make: (size) => '“ said'.repeat(size / 6) },
  'according to, unclosed': { file: 'x.txt', make: (size) => 'according to poll e '.repeat(size / 20) },
  'Markdown link openers': { file: 'x.md', make: (size) => '![[('.repeat(size / 4) },
  'Markdown heading of hashes': { file: 'x.md', make: (size) => `# ${'#'.repeat(size)} x` },
  'CR line ends and blank lines': { file: 'x.txt', make: (size) => 'The council met.\r\r\n\r'.repeat(size / 20) },
  'astral, combining and RTL text': { file: 'x.txt', make: (size) => '😀é\u0301 مرحبا \u200d\u202e 91 '.repeat(size / 18) },
  'HTML: unclosed paragraphs': { file: 'x.html', make: (size) => `<html><body>${numbered(size / 36, (n) => `<p>The council met on day ${n}. `)}</body></html>` },
  'HTML: entities': { file: 'x.html', make: (size) => `<html><body><p>${'&amp;&#x1F600;&nbsp;'.repeat(size / 20)}</p></body></html>` },
  'HTML: scripts between paragraphs': { file: 'x.html', make: (size) => `<html><body>${numbered(size / 60, (n) => `<p>Huawei had ${n} contracts.</p><script>alert(1)</script>`)}</body></html>` },
  'HTML: 10,000 nested divs': { file: 'x.html', make: (size) => `<html><body>${'<div>'.repeat(10_000)}${numbered(size / 30, (n) => `<p>The council met on day ${n}.</p>`)}${'</div>'.repeat(10_000)}</body></html>` },
};

const SIZES = [64_000, 256_000, 1_000_000];

/** `count` pieces, each numbered, so no two paragraphs are alike (repeated ones are removed as boilerplate). */
function numbered(count: number, piece: (n: number) => string): string {
  return Array.from({ length: Math.round(count) }, (_, n) => piece(n)).join('');
}

function runStages(file: string, text: string): string {
  const doc: Doc = { path: file, raw: Buffer.from(text), fileHash: '', meta: {}, data: {}, messages: [] };
  try {
    for (const stage of DOCUMENT_STAGES) (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, { options: { maxBytes: 10_000_000 }, warn: () => {} });
    return `${doc.data.segment!.sentences.length} sentences`;
  } catch (error) {
    if (error instanceof InputError) return `rejected: ${error.reason}`;
    throw error;
  }
}

const rows: { kind: string; secondsPerMB: number[]; ratio: number; outcome: string }[] = [];
runStages('warm.txt', 'Warm up the parser: Huawei had 91 contracts, Krach said.');
console.log(`${'input'.padEnd(34)} ${SIZES.map((size) => `${size / 1000} KB s/MB`.padStart(14)).join('')}  ratio  outcome at 1 MB`);
for (const [kind, { file, make }] of Object.entries(KINDS)) {
  const secondsPerMB: number[] = [];
  let outcome = '';
  for (const size of SIZES) {
    const text = make(size);
    const started = performance.now();
    outcome = runStages(file, text);
    secondsPerMB.push((performance.now() - started) / 1000 / (text.length / 1e6));
  }
  const ratio = secondsPerMB.at(-1)! / secondsPerMB[0]!;
  rows.push({ kind, secondsPerMB: secondsPerMB.map((value) => Math.round(value * 1000) / 1000), ratio: Math.round(ratio * 100) / 100, outcome });
  console.log(`${kind.padEnd(34)} ${secondsPerMB.map((value) => value.toFixed(3).padStart(14)).join('')}  ${ratio.toFixed(2).padStart(5)}  ${outcome}`);
}
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
console.log(`worst ratio: ${worst.ratio} (${worst.kind}); linear within noise when every ratio stays near 1, far from the ~16 of a quadratic step`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/hostile.json', import.meta.url), `${JSON.stringify({ sizes: SIZES, rows }, null, 2)}\n`);
