/**
 * HTML to blocks with cheerio (htmlparser2 parser, the fast one). Drops non-article elements, picks the
 * article container, and keeps headings, paragraphs, list items, quotes and table cells as blocks in
 * document order. Metadata comes from meta tags, JSON-LD and <time>.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { DocMeta, RemovedBlock } from '../../pipeline/doc.ts';
import type { Block, BlockKind } from './blocks.ts';
import { normalizeInline } from './normalize.ts';

/** Elements that never hold article text. */
const NEVER_TEXT = 'script, style, noscript, template, svg, canvas, iframe, object, embed, head, button, input, select, textarea, label';
/** Page furniture around the article. */
const FURNITURE = 'nav, header, footer, aside, form, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]';
/** Class or id words that mark page furniture. */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:comments?|share|sharing|social|related|recommend(?:ed|ations)?|popular|newsletter|subscribe|subscription|cookie|consent|gdpr|banner|advert|ads?|promo|breadcrumbs?|sidebar|menu|navbar|nav|footer|masthead|signup|paywall|outbrain|taboola)(?:$|[\s_-])/i;

const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dd, dt';
const KIND_OF: Record<string, BlockKind> = { h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', li: 'list-item', blockquote: 'quote' };

export interface HtmlExtraction {
  blocks: Block[];
  meta: DocMeta;
  removed: RemovedBlock[];
}

/** Extracts the article blocks and metadata of an HTML page. */
export function extractHtml(html: string): HtmlExtraction {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const meta = readMeta($);
  const removed: RemovedBlock[] = [];
  // Elements come in document order, so a parent is removed before its children are reached;
  // a child that went with its parent is not counted again.
  const remove = (elements: Cheerio<AnyNode>, rule: string) => {
    elements.each((_, element) => {
      if (!isAttached(element)) return;
      const chars = normalizeInline($(element).text()).length;
      if (chars > 0) removed.push({ rule, chars, location: describe(element) });
      $(element).remove();
    });
  };

  $(NEVER_TEXT).remove();
  remove($(FURNITURE), 'html-furniture');
  remove(
    $('[class], [id]').filter((_, element) => FURNITURE_NAME.test(`${$(element).attr('class') ?? ''} ${$(element).attr('id') ?? ''}`)),
    'html-furniture',
  );
  $('img, picture, video, audio, figure > figcaption').remove();

  const root = articleRoot($);
  const blocks: Block[] = [];
  root.find(BLOCK_SELECTOR).each((_, element) => {
    if ($(element).find(BLOCK_SELECTOR).length > 0) return;
    const text = normalizeInline($(element).text());
    if (text) blocks.push({ text, kind: KIND_OF[element.tagName] ?? 'paragraph', location: describe(element) });
  });
  if (blocks.length === 0) {
    const text = normalizeInline(root.text());
    if (text) blocks.push({ text, kind: 'paragraph', location: describe(root.get(0)) });
  }
  return { blocks, meta, removed };
}

/** The element that holds the article: the largest <article>, else the main content, else <body>. */
function articleRoot($: CheerioAPI): Cheerio<AnyNode> {
  const candidates = $('article, [itemprop=articleBody], main, [role=main]').toArray();
  const best = candidates
    .map((element) => ({ element, size: $(element).text().length }))
    .sort((a, b) => b.size - a.size)[0];
  if (best && best.size > 200) return $(best.element);
  const body = $('body');
  return body.length > 0 ? body : ($.root() as Cheerio<AnyNode>);
}

function isAttached(node: AnyNode): boolean {
  let top: AnyNode = node;
  while (top.parent) top = top.parent;
  return top.type === 'root';
}

function describe(node: AnyNode | undefined): string {
  if (!node || node.type !== 'tag') return 'page';
  const element = node as Element;
  const id = element.attribs.id ? `#${element.attribs.id}` : '';
  const className = element.attribs.class ? `.${element.attribs.class.trim().split(/\s+/).join('.')}` : '';
  return `<${element.tagName}${id}${className}>`;
}

function metaContent($: CheerioAPI, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = $(selector).first().attr('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

function readMeta($: CheerioAPI): DocMeta {
  const jsonLd = readJsonLd($);
  const meta: DocMeta = {};
  const title =
    metaContent($, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ||
    normalizeInline($('h1').first().text()) ||
    normalizeInline($('title').first().text());
  if (title) meta.title = title;
  const author = metaContent($, 'meta[name="author"]', 'meta[property="article:author"]') ?? jsonLd.author;
  if (author) meta.author = author;
  const date =
    jsonLd.datePublished ??
    metaContent($, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]') ??
    $('time[datetime]').first().attr('datetime');
  const isoDate = date ? /^\d{4}-\d{2}-\d{2}/.exec(date.trim())?.[0] : undefined;
  if (isoDate) meta.published = isoDate;
  const url = $('link[rel="canonical"]').attr('href') ?? metaContent($, 'meta[property="og:url"]');
  if (url) meta.url = url.trim();
  const site = metaContent($, 'meta[property="og:site_name"]');
  if (site) meta.source = site;
  const language = $('html').attr('lang')?.trim().split(/[-_]/)[0]?.toLowerCase();
  if (language) meta.language = language;
  return meta;
}

function readJsonLd($: CheerioAPI): { author?: string; datePublished?: string } {
  const found: { author?: string; datePublished?: string } = {};
  $('script[type="application/ld+json"]').each((_, element) => {
    let data: unknown;
    try {
      data = JSON.parse($(element).text());
    } catch {
      return;
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((item) => (item && typeof item === 'object' && '@graph' in item ? (item as { '@graph': unknown[] })['@graph'] : [item]));
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      if (!found.datePublished && typeof record.datePublished === 'string') found.datePublished = record.datePublished;
      const author = Array.isArray(record.author) ? record.author[0] : record.author;
      if (!found.author && author && typeof author === 'object' && typeof (author as { name?: unknown }).name === 'string') found.author = (author as { name: string }).name;
      if (!found.author && typeof author === 'string') found.author = author;
    }
  });
  return found;
}
