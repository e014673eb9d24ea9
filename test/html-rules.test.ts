/**
 * The extractor's content rules on real pages of the development set (../shared/html-dev): each page
 * here was read wrongly before the rule its test names, and the test checks the page's own expected
 * snippets (from evaldata.json), not text chosen by the code under test.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isBylineOrDateline } from '../stages/ingest/byline.ts';
import { decode } from '../stages/ingest/decode.ts';
import { extractPage } from '../stages/ingest/index.ts';
import { SEEDS_DIR } from './helpers.ts';

const HTML_DEV = new URL('../../shared/html-dev/', import.meta.url);
const evaldata = Object.values(JSON.parse(readFileSync(new URL('evaldata.json', HTML_DEV), 'utf8')) as Record<string, { file: string; with: string[]; without: string[] }>);
const fold = (text: string) => text.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

function page(file: string) {
  const expected = evaldata.find((entry) => entry.file === file)!;
  const html = decode(gunzipSync(readFileSync(new URL(`${file}.gz`, HTML_DEV))), true).text;
  const text = fold(extractPage(html).text);
  return { html, expected, found: expected.with.filter((snippet) => text.includes(fold(snippet))), kept: expected.without.filter((snippet) => text.includes(fold(snippet))) };
}

describe('content rules on real pages', () => {
  it('keeps a blog post whose container is classed by its tags ("tag-…", "category-…")', () => {
    const { html, expected, found } = page('nationnews.com-schools.html');
    expect(html).toMatch(/<article[^>]+class="[^"]*\bhentry\b[^"]*\btag-/);
    expect(found).toEqual(expected.with);
  });

  it('keeps the article inside a container named like furniture when it holds most of the prose ("entry-content-read-more")', () => {
    const { html, found } = page('caymancompass.com-prison.html');
    expect(html).toContain('td-post-content');
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a page wrapped in one <form>: the recipe\'s steps, not only its first step', () => {
    const { html, expected, found } = page('bettycrocker.com.pineapple.html');
    expect(html).toMatch(/<form[^>]+id="mainform"/);
    const lastStep = expected.with.find((snippet) => snippet.startsWith('warm or cool'))!;
    expect(found).toContain(lastStep);
  });

  it('keeps every slide of a gallery, not only the best-scoring one', () => {
    const { expected, found } = page('pawszilla.com.celine.html');
    expect(found).toEqual(expected.with);
  });

  it('drops a promotion for the site\'s app at the end of an article', () => {
    const { kept, found, expected } = page('nationnews.com-tridents.html');
    expect(kept).toEqual([]);
    expect(found).toEqual(expected.with);
  });

  it('drops bylines, datelines and affiliate disclosures repeated around the article', () => {
    for (const file of ['blog.gaijinpot.com.chikan.html', 'telegraph.co.uk.plumber.html', 'mdavis.xyz.supermarket.html', 'thebalance.com.coinbase.html']) {
      expect({ file, kept: page(file).kept }).toEqual({ file, kept: [] });
    }
  });
});

describe('bylines and datelines', () => {
  it('recognises the bylines and datelines of real pages', () => {
    for (const line of ['By Amelie Marie Nishizawa   Feb 8, 2020    5 min read', '17 April 2012 • 2:54pm', '11 Jan 2019', 'By       Sarah Yang', 'Release Date:', 'News date : 04/21/2022  Category : Press Releases']) {
      expect({ line, byline: isBylineOrDateline(line) }).toEqual({ line, byline: true });
    }
  });

  it('never takes a paragraph of the seed articles for one', () => {
    for (const file of ['000_a1abb57812357fd8.txt', '001_a5905505a034775a.txt', '002_f9bcec1626e2c574.txt', '003_1ca09edad87b2863.txt', '004_00a5cb55c041b86a.txt']) {
      const paragraphs = readFileSync(`${SEEDS_DIR}${file}`, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line.length > 20);
      expect(paragraphs.filter((line) => isBylineOrDateline(line))).toEqual([]);
    }
  });
});

describe('more content rules on real pages', () => {
  it('keeps code blocks that start with a Python prompt (">>>" is not a "next" link)', () => {
    const { expected, found } = page('toptal.com.python.html');
    expect(found).toEqual(expected.with);
  });

  it('widens a "content" box only as far as its text earns: the slides of a slideshow win over a two-line box named "content"', () => {
    const { expected, found } = page('economictimes.indiatimes.com.slideshow.html');
    expect(found).toEqual(expected.with);
  });

  it('continues the article after a "Most read" list placed between its paragraphs', () => {
    const { expected, found } = page('theintercept.com-Gaza.html');
    expect(found).toEqual(expected.with);
  });

  it('drops an advertisement written with Cyrillic look-alike letters and a bare domain name', () => {
    expect(page('breakingbelizenews.com-paho.html').kept).toEqual([]);
    expect(page('thestkittsnevisobserver.com-bvi.html').kept).toEqual([]);
  });

  it('fills the text from JSON-LD articleBody when the saved markup stops mid-article', () => {
    const { html, found } = page('pcmag.com.platters.html');
    expect(html).toContain('"articleBody"');
    expect(found).toEqual(expect.arrayContaining(['hat means an 80TB hard drive is theoretically possible.', 'per square inch. Based on to']));
  });
});

describe('the article date of real pages', () => {
  const dated = evaldata as unknown as { file: string; date?: string }[];
  const dateOf = (file: string) => ({ file, date: extractPage(decode(gunzipSync(readFileSync(new URL(`${file}.gz`, HTML_DEV))), true).text).meta.published, expected: dated.find((entry) => entry.file === file)!.date });

  it('is the one of the publication and update dates the page shows its readers first', () => {
    // hellogiggles shows only "Updated Mar 12, 2020"; pythonspeed "Last updated" before "originally created";
    // thelist and foxyfolksy show the publication date before the update.
    for (const file of ['hellogiggles.com.skin.html', 'pythonspeed.com.docker.html', 'thelist.com.multivitamin.html', 'foxyfolksy.com.buttercream.html']) {
      const { date, expected } = dateOf(file);
      expect({ file, date }).toEqual({ file, date: expected });
    }
  });

  it('is the labelled local day when the UTC timestamp falls on the next day', () => {
    const { date, expected } = dateOf('twincities.com-mayor.html');
    expect(date).toBe(expected);
  });

  it('reads 02/10/2020 day first on a British page', () => {
    const { date, expected } = dateOf('msn.com.university.html');
    expect(expected).toBe('2020-10-02');
    expect(date).toBe(expected);
  });
});

describe('the language of a page that does not declare one', () => {
  it('is detected from the article text: German and English pages of the set, their lang attribute taken out', () => {
    for (const [file, language] of [['tell-review.de.heimweh.html', 'de'], ['theintercept.com-Gaza.html', 'en']] as const) {
      const html = decode(gunzipSync(readFileSync(new URL(`${file}.gz`, HTML_DEV))), true).text.replace(/(<html[^>]*?)\s(?:xml:)?lang="[^"]*"/g, '$1');
      expect(html).not.toMatch(/<html[^>]*\slang=/);
      expect({ file, language: extractPage(html).meta.language }).toEqual({ file, language });
    }
  });
});
