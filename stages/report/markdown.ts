/**
 * Markdown building blocks for the reports. Every piece of document text or metadata goes through
 * these escapes, so a title or quote cannot inject links, HTML or break a table.
 */
import { formatNumber } from '../../pipeline/format.ts';

export { formatNumber };

/** Escapes text for inline Markdown: it renders as the same characters and nothing else. */
export function escapeInline(text: string): string {
  const escaped = text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
  // Whitespace runs with a line break become one space (one greedy match per run: linear on any input);
  // most text has no line break, and skips the second pass.
  return escaped.includes('\n') ? escaped.replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space)) : escaped;
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

/** A relative link whose text is escaped and whose target cannot break out of the parentheses. */
export function link(text: string, target: string): string {
  return `[${escapeInline(text)}](${encodeURI(target).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}


/** Joins report sections with one blank line and ends the file with a newline. */
export function page(...sections: (string | undefined)[]): string {
  return `${sections.filter((section) => section !== undefined && section !== '').join('\n\n')}\n`;
}
