/**
 * Metadata of an HTML page: title (og:title, twitter:title, JSON-LD headline, <h1>, <title> less the
 * site name), author, publication date (JSON-LD, article:published_time and a dozen meta conventions,
 * <time datetime>, dated elements, the URL), canonical URL, site name and language.
 */
// English only (chrono.parse's locale, and its day-first variant): the other locales were 0.3 MB of every document worker's bundle.
import * as chrono from 'chrono-node/en';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { DocMeta } from '../../pipeline/doc.ts';
import { normalizeInline } from './normalize.ts';

const DATE_METAS = [
  'meta[property="article:published_time"]', 'meta[property="og:published_time"]', 'meta[property="og:article:published_time"]', 'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="publish-date"]', 'meta[name="publication_date"]',
  'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[name="dc.date.issued"]', 'meta[name="DC.date"]', 'meta[name="dc.date"]', 'meta[name="dcterms.created"]',
  'meta[name="DCTERMS.created"]', 'meta[name="sailthru.date"]', 'meta[name="parsely-pub-date"]', 'meta[name="article.published"]', 'meta[name="citation_publication_date"]',
  'meta[property="article:modified_time"]', 'meta[name="last-modified"]',
];

/** The first meta tag content among `selectors`. */
function metaContent($: CheerioAPI, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = $(selector).first().attr('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** A date as YYYY-MM-DD from ISO text or words ("June 5, 2019"), if it is one; `dayFirst` reads 02/10/2020 as 2 October (British and most non-US pages). */
export function toIsoDate(value: string | undefined, dayFirst = false): string | undefined {
  if (!value) return undefined;
  const iso = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})/.exec(value.trim());
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const parsed = (dayFirst ? chrono.GB : chrono).parse(value)[0];
  if (!parsed || !parsed.start.isCertain('year') || !parsed.start.isCertain('month') || !parsed.start.isCertain('day')) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.start.get('year')}-${pad(parsed.start.get('month')!)}-${pad(parsed.start.get('day')!)}`;
}

interface JsonLd {
  datePublished?: string;
  dateModified?: string;
  dateCreated?: string;
  headline?: string;
  authors: string[];
}

function readJsonLd($: CheerioAPI): JsonLd {
  const found: JsonLd = { authors: [] };
  $('script[type="application/ld+json"]').each((_, element) => {
    let data: unknown;
    try {
      data = JSON.parse($(element).text());
    } catch {
      return;
    }
    const queue = Array.isArray(data) ? [...data] : [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
      const type = String(record['@type'] ?? '');
      if (!/Article|Posting|Report|WebPage|BlogPosting|NewsArticle/i.test(type) && !record.datePublished) continue;
      if (!found.datePublished && typeof record.datePublished === 'string') found.datePublished = record.datePublished;
      if (!found.dateCreated && typeof record.dateCreated === 'string') found.dateCreated = record.dateCreated;
      if (!found.dateModified && typeof record.dateModified === 'string') found.dateModified = record.dateModified;
      if (!found.headline && typeof record.headline === 'string') found.headline = record.headline;
      for (const author of Array.isArray(record.author) ? record.author : record.author ? [record.author] : []) {
        const name = typeof author === 'string' ? author : typeof (author as { name?: unknown }).name === 'string' ? (author as { name: string }).name : undefined;
        if (name && !found.authors.includes(name.trim())) found.authors.push(name.trim());
      }
    }
  });
  return found;
}

/** "Title | Site", "Title - Site", "Site: Title": the title (whitespace already collapsed) without the site's name. */
function cleanTitle(title: string, site: string | undefined): string {
  const parts = title.split(/ [|–—-] | :: | » /);
  if (parts.length < 2) return title;
  if (site) {
    const rest = parts.filter((part) => part.trim().toLowerCase() !== site.trim().toLowerCase());
    if (rest.length < parts.length) return rest.join(' - ');
  }
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

const MODIFIED_METAS = ['meta[property="article:modified_time"]', 'meta[itemprop="dateModified"]', 'meta[property="og:updated_time"]', 'meta[name="last-modified"]'];

/** Dates written out in running text: "Mar 12, 2020", "6 January 2020", "04/06/2020". */
const WRITTEN_DATE =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6},? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})/gi;
/** Words that introduce an article's date: "Posted on", "Updated:", "Published". */
const DATE_LABEL = /\b(?:posted|published|updated|modified|date|on)\b[^.\d]{0,30}$/i;
const HIDDEN_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head']);

/** The page's text as a reader sees it (scripts and styles left out), up to a limit, without recursion. */
function visibleText($: CheerioAPI, limit = 200_000): string {
  let text = '';
  const stack: AnyNode[] = [];
  const body = $('body').get(0)?.children ?? [];
  for (let index = body.length - 1; index >= 0; index -= 1) stack.push(body[index]!);
  while (stack.length > 0 && text.length < limit) {
    const node = stack.pop()!;
    if (node.type === 'text') text += `${(node as Text).data} `;
    else if (node.type === 'tag' && !HIDDEN_TEXT.has((node as Element).tagName)) {
      // One push per child, not push(...children): a page may have more children than a call takes arguments.
      const children = (node as Element).children;
      for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
    }
  }
  return text.replace(/\s+/g, ' ');
}

/** The dates the page shows its readers, in order, each with whether a label such as "Posted on" precedes it. */
function visibleDates($: CheerioAPI, dayFirst: boolean): { date: string; labelled: boolean }[] {
  const text = visibleText($);
  const dates: { date: string; labelled: boolean }[] = [];
  for (const match of text.matchAll(WRITTEN_DATE)) {
    const date = toIsoDate(match[0], dayFirst);
    if (date) dates.push({ date, labelled: DATE_LABEL.test(text.slice(Math.max(0, match.index - 40), match.index)) });
    if (dates.length >= 50) break;
  }
  return dates;
}

const DAY = 86_400_000;

/**
 * The article's date. Markup gives the publication date and often a modification date; of the two, the
 * one the page shows its readers first is the article's date as read (a page headed "Updated Mar 12"
 * is dated by the update), and a labelled day wins over a UTC timestamp a day off. With no date in
 * the markup, the first date the page labels ("Posted on …") is used.
 */
function findDate($: CheerioAPI, jsonLd: JsonLd, url: string | undefined, dayFirst: boolean): string | undefined {
  const published = findPublished($, jsonLd, url, dayFirst);
  const modified = toIsoDate(jsonLd.dateModified ?? metaContent($, ...MODIFIED_METAS));
  const shown = visibleDates($, dayFirst);
  if (!published) return shown.find((entry) => entry.labelled)?.date;
  const known = [published, modified].filter((date): date is string => date !== undefined);
  const exact = shown.find((entry) => known.includes(entry.date));
  // A timestamp in UTC can fall a day off the local day the page shows beside its label ("PUBLISHED: November 8").
  const near = shown.find((entry) => entry.labelled && known.some((date) => Math.abs(Date.parse(entry.date) - Date.parse(date)) <= DAY));
  return (exact ?? near)?.date ?? published;
}

function findPublished($: CheerioAPI, jsonLd: JsonLd, url: string | undefined, dayFirst: boolean): string | undefined {
  const fromUrlMatch = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(url ?? '');
  const urlDate = fromUrlMatch ? `${fromUrlMatch[1]}-${fromUrlMatch[2]!.padStart(2, '0')}-${fromUrlMatch[3]!.padStart(2, '0')}` : undefined;
  const candidates = [metaContent($, ...DATE_METAS.slice(0, 4)), jsonLd.datePublished, jsonLd.dateCreated, metaContent($, ...DATE_METAS.slice(4))];
  for (const candidate of candidates) {
    const date = toIsoDate(candidate, dayFirst);
    // A timestamp in UTC can fall on the day after the local date the URL gives: the URL's day wins.
    if (date && urlDate && Math.abs(Date.parse(date) - Date.parse(urlDate)) <= 86_400_000) return urlDate;
    if (date) return date;
  }
  for (const selector of ['[itemprop="datePublished"]', 'time[pubdate]', 'time.published', 'time.entry-date', 'article time[datetime]', 'time[datetime]', 'abbr.published']) {
    const element = $(selector).first();
    const date = toIsoDate(element.attr('datetime') ?? element.attr('content') ?? element.attr('title') ?? element.text(), dayFirst);
    if (date) return date;
  }
  if (urlDate) return urlDate;
  // Dated elements: class or id words such as date, published, posted, time.
  let dated: string | undefined;
  $('[class*="date"], [class*="publish"], [class*="posted"], [class*="time"], [id*="date"]').each((_, element) => {
    if (dated) return false;
    const text = normalizeInline($(element).text());
    if (text.length > 0 && text.length < 80) dated = toIsoDate(text, dayFirst);
    return undefined;
  });
  return dated;
}

function findAuthor($: CheerioAPI, jsonLd: JsonLd): string | undefined {
  const meta = metaContent($, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="parsely-author"]', 'meta[name="sailthru.author"]', 'meta[name="byl"]', 'meta[name="dc.creator"]', 'meta[name="DC.creator"]');
  if (meta && !/^https?:/.test(meta)) return meta.replace(/^by\s+/i, '');
  if (jsonLd.authors.length > 0) return jsonLd.authors.join('; ');
  for (const selector of ['[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', 'a[rel="author"]', '.author-name', '.byline-name', '.author', '.byline']) {
    const text = normalizeInline($(selector).first().text()).replace(/^by\s+/i, '');
    if (text.length > 1 && text.length < 60) return text;
  }
  return undefined;
}

/** Reads the metadata; call before anything is removed from the page. */
export function readMeta($: CheerioAPI): DocMeta {
  const jsonLd = readJsonLd($);
  const meta: DocMeta = {};
  const site = metaContent($, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const title =
    metaContent($, 'meta[property="og:title"]', 'meta[name="twitter:title"]') || jsonLd.headline || normalizeInline($('h1').first().text()) || normalizeInline($('title').first().text());
  if (title) meta.title = cleanTitle(normalizeInline(title), site);
  const url = $('link[rel="canonical"]').attr('href')?.trim() || metaContent($, 'meta[property="og:url"]');
  if (url) meta.url = url;
  const author = findAuthor($, jsonLd);
  if (author) meta.author = normalizeInline(author);
  const locale = ($('html').attr('lang') ?? $('html').attr('xml:lang') ?? metaContent($, 'meta[http-equiv="content-language"]', 'meta[property="og:locale"]'))?.trim().toLowerCase();
  // Only the United States (and pages that do not say) write the month first.
  const dayFirst = locale !== undefined && locale !== 'en' && !/^en[-_]us$/.test(locale);
  const date = findDate($, jsonLd, url, dayFirst);
  if (date) meta.published = date;
  if (site) meta.source = site;
  const language = locale?.split(/[-_]/)[0];
  if (language) meta.language = language;
  return meta;
}
