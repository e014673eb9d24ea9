/**
 * npm run bench:hostile: every per-document stage over hostile inputs of growing size (256 KB, 1 MB,
 * 4 MB), to show that time stays linear in the input: for each kind it prints the time per MB at each
 * size, the ratio of the largest size's time per MB to the smallest's (1.0 is perfectly linear; a
 * quadratic step would make it about 16) and the slowest stage at the largest size. Every kind must
 * stay under 3 s per MB. Writes bench/results/hostile.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Doc } from '../pipeline/doc.ts';
import { InputError } from '../pipeline/errors.ts';
import { DOCUMENT_STAGES } from '../stages/index.ts';
import { MAX_WINK_RUN } from '../stages/parse/tagger.ts';

/** Hostile inputs: each makes text of about `size` characters, and the file name that selects its format. */
const KINDS: Record<string, { file: string; make: (size: number) => string }> = {
  'run of "-" without spaces': { file: 'x.txt', make: (size) => '-'.repeat(size) },
  'run of "&" without spaces': { file: 'x.txt', make: (size) => '&'.repeat(size) },
  'run of "%" without spaces': { file: 'x.txt', make: (size) => '%'.repeat(size) },
  'run of "/" without spaces': { file: 'x.txt', make: (size) => '/'.repeat(size) },
  '"/" runs just under the cap': { file: 'x.txt', make: (size) => `${'/'.repeat(MAX_WINK_RUN)} `.repeat(size / (MAX_WINK_RUN + 1)) },
  'run of capitals "KKKK"': { file: 'x.txt', make: (size) => 'K'.repeat(size) },
  'letters with combining marks': { file: 'x.txt', make: (size) => 'x\u0301'.repeat(size / 2) },
  'one line of ordinary sentences': { file: 'x.txt', make: (size) => numbered(size / 190, (n) => `Huawei had ${n} contracts in 2019, Krach said. “The council met on Tuesday and agreed,” he said. The company denied it, according to the ministry. `) },
  '&amp; flood in HTML': { file: 'x.html', make: (size) => `<html><body><p>${'&amp;'.repeat(size / 5)}</p></body></html>` },
  '&amp; flood in text': { file: 'x.txt', make: (size) => '&amp;'.repeat(size / 5) },
  'HTML: &amp; between words': { file: 'x.html', make: (size) => `<html><body><p>${'&amp; '.repeat(size / 6)}</p></body></html>` },
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

const SIZES = [256_000, 1_000_000, 4_000_000];
/** The most time per MB any kind may take. */
const LIMIT_SECONDS_PER_MB = 3;

/** `count` pieces, each numbered, so no two paragraphs are alike (repeated ones are removed as boilerplate). */
function numbered(count: number, piece: (n: number) => string): string {
  return Array.from({ length: Math.round(count) }, (_, n) => piece(n)).join('');
}

/** Runs every document stage; returns the outcome and the seconds each stage took. */
function runStages(file: string, text: string): { outcome: string; stageSeconds: Record<string, number> } {
  const doc: Doc = { path: file, raw: Buffer.from(text), fileHash: '', meta: {}, data: {} };
  const stageSeconds: Record<string, number> = {};
  try {
    for (const stage of DOCUMENT_STAGES) {
      const started = performance.now();
      (doc.data as Record<string, unknown>)[stage.provides] = stage.run(doc, { options: { maxBytes: 10_000_000 }, warn: () => {} });
      stageSeconds[stage.name] = (performance.now() - started) / 1000;
    }
    return { outcome: `${doc.data.segment!.sentences.length} sentences`, stageSeconds };
  } catch (error) {
    if (error instanceof InputError) return { outcome: `rejected: ${error.reason}`, stageSeconds };
    throw error;
  }
}

interface Row {
  kind: string;
  secondsPerMB: number[];
  ratio: number;
  slowestStage: string;
  outcome: string;
}

function measure(kind: string, file: string, make: (size: number) => string): Row {
  const secondsPerMB: number[] = [];
  let last = { outcome: '', stageSeconds: {} as Record<string, number> };
  for (const size of SIZES) {
    const text = make(size);
    const started = performance.now();
    last = runStages(file, text);
    secondsPerMB.push((performance.now() - started) / 1000 / (text.length / 1e6));
  }
  const [stage, seconds] = Object.entries(last.stageSeconds).reduce((a, b) => (b[1] > a[1] ? b : a), ['none', 0]);
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
  return { kind, secondsPerMB: secondsPerMB.map((value) => round(value, 3)), ratio: round(secondsPerMB.at(-1)! / secondsPerMB[0]!, 2), slowestStage: `${stage} ${seconds.toFixed(1)} s`, outcome: last.outcome };
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
console.log(`machine: ${machine}`);
// Every kind once at 16 KB first, so that the times measure the work rather than the compiling of the code it runs.
for (const { file, make } of Object.values(KINDS)) runStages(file, make(16_000));
const sizeLabel = (size: number) => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1000} KB`);
console.log(`${'input'.padEnd(34)} ${SIZES.map((size) => `${sizeLabel(size)} s/MB`.padStart(13)).join('')}  ratio  ${'slowest stage at 4 MB'.padEnd(24)} outcome at 4 MB`);
const rows: Row[] = [];
for (const [kind, { file, make }] of Object.entries(KINDS)) {
  const row = measure(kind, file, make);
  rows.push(row);
  console.log(`${kind.padEnd(34)} ${row.secondsPerMB.map((value) => value.toFixed(3).padStart(13)).join('')}  ${row.ratio.toFixed(2).padStart(5)}  ${row.slowestStage.padEnd(24)} ${row.outcome}`);
}
const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
const slowest = rows.reduce((a, b) => (Math.max(...b.secondsPerMB) > Math.max(...a.secondsPerMB) ? b : a));
console.log(`worst ratio: ${worst.ratio} (${worst.kind}); linear within noise when every ratio stays near 1, far from the ~16 of a quadratic step`);
console.log(`most time per MB: ${Math.max(...slowest.secondsPerMB).toFixed(3)} s (${slowest.kind}); the limit is ${LIMIT_SECONDS_PER_MB} s`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/hostile.json', import.meta.url), `${JSON.stringify({ machine, sizes: SIZES, rows }, null, 2)}\n`);
if (Math.max(...slowest.secondsPerMB) > LIMIT_SECONDS_PER_MB) process.exitCode = 1;
