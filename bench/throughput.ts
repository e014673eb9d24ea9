/**
 * npm run bench [-- DIR] [--fractions 0.125,0.25] [--concurrency N]: throughput of the whole pipeline on
 * the BBC corpus (default ../shared/bench/bbc) or DIR. A fraction above 1 (2, 4) is the corpus copied
 * that many times, each copy's text perturbed so that hashes differ. For each fraction: a full run from
 * an empty store (all stages, store and reports) in a child process, its words/s and peak RSS, next to a
 * bare single-core compromise parse of the same text measured in the same run; then the time to add one
 * article (a seed of a second side) to the last store and rerun, process start included, with what each
 * corpus stage worked out again, then another of the same side, then a rerun with nothing changed and
 * `--help` alone. It builds dist/ first, so it
 * measures the command as `npm ci` installs it. Prints a table and writes bench/results/throughput.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { fractions: { type: 'string', default: '0.125,0.25' }, concurrency: { type: 'string', default: '2' } } });
const source = positionals[0] ?? new URL('../../shared/bench/bbc/', import.meta.url).pathname;
const bin = new URL('../bin/narratives.js', import.meta.url).pathname;

/** The corpus's article files in a stable order, interleaving its folders so that a fraction samples all. */
function articles(dir: string): string[] {
  const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const lists = folders.map((folder) => readdirSync(join(dir, folder)).filter((file) => file.endsWith('.txt')).sort().map((file) => join(folder, file)));
  const interleaved: string[] = [];
  for (let i = 0; lists.some((list) => i < list.length); i += 1) for (const list of lists) if (i < list.length) interleaved.push(list[i]!);
  return interleaved.length > 0 ? interleaved : readdirSync(dir).filter((file) => file.endsWith('.txt')).sort();
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Runs the CLI under /usr/bin/time; returns wall seconds, peak RSS in MB and stdout. */
function timed(cwd: string, args: string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`narratives ${args.join(' ')} failed: ${result.stderr.slice(-500)}`);
  const rss = Number(/maxrss (\d+)/.exec(result.stderr)?.[1]);
  return { seconds, peakRssMb: rss / 1024, stdout: result.stdout };
}

// The command as installed: `npm ci` compiles it to dist/, which bin/narratives.js runs when current.
const build = spawnSync('npm', ['run', 'build'], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);

const all = articles(source);
const rows: Record<string, unknown>[] = [];
let last: string | undefined;
for (const fraction of values.fractions!.split(',').map(Number)) {
  const chosen = all.slice(0, Math.max(1, Math.round(all.length * Math.min(fraction, 1))));
  const workspace = mkdtempSync(join(tmpdir(), 'narratives-bench-'));
  mkdirSync(join(workspace, 'corpus'));
  const texts: string[] = [];
  // A fraction above 1 copies the corpus that many times, each copy's text perturbed so that no two hash alike.
  for (let copy = 0; copy < Math.max(1, Math.round(fraction)); copy += 1) {
    for (const file of chosen) {
      const bytes = Buffer.concat([readFileSync(join(source, file)), Buffer.from(copy === 0 ? '' : `\nCopy ${copy} of this article.\n`)]);
      writeFileSync(join(workspace, 'corpus', `${copy === 0 ? '' : `copy${copy}-`}${file.replace(/\//g, '-')}`), bytes);
      texts.push(bytes.toString('latin1'));
    }
  }
  const words = texts.reduce((sum, text) => sum + countWords(text), 0);
  const full = timed(workspace, ['run', '--json', '--concurrency', values.concurrency!]);
  const started = performance.now();
  for (const text of texts) nlp(text).json();
  const compromiseSeconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(full.stdout) as { seconds: Record<string, number>; workers: number; processed: number; peakRssMb: { documents: number }; documents: { duplicates: number }; messages: { path: string; rule?: string }[] };
  const { seconds: stageSeconds, workers } = summary;
  rows.push({
    fraction,
    documents: texts.length,
    // Byte-identical files are stored with the first and not processed again; sport/199.txt is decoded as windows-1252 with a warning.
    processed: summary.processed,
    duplicates: summary.documents.duplicates,
    encodingFallbacks: summary.messages.filter((message) => message.rule === 'encoding-fallback').length,
    words,
    seconds: +full.seconds.toFixed(2),
    wordsPerSecond: Math.round(words / full.seconds),
    compromiseWordsPerSecond: Math.round(words / compromiseSeconds),
    ratioToCompromise: +(compromiseSeconds / full.seconds).toFixed(3),
    microsecondsPerWord: +((full.seconds / words) * 1e6).toFixed(1),
    peakRssMb: Math.round(full.peakRssMb),
    // Peak memory when the per-document stages were done: the rest is the corpus stages'.
    peakRssMbDocumentStages: summary.peakRssMb.documents,
    workers,
    stageSeconds,
  });
  if (last) rmSync(last, { recursive: true, force: true });
  last = workspace;
}

/** Adds a seed to the last store as `news` and reruns, process start included. */
function addSeed(seed: string, name: string) {
  const added = join(last!, name);
  writeFileSync(added, readFileSync(new URL(`../../shared/seeds/${seed}`, import.meta.url)));
  const increment = timed(last!, ['add', added, '--kind', 'news', '--json', '--concurrency', values.concurrency!]);
  const summary = JSON.parse(increment.stdout) as { seconds: Record<string, number>; processed: number; documents: { unchanged: number }; corpusWork: Record<string, string> };
  // What proves the add incremental: one file processed, every other one only hashed (counted unchanged),
  // and what each corpus stage worked out again, against all it could have.
  return {
    seconds: +increment.seconds.toFixed(2),
    processed: summary.processed,
    unchanged: summary.documents.unchanged,
    stageSeconds: summary.seconds,
    corpusWork: summary.corpusWork,
    peakRssMb: Math.round(increment.peakRssMb),
  };
}
// One more article on the last store: a real one, of another kind than BBC's (a second side for the
// narratives), naming places and organisations BBC names too (the United States, China, Huawei): seed
// 001, a 552-word report on the Clean Network. Then another of the same side (seed 002), the usual case
// once a side exists.
const incremental = addSeed('001_a5905505a034775a.txt', 'new-article.txt');
const second = addSeed('002_f9bcec1626e2c574.txt', 'second-article.txt');
// Then a rerun with nothing changed (the corpus stages skip it), and the start-up alone.
const rerun = timed(last!, ['run', '--json']);
const unchanged = { seconds: +rerun.seconds.toFixed(2), corpusStagesSkipped: (JSON.parse(rerun.stdout) as { corpusStagesSkipped: boolean }).corpusStagesSkipped };
const startup = { seconds: +timed(last!, ['--help']).seconds.toFixed(2) };
rmSync(last!, { recursive: true, force: true });

console.log(`throughput on ${source} (${all.length} articles), concurrency ${values.concurrency}`);
console.log(`${'fraction'.padEnd(9)} ${'docs'.padStart(5)} ${'words'.padStart(8)} ${'seconds'.padStart(8)} ${'words/s'.padStart(8)} ${'compromise w/s'.padStart(15)} ${'ratio'.padStart(6)} ${'µs/word'.padStart(8)} ${'RSS MB'.padStart(7)} ${'docs RSS'.padStart(8)} ${'workers'.padStart(7)} ${'processed'.padStart(9)} ${'dupl.'.padStart(5)}`);
for (const row of rows) {
  console.log(
    `${String(row.fraction).padEnd(9)} ${String(row.documents).padStart(5)} ${String(row.words).padStart(8)} ${String(row.seconds).padStart(8)} ${String(row.wordsPerSecond).padStart(8)} ${String(row.compromiseWordsPerSecond).padStart(15)} ${String(row.ratioToCompromise).padStart(6)} ${String(row.microsecondsPerWord).padStart(8)} ${String(row.peakRssMb).padStart(7)} ${String(row.peakRssMbDocumentStages).padStart(8)} ${String(row.workers).padStart(7)} ${String(row.processed).padStart(9)} ${String(row.duplicates).padStart(5)}`,
  );
}
for (const [what, add] of [['adding one article (a second side)', incremental], ['adding another of the same side', second]] as const) {
  console.log(`${what} and rerunning: ${add.seconds} s (process start included), ${add.processed} file processed, ${add.unchanged} unchanged, peak RSS ${add.peakRssMb} MB; stages: ${JSON.stringify(add.stageSeconds)}`);
  for (const [stage, work] of Object.entries(add.corpusWork)) console.log(`  ${stage.padEnd(17)} ${String(add.stageSeconds[stage]).padStart(6)} s  ${work}`);
}
console.log(`rerunning with nothing changed: ${unchanged.seconds} s (corpus stages ${unchanged.corpusStagesSkipped ? 'skipped' : 'ran'}); narratives --help: ${startup.seconds} s`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/throughput.json', import.meta.url), `${JSON.stringify({ source, concurrency: Number(values.concurrency), rows, incremental, second, unchanged, startup }, null, 2)}\n`);
