/**
 * npm run bench:html [DIR]: scores the HTML article extractor on a development set of real pages
 * (default ../shared/html-dev: gzipped pages and evaldata.json with snippets that must and must not be
 * extracted, and expected metadata), next to Mozilla's Readability.js over linkedom measured in the
 * same run. Prints the figures and writes them to bench/results/html.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { decode } from '../stages/ingest/decode.ts';
import { extractPage } from '../stages/ingest/index.ts';

interface Expected {
  file: string;
  with: string[];
  without: string[];
  title?: string;
  author?: string;
  date?: string;
}

interface Extracted {
  text: string;
  title?: string;
  author?: string;
  date?: string;
}

const dir = process.argv[2] ?? new URL('../../shared/html-dev/', import.meta.url).pathname;
const pages = Object.values(JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, Expected>);
const html = pages.map((page) => decode(gunzipSync(readFileSync(join(dir, `${page.file}.gz`))), true).text);

/** Whitespace and quotes folded, so a snippet matches however the page spaced or quoted it. */
const fold = (text: unknown) => String(text ?? '').normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

function ours(source: string): Extracted {
  const page = extractPage(source);
  return { text: page.text, title: page.meta.title, author: page.meta.author, date: page.meta.published };
}

function readability(source: string): Extracted {
  const document = new DOMParser().parseFromString(source, 'text/html');
  const article = new Readability(document as never).parse();
  return { text: article?.textContent ?? '', title: article?.title ?? undefined, author: article?.byline ?? undefined, date: article?.publishedTime ?? undefined };
}

/** The design's other option: Readability.js chooses the content, our cheerio blocks and boilerplate rules clean it. */
function readabilityThenOurs(source: string): Extracted {
  const document = new DOMParser().parseFromString(source, 'text/html');
  const article = new Readability(document as never).parse();
  const meta = extractPage(source).meta;
  return { text: article?.content ? extractPage(article.content).text : '', title: meta.title, author: meta.author, date: meta.published };
}

function score(name: string, extract: (source: string) => Extracted) {
  let found = 0;
  let wanted = 0;
  let leaked = 0;
  let unwanted = 0;
  const metadata = { title: [0, 0], author: [0, 0], date: [0, 0] } as Record<'title' | 'author' | 'date', [number, number]>;
  const misses: string[] = [];
  const started = performance.now();
  const results = html.map((source) => {
    try {
      return extract(source);
    } catch {
      return { text: '' };
    }
  });
  const seconds = (performance.now() - started) / 1000;
  pages.forEach((page, index) => {
    const text = fold(results[index]!.text);
    for (const snippet of page.with) {
      wanted += 1;
      if (text.includes(fold(snippet))) found += 1;
      else misses.push(`${page.file}: missing "${snippet}"`);
    }
    for (const snippet of page.without) {
      unwanted += 1;
      if (text.includes(fold(snippet))) {
        leaked += 1;
        misses.push(`${page.file}: kept "${snippet}"`);
      }
    }
    for (const field of ['title', 'author', 'date'] as const) {
      const expected = page[field];
      if (!expected) continue;
      metadata[field][1] += 1;
      const got = results[index]![field] ?? '';
      const right = field === 'date' ? got.slice(0, 10) === expected.slice(0, 10) : fold(got) === fold(expected) || (field === 'author' && fold(got).includes(fold(expected)));
      if (right) metadata[field][0] += 1;
    }
  });
  const precision = found / (found + leaked);
  const recall = found / wanted;
  return {
    name,
    pages: pages.length,
    withRecall: recall,
    withoutLeak: leaked / unwanted,
    f1: (2 * precision * recall) / (precision + recall),
    title: metadata.title[0] / metadata.title[1],
    author: metadata.author[0] / metadata.author[1],
    date: metadata.date[0] / metadata.date[1],
    pagesPerSecond: pages.length / seconds,
    misses,
  };
}

const results = [score('narratives', ours), score('Readability.js + linkedom', readability), score('Readability.js, then ours', readabilityThenOurs)];
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`HTML extraction on ${pages.length} pages of ${dir}`);
console.log(`${'extractor'.padEnd(28)} ${'with found'.padStart(10)} ${'without kept'.padStart(12)} ${'F1'.padStart(6)} ${'title'.padStart(6)} ${'author'.padStart(6)} ${'date'.padStart(6)} ${'pages/s'.padStart(8)}`);
for (const result of results) {
  console.log(
    `${result.name.padEnd(28)} ${percent(result.withRecall).padStart(10)} ${percent(result.withoutLeak).padStart(12)} ${result.f1.toFixed(3).padStart(6)} ${percent(result.title).padStart(6)} ${percent(result.author).padStart(6)} ${percent(result.date).padStart(6)} ${result.pagesPerSecond.toFixed(1).padStart(8)}`,
  );
}
if (process.env.VERBOSE) for (const miss of results[0]!.misses) console.log(`  ${miss}`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/html.json', import.meta.url), `${JSON.stringify(results.map(({ misses, ...rest }) => ({ ...rest, misses: misses.length })), null, 2)}\n`);
