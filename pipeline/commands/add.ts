/** `narratives add FILE...`: copies articles into the corpus with their metadata, then runs incrementally. */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatOf } from '../../stages/ingest/format.ts';
import { checkMeta, updateManifest } from '../corpus.ts';
import { UsageError } from '../errors.ts';
import { RUN_OPTIONS, RUN_OPTIONS_HELP, type Command } from './command.ts';
import { runWithOptions } from './run.ts';

const META_FLAGS = ['kind', 'source', 'published', 'title', 'url', 'author', 'language'] as const;

/** A file name that is safe to write inside the corpus folder: no folders, no leading dot or dash, no control characters. */
export function safeName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f/\\:]/g, '_')
    .replace(/^[.\-\s]+/, '')
    .trim();
  return cleaned === '' ? 'article.txt' : cleaned;
}

export const command: Command = {
  name: 'add',
  usage: `Usage: narratives add FILE... [metadata] [options]

Copies each FILE (.txt, .md, .html, .htm, optionally .gz) into the corpus folder, records the
metadata below for it in corpus/manifest.yaml, then runs the pipeline incrementally.

Metadata:
  --kind KIND         press, critique, news, other or unknown
  --source NAME       the publication or organisation
  --published DATE    YYYY, YYYY-MM or YYYY-MM-DD
  --title TEXT        the title (default: from the page, else the first line)
  --url URL           where it was published
  --author NAME       who wrote it
  --language CODE     e.g. en
  --follow-symlinks   copy the file a symbolic link points to (links are refused otherwise)

Options:
${RUN_OPTIONS_HELP}
  -h, --help          this help`,
  options: {
    ...RUN_OPTIONS,
    ...Object.fromEntries(META_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
    'follow-symlinks': { type: 'boolean', default: false },
  },
  positionals: 'some',
  async run(values, files) {
    if (files.length === 0) throw new UsageError('add: name at least one file to add');
    const fields = Object.fromEntries(META_FLAGS.filter((flag) => typeof values[flag] === 'string').map((flag) => [flag, String(values[flag])]));
    const checked = checkMeta(fields);
    if (checked.error) throw new UsageError(`add: ${checked.error.replace(/ in manifest\.yaml/, '')}`);

    const corpus = String(values.corpus);
    const copies: { from: string; to: string }[] = [];
    for (const file of files) {
      if (!existsSync(file)) throw new UsageError(`add: ${file}: no such file`);
      if (lstatSync(file).isSymbolicLink() && values['follow-symlinks'] !== true) throw new UsageError(`add: ${file}: is a symbolic link (use --follow-symlinks to copy what it points to)`);
      if (!statSync(file).isFile()) throw new UsageError(`add: ${file}: is not a regular file`);
      const name = safeName(file);
      if (!formatOf(name)) throw new UsageError(`add: ${file}: unsupported file type (expected .txt, .md, .html or .htm, optionally gzipped)`);
      const to = join(corpus, name);
      if (existsSync(to) && !readFileSync(to).equals(readFileSync(file))) {
        throw new UsageError(`add: ${to} already exists with other content; rename ${file} or remove the old file`);
      }
      copies.push({ from: file, to });
    }
    mkdirSync(corpus, { recursive: true });
    for (const { from, to } of copies) copyFileSync(from, to);
    if (Object.keys(fields).length > 0) updateManifest(corpus, copies.map(({ to }) => ({ path: basename(to), fields })));
    return runWithOptions(values, true);
  },
};
