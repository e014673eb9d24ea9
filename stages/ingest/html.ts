/**
 * HTML to article blocks with cheerio (htmlparser2, the fast parser). After dropping elements that
 * never hold article text and page furniture (menus, banners, share bars, related lists, comments),
 * paragraphs score their ancestors (length, commas; class and id words such as "content" or "sidebar"
 * weigh in, links discount) in the manner of Readability; the best container and its siblings that
 * score well enough give the blocks: headings, paragraphs, list items, quotes and table cells, in order.
 */
// The slim entry: htmlparser2 only, which the options below choose anyway; the full one also loads parse5 and undici at every start.
import { createRequire } from 'node:module';
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { filter, findOne, getElementsByTagName, textContent } from 'domutils';
import type { DocMeta, RemovedBlock } from '../../pipeline/doc.ts';
import type { Block, BlockKind } from './blocks.ts';
import { readMeta } from './html-meta.ts';
import { normalizeInline } from './normalize.ts';
import { mapProse, type ProseMap } from './prose.ts';
import { isBylineOrDateline } from './byline.ts';
import { nestsDeeperThan } from './nesting.ts';
import { detachAll } from './detach.ts';

/** cheerio, loaded with the first web page: a run that adds text files does without loading it. */
let loaded: typeof import('cheerio/slim') | undefined;
const cheerio = () => (loaded ??= createRequire(import.meta.url)('cheerio/slim') as typeof import('cheerio/slim'));

/** Elements that never hold article text. */
const NEVER_TEXT = 'script, style, template, svg, canvas, iframe, object, embed, head, button, input, select, textarea, label, img, picture, video, audio, map, link, meta';
/** Page furniture by element and role. */
const FURNITURE = 'nav, footer, aside, form, dialog, menu, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alert], [aria-hidden=true], [hidden]';
/** A caption longer than this, or written in several paragraphs, is the text of a gallery slide, not a picture's label. */
const LONG_CAPTION = 200;
const CAPTION_NAME = /(?:^|[\s_-])caption(?:$|[\s_-])/i;
/** Class or id words that mark furniture; an element so named goes unless it holds most of the page's paragraphs. */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:share|sharing|social|related|recommend(?:ed|ations)?|popular|most-read|most-popular|most-viewed|read-next|trending|newsletter|subscribe|subscription|signup|cookie|consent|gdpr|banner|advert|ads?|adslot|promo|sponsor(?:ed)?|breadcrumbs?|sidebar|widget|menu|navbar|nav|navigation|footer|masthead|paywall|outbrain|taboola|disqus|comments?|respond|reply|author-bio|bio|tags?|tag-list|pagination|pager|more-stories|read-more|next-post|prev-post|post-nav|skip|modal|popup|toolbar|print|cta|photo-credit|overlay|disclosure|feed-links|byline|author-box|about-author|author-info)(?:$|[\s_-])/i;
const POSITIVE_NAME = /(?:^|[\s_-])(?:article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-text|markdown)(?:$|[\s_-])/i;
const NEGATIVE_NAME = /(?:^|[\s_-])(?:comment|meta|footer|footnote|sidebar|widget|related|share|social|promo|banner|nav|menu|byline|author|tag|caption|credit|masthead|header)(?:$|[\s_-])/i;

const BLOCK_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'blockquote', 'pre', 'td', 'th', 'dd', 'dt']);
const KIND_OF: Record<string, BlockKind> = { h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', li: 'list-item', blockquote: 'quote' };
const CONTAINER_TAGS = new Set(['div', 'article', 'section', 'main', 'td', 'body', 'blockquote', 'ul', 'ol', 'span', 'font', 'center']);
/** Elements the chosen container may widen to when they only wrap it: containers and list items (a recipe's steps), never the body. */
const CLIMB_TAGS = new Set([...CONTAINER_TAGS, 'li', 'form'].filter((tag) => tag !== 'body'));
/** Short blocks that are page controls, not text. */
const CONTROL = /^(?:share(?: this)?(?: on \w+)?|tweet|print|e-?mail|pin it|save|like|follow us|advertisement:?|ad|sponsored|read more|continue reading|skip to (?:main )?content|back to top|\d+ comments?|comments?|log ?in|sign ?in|sign up|subscribe|\d+ min(?:ute)? read|search(?: for [\p{L} ]{1,60})?|(?:www\.)?[a-z0-9-]{2,40}\.(?:com|org|net|co\.uk|info|news))\.?$/iu;
/** Short blocks that credit a picture: "Photograph by …", "Credit: …", "Getty Images". */
const PICTURE_CREDIT = /^\(?(?:(?:photo(?:graph)?|image|picture|illustration|credit|source|video)s?(?: by)?\s*:|(?:photo(?:graph)?|image|illustration)s? by\b)|\b(?:getty images|shutterstock|ap photo|afp via getty|istock(?:photo)?|reuters files?)\b|\/\s*(?:reuters|ap|afp|getty(?: images)?|epa)$/i;

/**
 * Deepest element nesting read. Browsers stop nesting at 512 levels (Chromium's tree builder); real
 * articles stay under a hundred. Deeper pages are refused before parsing (nesting.ts estimates the
 * depth, leniently, in one linear pass) and after it (the tree's real depth), so a page of a million
 * nested <div>s costs one linear pass, not a stack overflow after minutes of quadratic parsing.
 */
export const MAX_DEPTH = 512;

export class HtmlTooDeepError extends Error {}

/** Throws HtmlTooDeepError when the tree nests deeper than MAX_DEPTH; iterative, so any depth is safe to measure. */
function checkDepth(root: AnyNode): void {
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new HtmlTooDeepError(`HTML is nested more than ${MAX_DEPTH} elements deep`);
    if (node.type === 'tag' || node.type === 'root') for (const child of (node as Element).children) if (child.type === 'tag') stack.push([child, depth + 1]);
  }
}

export interface HtmlExtraction {
  blocks: Block[];
  meta: DocMeta;
  removed: RemovedBlock[];
}

/** Share of the page's prose above which an element named like furniture is the article's container. */
const HOLDS_ARTICLE = 0.5;
/** Share above which a furniture element (a <form>, an <aside>) wraps the whole page rather than sitting beside the article. */
const WRAPS_PAGE = 0.8;

/**
 * An element's class and id words. Blog engines class a post's container by its taxonomy
 * ("post-42 hentry tag-comments category-sidebar-news"): those words name the post's subjects, not
 * the element's role, so they are left out on an element classed as a post. camelCase words are
 * split ("NewsletterModule" reads as "Newsletter-Module").
 */
function nameOf(element: Element): string {
  const classes = element.attribs.class ?? '';
  const words = /(?:^|\s)(?:hentry|type-post|post-\d+)(?:$|\s)/.test(classes) ? classes.split(/\s+/).filter((word) => !/^(?:tag|category|format|status)-/.test(word)).join(' ') : classes;
  return `${words} ${element.attribs.id ?? ''}`.replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2');
}

/*
 * Tree questions go to domutils directly: cheerio's .find() hands an element's children to css-select,
 * which de-duplicates them pairwise (quadratic in the number of children, which a page of tens of
 * thousands of sibling paragraphs makes take minutes), and .contents() over many elements concatenates arrays quadratically.
 */

/** True when an element has a descendant with one of these tag names. */
function hasDescendant(element: Element, tags: ReadonlySet<string>): boolean {
  return findOne((node) => tags.has(node.tagName), element.children, true) !== null;
}

const MAIN_TEXT_TAGS = new Set(['p', 'div', 'li']);
const BLOCK_OR_DIV_TAGS = new Set([...BLOCK_TAGS, 'div']);

function describe(node: AnyNode | undefined): string {
  if (!node || node.type !== 'tag') return 'page';
  const element = node as Element;
  const id = element.attribs.id ? `#${element.attribs.id}` : '';
  const className = element.attribs.class ? `.${element.attribs.class.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
  return `<${element.tagName}${id}${className}>`;
}

/** True when the node is in the page's tree and neither it nor an ancestor is among `leaving`. */
function isAttached(node: AnyNode, leaving: ReadonlySet<AnyNode> = new Set()): boolean {
  let top: AnyNode = node;
  for (; top.parent; top = top.parent) if (leaving.has(top)) return false;
  return top.type === 'root' && !leaving.has(top);
}

/** Share of an element's text that is link text. */
function linkDensity($: CheerioAPI, element: AnyNode): number {
  const text = normalizeInline(textContent(element)).length;
  if (text === 0) return 0;
  const links = getElementsByTagName('a', element, true).reduce((sum, link) => sum + normalizeInline(textContent(link)).length, 0);
  return links / text;
}

/** Extracts the article blocks and metadata of an HTML page. */
export function extractHtml(html: string): HtmlExtraction {
  if (nestsDeeperThan(html, MAX_DEPTH * 4)) throw new HtmlTooDeepError(`HTML is nested more than ${MAX_DEPTH} elements deep`);
  const $ = cheerio().load(html, { xml: { xmlMode: false, decodeEntities: true } });
  checkDepth($.root().get(0)!);
  const meta = readMeta($);
  const articleBody = readArticleBody($);
  const removed: RemovedBlock[] = [];
  let prose: ProseMap | undefined;
  /** Removes the elements, except those holding at least `keepShare` of the page's prose. */
  const remove = (elements: Cheerio<AnyNode>, rule: string, keepShare = Infinity) => {
    const leaving = new Set<AnyNode>();
    elements.each((_, element) => {
      if (!isAttached(element, leaving) || prose!.share(element) >= keepShare) return;
      const chars = normalizeInline($(element).text()).length;
      if (chars > 0) removed.push({ rule, chars, location: describe(element) });
      leaving.add(element);
    });
    detachAll(leaving);
  };

  // Pages rendered by script often keep their text in <noscript> for readers without it: keep that text.
  $('noscript').each((_, element) => {
    if (normalizeInline($(element).text()).length > 200 && hasDescendant(element, MAIN_TEXT_TAGS)) $(element).replaceWith($(element).contents());
    else $(element).remove();
  });
  detachAll($(NEVER_TEXT).toArray());
  detachAll(filter((node) => node.type === 'comment', $.root().toArray(), true));
  prose = mapProse($.root().get(0)!);
  const headlines = $('h1').toArray().map((element) => normalizeInline($(element).text())).filter(Boolean);
  const headline = pickHeadline(headlines, meta.title);
  remove($(FURNITURE), 'html-furniture', WRAPS_PAGE);
  remove(
    $('figcaption, [class*=caption]').filter((_, element) => (element.tagName === 'figcaption' || CAPTION_NAME.test(nameOf(element))) && normalizeInline($(element).text()).length < LONG_CAPTION && getElementsByTagName('p', element, true, 2).length < 2),
    'html-caption',
  );
  // A page header goes, but an article's own header (its headline, standfirst and date) stays.
  const isArticleHeader = (element: Element) => $(element).parents('article, main, [role=main]').length > 0 || getElementsByTagName('h1', element, true).some((h1) => normalizeInline(textContent(h1)) === headline);
  remove($('header').filter((_, element) => !isArticleHeader(element)), 'html-furniture');
  const total = normalizeInline($('body').text()).length || 1;
  remove(
    $('[class], [id]').filter((_, element) => {
      const named = element as Element;
      if (named.tagName === 'body' || named.tagName === 'html' || !FURNITURE_NAME.test(nameOf(named))) return false;
      // "comments" and friends go whatever their size; other names only if they hold little of the page.
      if (/comment|disqus|respond|reply/i.test(nameOf(named))) return true;
      return normalizeInline($(named).text()).length < total * 0.3;
    }),
    'html-furniture',
    HOLDS_ARTICLE,
  );

  const chosen = chooseContent($);
  const blocks: Block[] = [];
  for (const root of chosen) collectBlocks($, root, blocks);
  const kept = blocks.filter((block) => {
    if (CONTROL.test(block.text) || (block.text.length < 100 && PICTURE_CREDIT.test(block.text))) {
      removed.push({ rule: 'html-control', chars: block.text.length, location: block.location });
      return false;
    }
    // A heading is a byline only when it is the author's name (a headline may well start with "By").
    if ((block.kind !== 'heading' || block.text === meta.author) && isBylineOrDateline(block.text, meta.author)) {
      removed.push({ rule: 'html-byline', chars: block.text.length, location: block.location });
      return false;
    }
    return true;
  });
  useArticleBody(kept, articleBody);
  if (headline && !kept.some((block) => block.kind === 'heading' && block.text === headline)) kept.unshift({ text: headline, kind: 'heading', location: 'page headline <h1>' });
  if (kept.length === 0) {
    const text = normalizeInline($('body').text() || $.root().text());
    if (text) kept.push({ text, kind: 'paragraph', location: 'page' });
  }
  return { blocks: kept, meta, removed };
}

/**
 * Pages rendered by script, or saved before they finished loading, often carry the article whole in
 * JSON-LD's articleBody. When it holds the paragraphs found and more, it replaces them (the blocks
 * around them, a title or a standfirst, stay); when nothing was found, it is the article.
 */
function useArticleBody(blocks: Block[], articleBody: string | undefined): void {
  if (!articleBody || articleBody.length < 500) return;
  const body = articleBody.replace(/\s+/g, ' ');
  const inside = blocks.map((block) => block.kind === 'paragraph' && block.text.length >= 40 && body.includes(block.text.replace(/\s+/g, ' ')));
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  const covered = blocks.slice(Math.max(first, 0), last + 1).reduce((sum, block) => sum + block.text.length, 0);
  const keptLength = blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (first === -1 ? articleBody.length <= Math.max(500, keptLength * 1.5) : articleBody.length <= covered * 1.2) return;
  const paragraphs = articleBody.split(/\n+/).map((line) => normalizeInline(line)).filter(Boolean).map((text) => ({ text, kind: 'paragraph' as BlockKind, location: 'JSON-LD articleBody' }));
  if (first === -1) blocks.splice(0, blocks.length, ...paragraphs);
  else blocks.splice(first, last - first + 1, ...paragraphs);
}

/** The page's headline: the <h1> that is the page's title, or its only <h1>. */
function pickHeadline(headlines: string[], title: string | undefined): string | undefined {
  const folded = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim();
  const matching = title ? headlines.find((headline) => folded(headline) === folded(title) || (headline.length > 20 && folded(title).includes(folded(headline)))) : undefined;
  const headline = matching ?? (headlines.length === 1 ? headlines[0] : undefined);
  return headline && headline.length <= 300 ? headline : undefined;
}

/** The longest articleBody of the page's JSON-LD; read it before scripts are removed. */
function readArticleBody($: CheerioAPI): string | undefined {
  let longest: string | undefined;
  $('script[type="application/ld+json"]').each((_, element) => {
    const match = /"articleBody"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec($(element).text());
    if (!match) return;
    try {
      const body = JSON.parse(`"${match[1]}"`) as string;
      if (!longest || body.length > longest.length) longest = body;
    } catch {
      // An articleBody that is not valid JSON text is not used.
    }
  });
  return longest;
}

/** The content containers: the best-scoring one and its siblings that score well enough. */
function chooseContent($: CheerioAPI): AnyNode[] {
  const scores = new Map<AnyNode, number>();
  const initial = (element: Element) => {
    const name = nameOf(element);
    let score = 0;
    if (POSITIVE_NAME.test(name)) score += 25;
    if (NEGATIVE_NAME.test(name)) score -= 25;
    if (element.tagName === 'article' || element.tagName === 'main') score += 10;
    return score;
  };
  $('p, pre, td, blockquote, li, h2, h3, div, section').each((_, element) => {
    const node = element as Element;
    // A div or section scores only for the text it holds directly, not inside other blocks.
    const text =
      node.tagName === 'div' || node.tagName === 'section'
        ? normalizeInline(
            $(node)
              .contents()
              .filter((__, child) => child.type === 'text' || (child.type === 'tag' && ['a', 'span', 'em', 'strong', 'b', 'i', 'br', 'code', 'font'].includes((child as Element).tagName)))
              .text(),
          )
        : normalizeInline($(node).text());
    if (text.length < 25) return;
    const score = 1 + (text.match(/[,，、]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    let ancestor: AnyNode | null = node.tagName === 'div' || node.tagName === 'section' ? node : node.parent;
    for (let level = 0; ancestor && ancestor.type === 'tag' && level < 3; level += 1) {
      const container = ancestor as Element;
      scores.set(container, (scores.get(container) ?? 0) + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      ancestor = container.parent;
    }
  });
  let best: AnyNode | undefined;
  let bestScore = -Infinity;
  for (const [element, textScore] of scores) {
    if (!CONTAINER_TAGS.has((element as Element).tagName)) continue;
    // A name like "content" can at most triple what the text earns: a "content" box of two lines is not the article.
    const score = textScore + Math.min(initial(element as Element), textScore * 3);
    const adjusted = score * (1 - linkDensity($, element));
    scores.set(element, adjusted);
    if (adjusted > bestScore) {
      best = element;
      bestScore = adjusted;
    }
  }
  if (!best) return [$('body').get(0) ?? $.root().get(0)!];
  // Articles split into several blocks score in pieces: climb while the parent scores nearly as well,
  // or while it only wraps the best block (its text hardly longer), so the pieces are siblings.
  const textLength = (node: AnyNode) => normalizeInline($(node).text()).length;
  let top: AnyNode = best;
  while (top.parent && top.parent.type === 'tag' && CLIMB_TAGS.has((top.parent as Element).tagName)) {
    const parent: AnyNode = top.parent;
    const wraps = textLength(parent) <= textLength(top) * 1.3;
    if (!wraps && (scores.get(parent) ?? -Infinity) < bestScore * 0.66) break;
    top = parent;
    bestScore = Math.max(bestScore, scores.get(top) ?? -Infinity);
  }
  best = top;
  // Siblings that belong to the article: scoring well, repeating the best one's shape (the slides of
  // a gallery, the sections of a long post) with well-scoring text inside, or long paragraphs with few links.
  const threshold = Math.max(10, bestScore * 0.2);
  const parent = best.parent;
  if (!parent) return [best];
  const inner = bestScoreInside(parent, scores);
  const shape = (node: AnyNode) => (node.type === 'tag' ? `${(node as Element).tagName}.${(node as Element).attribs.class ?? ''}` : '');
  return $(parent)
    .children()
    .toArray()
    .filter((sibling) => {
      if (sibling === best) return true;
      if ((scores.get(sibling) ?? -Infinity) >= threshold) return true;
      if (shape(sibling) === shape(best!) && (inner.get(sibling) ?? -Infinity) >= threshold) return true;
      const element = sibling as Element;
      const text = normalizeInline($(element).text());
      return element.tagName === 'p' && text.length > 80 && linkDensity($, element) < 0.25;
    });
}

/** For each child of the parent, the best score of an element inside it (itself included). */
function bestScoreInside(parent: AnyNode, scores: ReadonlyMap<AnyNode, number>): Map<AnyNode, number> {
  const inner = new Map<AnyNode, number>();
  for (const [element, score] of scores) {
    let child: AnyNode | null = element;
    while (child && child.parent !== parent) child = child.parent;
    if (child) inner.set(child, Math.max(inner.get(child) ?? -Infinity, score));
  }
  return inner;
}

/** Blocks of a container in document order: innermost block elements, plus loose text in containers. */
function collectBlocks($: CheerioAPI, root: AnyNode, blocks: Block[]): void {
  const visit = (node: AnyNode) => {
    if (node.type !== 'tag') return;
    const element = node as Element;
    const tag = element.tagName;
    const hasBlockChild = hasDescendant(element, BLOCK_TAGS);
    if (BLOCK_TAGS.has(tag) && !(hasBlockChild && (tag === 'li' || tag === 'td' || tag === 'blockquote' || tag === 'dd'))) {
      pushBlock($, element, KIND_OF[tag] ?? 'paragraph', blocks);
      return;
    }
    // Text straight inside a container (a <div> of text and <br>s) is a block of its own.
    let loose = '';
    const flush = () => {
      const text = normalizeInline(loose);
      if (text.length > 0) blocks.push({ text, kind: 'paragraph', location: describe(element) });
      loose = '';
    };
    for (const child of element.children) {
      if (child.type === 'text') loose += (child as unknown as { data: string }).data;
      else if (child.type === 'tag' && ['a', 'span', 'em', 'strong', 'b', 'i', 'u', 'code', 'font', 'small', 'sup', 'sub', 'time', 'abbr', 'cite', 'q', 'mark'].includes((child as Element).tagName) && !hasDescendant(child as Element, BLOCK_OR_DIV_TAGS)) {
        loose += $(child).text();
      } else if (child.type === 'tag' && (child as Element).tagName === 'br') {
        loose += '\n';
        if (endsWithBlankLine(loose)) flush();
      } else {
        flush();
        visit(child);
      }
    }
    flush();
  };
  if (root.type === 'tag' && BLOCK_TAGS.has((root as Element).tagName)) pushBlock($, root as Element, KIND_OF[(root as Element).tagName] ?? 'paragraph', blocks);
  else visit(root);
}

function pushBlock($: CheerioAPI, element: Element, kind: BlockKind, blocks: Block[]): void {
  const text = normalizeInline($(element).text());
  if (!text) return;
  // A block that is mostly links and short is a menu or a list of related links.
  if (text.length < 200 && linkDensity($, element) > 0.6 && kind !== 'heading') return;
  blocks.push({ text, kind, location: describe(element) });
}

/** True when the text ends with a line break and the line before it is blank (a backward scan, not a regex, so linear). */
function endsWithBlankLine(text: string): boolean {
  if (!text.endsWith('\n')) return false;
  for (let index = text.length - 2; index >= 0; index -= 1) {
    const char = text[index]!;
    if (char === '\n') return true;
    if (!/\s/.test(char)) return false;
  }
  return false;
}
