/**
 * Markdown building blocks for the reports. Every piece of document text or metadata goes through
 * these escapes, so a title, quote, file name or URL shows as the characters it has: it cannot inject
 * links, HTML or entities, or break a table.
 */
import { formatFixed, formatNumber } from '../../pipeline/format.ts';
import { httpUrl, UNSHOWABLE, visibleName } from '../../pipeline/shown-text.ts';

export { formatFixed, formatNumber };

/**
 * Characters Markdown (CommonMark and GFM) reads as markup inside a line: each is shown as itself
 * when backslash-escaped. `$` is GitHub's inline maths; `&` only where it would start an entity
 * ("AT&amp;T" must not show as "AT&T"), so ordinary ampersands stay readable.
 */
const INLINE_MARKUP = /[\\`*_[\]<>|~$]|&(?=[A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};)/g;

/** Escapes text for inline Markdown: it renders as the same characters and nothing else. */
export function escapeInline(text: string): string {
  const escaped = text.replace(INLINE_MARKUP, '\\$&');
  // Whitespace runs with a line break become one space (one greedy match per run: linear on any input);
  // most text has no line break, and skips the second pass.
  return /[\n\r]/.test(escaped) ? escaped.replace(/\s+/g, (space) => (/[\n\r]/.test(space) ? ' ' : space)) : escaped;
}

/** Escapes text a line starts with, also where a block would start there (a heading, a list item, a rule). */
export function escapeLine(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}

/**
 * A name as stored, such as a file name, escaped for inline Markdown with its control and bidirectional
 * characters shown visibly (shown-text.ts), so the whole name shows on one line, in its own order.
 */
export function escapeName(name: string): string {
  return escapeInline(visibleName(name));
}

/**
 * A name as a code span, character for character, in a table cell: the fence is longer than any run of
 * backticks in it and `|` is escaped (GFM splits cells before it reads code spans). A name with a control
 * character, which a code span cannot show, is escaped text instead.
 */
export function codeName(name: string): string {
  if (UNSHOWABLE.test(name) || name.trim() === '') return escapeName(name);
  const fence = fenceFor(name, 1);
  const pad = /^[` ]|[` ]$/.test(name) ? ' ' : '';
  return `${fence}${pad}${name.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A web address as an autolink when it is an http: or https: URL; any other (javascript:, data:…) is escaped text, never a link. */
export function externalLink(url: string): string {
  const href = httpUrl(url);
  return href === undefined ? escapeName(url) : `<${href}>`;
}

/** A table cell: inline-escaped, and never empty so the table keeps its shape. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'number' ? formatNumber(value) : escapeInline(value);
}

/** One row of a Markdown table, from already-escaped cells. */
export const tableRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** A Markdown table from a header row and body rows of already-escaped cells. */
export function table(header: string[], rows: string[][]): string {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n');
}

/** A run of backticks longer than any in `text`, and at least `shortest` long: nothing in the text can close it. */
function fenceFor(text: string, shortest: number): string {
  const longest = (text.match(/`+/g) ?? []).reduce((length, run) => Math.max(length, run.length), 0);
  return '`'.repeat(Math.max(shortest, longest + 1));
}

/** A relative link whose text is escaped and whose target is percent-encoded, so it cannot break out of the parentheses. */
export function link(text: string, target: string): string {
  return `[${escapeInline(text)}](${encodeURI(target).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

/** A fenced code block whose fence is longer than any run of backticks in its lines, so no line can close it. */
export function codeBlock(lines: string[]): string {
  const fence = fenceFor(lines.join('\n'), 3);
  return [fence, ...lines, fence].join('\n');
}

/** Joins report sections with one blank line and ends the file with a newline. */
export function page(...sections: (string | undefined)[]): string {
  return `${sections.filter((section) => section !== undefined && section !== '').join('\n\n')}\n`;
}
