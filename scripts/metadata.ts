/**
 * `npm run metadata`: writes metadata.json, the descriptions Datasette shows of the store's tables and
 * columns (`datasette out/narratives.db --metadata metadata.json`), from docs/schema.md, where they are
 * written: a `## name` heading per table or view, the paragraph under it, and a `` - `column`: `` line
 * per column (several columns may share one line; an indented line goes on with the one above). A
 * view whose section says "All columns of `table`" has that table's columns first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TableDoc {
  description: string;
  columns: Map<string, string>;
}

export interface SchemaDoc {
  description: string;
  tables: Map<string, TableDoc>;
}

const TABLE_HEADING = /^## ([_a-z][_a-z0-9]*)$/;
const INHERITED = /^All columns of `([_a-z][_a-z0-9]*)`/;

/** The paragraphs and bullets of a section, each on one line: an indented line, or a line of a paragraph, goes on with the one above. */
function joinedLines(lines: string[]): string[] {
  const joined: string[] = [];
  let open = false;
  for (const line of lines) {
    if (line.trim() === '') {
      open = false;
      continue;
    }
    const last = joined.at(-1);
    if (open && last !== undefined && !line.startsWith('- ') && (line.startsWith('  ') || !last.startsWith('- '))) joined[joined.length - 1] = `${last} ${line.trim()}`;
    else joined.push(line);
    open = true;
  }
  return joined;
}

/** The column names and description of a `` - `a`, `b`: description `` line, or undefined for another line. */
function columnLine(line: string): { names: string[]; description: string } | undefined {
  if (!line.startsWith('- `')) return undefined;
  const end = line.indexOf('`: ');
  if (end < 0) return undefined;
  const names = line.slice(2, end + 1).split(', ').map((name) => name.replace(/^`|`$/g, ''));
  return { names, description: line.slice(end + 3).trim() };
}

function parseTable(lines: string[]): { table: TableDoc; inherits?: string } {
  const table: TableDoc = { description: '', columns: new Map() };
  const inherits = lines.map((line) => INHERITED.exec(line)?.[1]).find((name) => name !== undefined);
  for (const line of joinedLines(lines.filter((line) => !INHERITED.test(line)))) {
    const column = columnLine(line);
    if (column) for (const name of column.names) table.columns.set(name, column.description);
    else if (table.columns.size === 0) table.description = `${table.description} ${line}`.trim();
  }
  return { table, inherits };
}

/** Reads docs/schema.md: the first paragraph describes the store, each `## table` section a table. */
export function parseSchemaDoc(markdown: string): SchemaDoc {
  const sections = markdown.split(/\n(?=## )/);
  const description = joinedLines(sections[0]!.split('\n').filter((line) => !line.startsWith('# ')))[0] ?? '';
  const tables = new Map<string, TableDoc>();
  const inheriting: [TableDoc, string][] = [];
  for (const section of sections.slice(1)) {
    const [heading, ...lines] = section.split('\n');
    const name = TABLE_HEADING.exec(heading!)?.[1];
    if (name === undefined) continue;
    const { table, inherits } = parseTable(lines);
    tables.set(name, table);
    if (inherits !== undefined) inheriting.push([table, inherits]);
  }
  for (const [table, from] of inheriting) table.columns = new Map([...(tables.get(from)?.columns ?? []), ...table.columns]);
  return { description, tables };
}

/** Datasette's metadata for a store named narratives.db. */
export function datasetteMetadata(doc: SchemaDoc): object {
  const tables = Object.fromEntries(
    [...doc.tables].map(([name, table]) => [name, { description: table.description, columns: Object.fromEntries(table.columns) }]),
  );
  return { title: 'narratives', description: doc.description, databases: { narratives: { tables } } };
}

export const SCHEMA_DOC_PATH = fileURLToPath(new URL('../docs/schema.md', import.meta.url));
export const METADATA_PATH = fileURLToPath(new URL('../metadata.json', import.meta.url));

/** metadata.json's text as docs/schema.md gives it. */
export function metadataText(): string {
  return `${JSON.stringify(datasetteMetadata(parseSchemaDoc(readFileSync(SCHEMA_DOC_PATH, 'utf8'))), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(METADATA_PATH, metadataText());
