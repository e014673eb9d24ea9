/** Which files ingest reads, by name: a module of its own, so that listing a corpus loads no parser. */

/** File endings ingest reads, without `.gz` (a gzipped file of any of these is read too). */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export type InputFormat = 'text' | 'markdown' | 'html';

/** The format a file name says it is, or undefined when ingest does not read it. */
export function formatOf(path: string): InputFormat | undefined {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.html') || name.endsWith('.htm')) return 'html';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  if (name.endsWith('.txt')) return 'text';
  return undefined;
}
