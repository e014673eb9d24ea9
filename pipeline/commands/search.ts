/** `narratives search QUERY`: full-text search over the stored sentences. */
import { readStore } from '../db/open.ts';
import { UsageError } from '../errors.ts';
import { DB_OPTION, positiveInteger, type Command } from './command.ts';

export interface SearchHit {
  sentence: string;
  doc: string;
  path: string;
  paragraph: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The query as words to match as they are: each whitespace-separated word becomes a quoted FTS5 string,
 * so punctuation ("U.S.", "Clean-Network", "Krach:") and bare operators ("AND") are searched, not parsed.
 */
export function literalQuery(query: string): string {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '""')}"`)
    .join(' ');
}

/**
 * Sentences matching an FTS5 query, best first; ties in document and text order. A query FTS5 cannot
 * read is searched again as literal words, so everyday text never fails on its punctuation.
 */
export async function searchSentences(dbPath: string, query: string, limit: number): Promise<SearchHit[]> {
  return readStore(dbPath, (db) => {
    const statement = db.prepare(
      `SELECT s.id AS sentence, s.document_id AS doc, d.path, s.paragraph_id AS paragraph, s.span_start AS start, s.span_end AS end, s.text
       FROM sentences_fts JOIN sentences s ON s.row_id = sentences_fts.rowid JOIN documents d ON d.id = s.document_id
       WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts), d.path, s.span_start LIMIT ?`,
    );
    try {
      return statement.all(query, limit) as SearchHit[];
    } catch (error) {
      // The statement is fixed and valid, so an SQLite error here comes from the user's FTS5 query.
      if ((error as { code?: string }).code !== 'SQLITE_ERROR') throw error;
    }
    try {
      return statement.all(literalQuery(query), limit) as SearchHit[];
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_ERROR') throw error;
      throw new UsageError(`search: cannot read the query ${JSON.stringify(query)} (${(error as Error).message}); put phrases in "double quotes" and use AND, OR, NOT between words`);
    }
  });
}

export const command: Command = {
  name: 'search',
  usage: `Usage: narratives search QUERY [options]

Prints the sentences that match QUERY, best first, with their document and offsets. Words are
matched by stem ("contracts" finds "contract"); "a phrase" in quotes, AND, OR, NOT and prefix* work.
A query that is not valid FTS5 syntax (punctuation such as U.S. or Clean-Network) is searched as
its words, each taken literally.

Options:
  --db FILE      the store (default: out/narratives.db)
  --limit N      at most N sentences (default: 20)
  --json         print the hits as JSON
  -h, --help     this help`,
  options: { ...DB_OPTION, limit: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } },
  positionals: 'some',
  async run(values, words) {
    const query = words.join(' ').trim();
    if (!query) throw new UsageError('search: give a query, e.g. narratives search "Huawei contracts"');
    const hits = await searchSentences(String(values.db), query, positiveInteger(values.limit, 'limit'));
    if (values.json === true) {
      process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    } else {
      for (const hit of hits) process.stdout.write(`${hit.path} [${hit.start}, ${hit.end}) ${hit.sentence}\n  ${hit.text}\n`);
      if (hits.length === 0) process.stderr.write(`no sentence matches ${JSON.stringify(query)}\n`);
    }
    return 0;
  },
};
