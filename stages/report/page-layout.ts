/**
 * Where each keyed section of a big page sits in the file as last written, so that an
 * incremental page copies the bytes of the sections it does not render again from the old file: for a page
 * of megabytes, copying bytes is much cheaper than reading every section back from the store, joining
 * the strings and encoding them again.
 *
 * A page laid out here is `head`, each section's table row after a line break, `middle`, then the
 * sections' bodies separated by a blank line, and a final line break: what markdown.ts's page() makes of
 * the same parts. An incremental run trusts the old file only as far as the layout checks out (its
 * size, and each row and body starting as it should); the caller reads any other section from the store.
 */
import type Database from 'better-sqlite3';

/** A piece of a page: text rendered now, or bytes of the old file. */
export type Piece = string | Buffer;

export interface LaidOutSection {
  key: string;
  row: Piece;
  body: Piece;
}

export interface Layout {
  /** The file's size in bytes. */
  size: number;
  /** Where the first row and the first body start. */
  rowsAt: number;
  bodiesAt: number;
  /** In page order: key, row bytes, body bytes. */
  sections: [key: string, row: number, body: number][];
}

const ROW_SEPARATOR = Buffer.from('\n');
const BODY_SEPARATOR = Buffer.from('\n\n');
const END = Buffer.from('\n');

const bytesOf = (piece: Piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);

/** The page's bytes and their layout. */
export function assemble(head: string, sections: LaidOutSection[], middle: string): { bytes: Buffer; layout: Layout } {
  const parts: Buffer[] = [];
  let size = 0;
  const add = (bytes: Buffer) => {
    parts.push(bytes);
    size += bytes.length;
  };
  /** Each piece after `separator`: where the first starts, and each one's length. */
  const addAll = (pieces: Piece[], separator: Buffer) => {
    const at = size + separator.length;
    const lengths = pieces.map((piece) => {
      const bytes = bytesOf(piece);
      add(separator);
      add(bytes);
      return bytes.length;
    });
    return { at, lengths };
  };
  add(Buffer.from(head, 'utf8'));
  const rows = addAll(sections.map((section) => section.row), ROW_SEPARATOR);
  add(Buffer.from(middle, 'utf8'));
  const bodies = addAll(sections.map((section) => section.body), BODY_SEPARATOR);
  add(END);
  const lengths = sections.map(({ key }, index): [string, number, number] => [key, rows.lengths[index]!, bodies.lengths[index]!]);
  return { bytes: Buffer.concat(parts, size), layout: { size, rowsAt: rows.at, bodiesAt: bodies.at, sections: lengths } };
}

/**
 * Each section's row and body as bytes of `file`, by key, when `layout` describes it: its size, and every
 * row starting with "| " and every body with `bodyStart`. Undefined otherwise.
 */
export function sectionsOf(file: Buffer, layout: Layout, bodyStart: string): Map<string, { row: Buffer; body: Buffer }> | undefined {
  if (file.length !== layout.size) return undefined;
  const [rowMark, bodyMark] = [Buffer.from('| '), Buffer.from(bodyStart)];
  const starts = (at: number, mark: Buffer) => file.compare(mark, 0, mark.length, at, at + mark.length) === 0;
  const found = new Map<string, { row: Buffer; body: Buffer }>();
  let [row, body] = [layout.rowsAt, layout.bodiesAt];
  for (const [key, rowBytes, bodyBytes] of layout.sections) {
    if (row + rowBytes > file.length || body + bodyBytes > file.length || !starts(row, rowMark) || !starts(body, bodyMark)) return undefined;
    found.set(key, { row: file.subarray(row, row + rowBytes), body: file.subarray(body, body + bodyBytes) });
    row += rowBytes + ROW_SEPARATOR.length;
    body += bodyBytes + BODY_SEPARATOR.length;
  }
  return found;
}

export function readLayout(db: Database.Database, page: string): Layout | undefined {
  const stored = db.prepare('SELECT layout FROM _report_layouts WHERE page = ?').pluck().get(page) as string | undefined;
  return stored === undefined ? undefined : (JSON.parse(stored) as Layout);
}

/** Stores a page's layout. */
export function storeLayout(db: Database.Database, page: string, layout: Layout): void {
  db.prepare('INSERT OR REPLACE INTO _report_layouts (page, layout) VALUES (?, ?)').run(page, JSON.stringify(layout));
}
