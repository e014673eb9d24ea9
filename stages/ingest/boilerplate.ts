/**
 * Boilerplate removal for every input format. Each rule names what it removes, so that the per-document
 * report says which blocks went and why. Rules look at the shape and wording of a block and its
 * position, never at particular sites or articles.
 */
import type { RemovedBlock } from '../../pipeline/doc.ts';
import type { Block } from './blocks.ts';
import { normalizeInline } from './normalize.ts';

/** Image placeholders left by scrapers, e.g. `[[343110]]`. */
const IMAGE_PLACEHOLDER = /\[\[\d+\]\]/g;
const HAS_IMAGE_PLACEHOLDER = /\[\[\d+\]\]/;

/** The longest heading that can mark a section of links or comments. */
const MARKER_LENGTH = 120;

/** Headings that open a section of links or comments which runs to the end of the page. */
const TRAILING_SECTION =
  /^(?:recommend(?:ed)?(?: for you| articles| reading| stories)?|related(?: articles| posts| stories| news| content| reading)?|(?:most )?popular(?: posts| articles| stories)?(?: from this blog| on .{1,30})?|most (?:read|viewed|shared|popular)|you (?:may|might) (?:also )?like|read (?:more|next|also)|more (?:from|on) .{1,40}|trending(?: now| stories)?|further reading|see also|tags?|share this(?: article| story)?)\s*:?$/i;

/** Headings or prompts that mark reader comments. */
const COMMENTS_MARKER =
  /^(?:(?:post|leave|add|write) a (?:comment|reply)|\d+ (?:comments?|responses?|replies)|comments?|responses?|reader comments|join the discussion|leave a reply)\s*:?$/i;

const NEWSLETTER = [
  /^(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|news|updates|latest|inbox|daily|weekly)\b/i,
  /^by (?:submitting|signing up|subscribing|clicking)\b.{0,120}\b(?:agree|consent|terms|privacy)/i,
  /^(?:enter your e-?mail|your e-?mail address)\b/i,
];

const REPRINT_NOTICE =
  /\b(?:(?:reproduced|reprinted|republished|syndicated) (?:with permission )?from|all rights reserved|if you (?:need|want|wish) to reprint|unauthori[sz]ed reproduction|copyrighted property of|written permission must be obtained|is not responsible for the (?:opinions|content))\b/i;

/** Calls to action that close many web articles: follow us, support us, subscribe, send a letter. */
const CALL_TO_ACTION =
  /^(?:follow (?:us|[\p{Lu}][\p{L} ]{0,40}) on (?:twitter|facebook|instagram|linkedin|x)\b|we rely on (?:your|readers') support|support (?:our|independent|local) journalism|(?:please )?subscribe (?:to|now|today)\b|if you(?:'|’)re (?:seeing this message but you(?:'|’)re )?already a subscriber|to (?:view|read) the full (?:story|article),? (?:please )?(?:subscribe|log ?in)|join (?:[\p{Lu}][\p{L} ]{0,40} )?newsletters?\b|do you want to be informed|get (?:our|the latest)\b.{0,60}\bin(?:to)? your inbox|submit your letter|scroll to read more\b|discover our latest\b)/iu;

/** Promotions anywhere in a short block: the site's app, donations, subscriber gifts, affiliate disclosures, shop buttons, script warnings. */
const PROMOTION = [
  /\bdownload (?:the|our) (?:\S+ ){0,3}apps?\b/i,
  /\bstraight to your (?:phone|inbox)\b/i,
  /^we need your (?:help|support)\b/i,
  /\bsubscribers (?:also )?(?:receive|get)\b/i,
  /\b(?:we may (?:earn|receive) (?:an? )?(?:affiliate )?(?:commissions?|compensation)|advertisers do not influence|affiliate (?:links|commissions?))\b/i,
  /^instant access to\b/i,
  /\badd (?:the )?(?:ingredients|items?|it|this|them) to (?:your )?(?:basket|cart|shopping list)\b/i,
  /\b(?:your browser (?:needs|requires|does not support) javascript|(?:please )?enable javascript)\b/i,
  /\b(?:we want to hear what you think|submit a letter to the editor)\b/i,
  /\bread the rest of (?:the|our|this)\b/i,
];

/** A word of Latin letters with Cyrillic look-alikes inside ("Аdvеrtіѕе"): text disguised to slip past ad filters. */
const DISGUISED_WORD = /(?:\p{Script=Latin}\p{Script=Cyrillic}|\p{Script=Cyrillic}\p{Script=Latin})/gu;

/** Previous/next article links, e.g. `<<: Title` and `>>: Title`. */
const PREV_NEXT = /^(?:<<(?!<)|>>(?!>)|«|»|previous(?: post| article| story)?\s*:|next(?: post| article| story)?\s*:)/i;

/** A photo caption ends with a credit or date in parentheses and no sentence after it. */
const CAPTION_END =
  /\((?:reuters|ap|afp|getty(?: images)?|xinhua|epa|bloomberg|file(?: photo)?|photo\b[^)]{0,200}|courtesy\b[^)]{0,200}|[A-Z][a-z]+ \d{1,2}, \d{4})\)$/i;

const LIST_ITEM = /^(?:\d{1,3}[.)]|[-*•+])\s+/;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export interface BoilerplateResult {
  kept: Block[];
  removed: RemovedBlock[];
}

/** Removes boilerplate blocks and inline placeholders, reporting each removal in text order. */
export function removeBoilerplate(blocks: readonly Block[]): BoilerplateResult {
  const removed: (RemovedBlock & { index: number })[] = [];
  // Characters of inline placeholders taken out of each block: reported apart only if the block stays.
  const placeholderChars = new Map<Block, number>();
  const drop = (block: Block, index: number, rule: string) => {
    removed.push({ rule, chars: block.text.length + (placeholderChars.get(block) ?? 0), location: block.location, index });
    placeholderChars.delete(block);
  };

  // Inline placeholders first, so a block that was only a placeholder is judged empty.
  const cleaned: Block[] = [];
  for (const block of blocks) {
    if (!HAS_IMAGE_PLACEHOLDER.test(block.text)) {
      cleaned.push(block);
      continue;
    }
    const text = normalizeInline(block.text.replace(IMAGE_PLACEHOLDER, ' '));
    if (text === '') {
      removed.push({ rule: 'image-placeholder', chars: block.text.length, location: block.location, index: -1 });
      continue;
    }
    const stripped = { ...block, text };
    placeholderChars.set(stripped, block.text.length - text.length);
    cleaned.push(stripped);
  }

  const cut = trailingSection(cleaned);
  let rule = cut.rule;
  const seen = new Set<string>();
  const kept: Block[] = [];
  cleaned.forEach((block, index) => {
    if (index >= cut.start && index < cut.end) {
      rule = sectionRule(block) ?? rule;
      drop(block, index, rule);
      return;
    }
    const blockRuleName = blockRule(block, seen);
    if (blockRuleName) drop(block, index, blockRuleName);
    else kept.push(block);
    if (words(block.text) >= 3) seen.add(block.text.toLowerCase());
  });
  for (const [block, chars] of placeholderChars) removed.push({ rule: 'image-placeholder', chars, location: block.location, index: -1 });
  return { kept, removed: mergeAdjacent(removed) };
}

/** The rule that removes a single block in the body, if any. */
function blockRule(block: Block, seen: Set<string>): string | undefined {
  const text = block.text;
  if (seen.has(text.toLowerCase())) return 'repeated-block';
  if (NEWSLETTER.some((pattern) => pattern.test(text))) return 'newsletter-form';
  if (PREV_NEXT.test(text)) return 'prev-next-links';
  if (text.length <= 300 && REPRINT_NOTICE.test(text)) return 'reprint-notice';
  if (text.length <= 300 && (CALL_TO_ACTION.test(text) || PROMOTION.some((pattern) => pattern.test(text)))) return 'call-to-action';
  if (words(text) <= 40 && CAPTION_END.test(text)) return 'photo-caption';
  if ((text.match(DISGUISED_WORD)?.length ?? 0) >= 3) return 'disguised-text';
  return undefined;
}

/** Words in a paragraph long enough to be article prose rather than a link or a teaser. */
const PROSE_WORDS = 40;

/**
 * The section of links or comments: from a link-list or comments heading in the latter part of the text
 * to the end, except that a list of links embedded mid-article ("Most read" between two paragraphs)
 * ends where two long paragraphs in a row resume the article. Reader comments often come as a list right
 * before the comment form, so a comments marker also takes the list items immediately above it.
 */
function trailingSection(blocks: readonly Block[]): { start: number; end: number; rule: string } {
  const total = blocks.reduce((sum, block) => sum + block.text.length, 0);
  const isProse = (block: Block | undefined) => block !== undefined && block.kind === 'paragraph' && words(block.text) >= PROSE_WORDS;
  let before = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    const lateEnough = before >= total / 3;
    before += block.text.length;
    const rule = lateEnough ? sectionRule(block) : undefined;
    if (rule === 'link-list') {
      let end = i + 1;
      while (end < blocks.length && !(isProse(blocks[end]) && isProse(blocks[end + 1]))) end += 1;
      return { start: i, end, rule };
    }
    if (rule === 'reader-comments') {
      let start = i;
      while (start > 0 && LIST_ITEM.test(blocks[start - 1]!.text)) start -= 1;
      return { start, end: blocks.length, rule };
    }
  }
  return { start: blocks.length, end: blocks.length, rule: '' };
}

/** The kind of trailing section a short heading-like block opens, if it opens one. */
function sectionRule(block: Block): string | undefined {
  if (words(block.text) > 6) return undefined;
  // These markers are short headings; a long block is never one (and is not run through them).
  if (block.text.length <= MARKER_LENGTH && TRAILING_SECTION.test(block.text)) return 'link-list';
  if (block.text.length <= MARKER_LENGTH && COMMENTS_MARKER.test(block.text)) return 'reader-comments';
  return undefined;
}

/** Joins removals of neighbouring blocks by the same rule into one entry, and orders them as in the text. */
function mergeAdjacent(removed: (RemovedBlock & { index: number })[]): RemovedBlock[] {
  const merged: (RemovedBlock & { index: number; lastIndex: number })[] = [];
  const ordered = [...removed].sort((a, b) => firstLine(a.location) - firstLine(b.location));
  for (const entry of ordered) {
    const last = merged.at(-1);
    if (last && entry.index !== -1 && last.rule === entry.rule && last.lastIndex + 1 === entry.index) {
      last.chars += entry.chars;
      last.location = joinLocations(last.location, entry.location);
      last.lastIndex = entry.index;
    } else {
      merged.push({ ...entry, lastIndex: entry.index });
    }
  }
  return merged.map(({ rule, chars, location }) => ({ rule, chars, location }));
}

function firstLine(location: string): number {
  return Number(/^lines? (\d+)/.exec(location)?.[1] ?? 0);
}

function joinLocations(first: string, second: string): string {
  const from = /^lines? (\d+)/.exec(first)?.[1];
  const to = /(\d+)$/.exec(second)?.[1];
  return from && to && /^lines? /.test(second) ? `lines ${from}-${to}` : `${first}; ${second}`;
}
