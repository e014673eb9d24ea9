/**
 * `narratives add FILE...`: checks each file as a run would read it, then, holding the store's lock,
 * copies the files into the corpus with their metadata and runs incrementally.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatOf } from '../../stages/ingest/format.ts';
import { ARTICLE_TYPES, checkMeta, isArticleName, sizeProblem, updateManifest, writeHiddenThenRename } from '../corpus.ts';
import { FatalError, InputError, UsageError } from '../errors.ts';
import { UNSHOWABLE, visibleName } from '../shown-text.ts';
import type { DocumentStage } from '../stage.ts';
import { parseSize, RUN_OPTIONS, RUN_OPTIONS_HELP, type Command } from './command.ts';
import { runWithOptions } from './run.ts';

const META_FLAGS = ['kind', 'source', 'published', 'title', 'url', 'author', 'language'] as const;


/** A file name that is safe to write inside the corpus folder: no folders, no leading dot or dash. */
export function safeName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[/\\:]/g, '_')
    .replace(/^[.\-\s]+/, '')
    .trim();
  return cleaned === '' ? 'article.txt' : cleaned;
}

/** A file to add: where it comes from, where it goes, and the bytes that were checked (and are copied). */
interface Copy {
  file: string;
  to: string;
  bytes: Buffer;
}

/** Why ingest would reject the file, if it would: the run's own checks, run before anything is copied. */
function ingestProblem(ingest: DocumentStage, name: string, bytes: Buffer, maxBytes: number): string | undefined {
  try {
    ingest.run({ path: name, raw: bytes, fileHash: '', meta: {}, data: {} }, { options: { maxBytes }, warn: () => undefined });
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error.reason;
    throw error;
  }
}

/** Checks one FILE argument and reads it; writes nothing. */
function checkFile(ingest: DocumentStage, file: string, corpus: string, followSymlinks: boolean, maxBytes: number): Copy {
  // A control or bidirectional character in a name breaks or reorders every listing it is shown in.
  if (UNSHOWABLE.test(basename(file))) throw new UsageError(`add: ${visibleName(file)}: the file name holds a control character; rename the file`);
  if (!existsSync(file)) throw new UsageError(`add: ${file}: no such file`);
  if (lstatSync(file).isSymbolicLink() && !followSymlinks) throw new UsageError(`add: ${file}: is a symbolic link (use --follow-symlinks to copy what it points to)`);
  const stats = statSync(file);
  if (!stats.isFile()) throw new UsageError(`add: ${file}: is not a regular file`);
  const name = safeName(file);
  if (!formatOf(name)) throw new UsageError(`add: ${file}: unsupported file type (expected ${ARTICLE_TYPES})`);
  if (!isArticleName(name)) throw new UsageError(`add: ${file}: a file named ${name} in the corpus folder is not read as an article (manifest and README files are not); rename it`);
  const tooBig = sizeProblem(stats.size, maxBytes);
  if (tooBig) throw new FatalError(`add: ${file}: ${tooBig}; nothing was added`);
  const bytes = readFileSync(file);
  const problem = ingestProblem(ingest, name, bytes, maxBytes);
  if (problem) throw new FatalError(`add: ${file}: ${problem}; nothing was added`);
  return { file, to: join(corpus, name), bytes };
}

/** Two files that would get one name in the corpus: the second would silently replace the first. */
function refuseSameName(copies: Copy[]): void {
  const seen = new Map<string, string>();
  for (const { file, to } of copies) {
    const earlier = seen.get(to);
    if (earlier !== undefined) throw new UsageError(`add: ${earlier} and ${file} would both be ${to}; rename one of them`);
    seen.set(to, file);
  }
}

/** A file of the same name already in the corpus is replaced only by the same content. */
function refuseOverwrite(copies: Copy[]): void {
  for (const { file, to, bytes } of copies) {
    if (existsSync(to) && !readFileSync(to).equals(bytes)) throw new UsageError(`add: ${to} already exists with other content; rename ${file} or remove the old file`);
  }
}

export const command: Command = {
  name: 'add',
  usage: `Usage: narratives add FILE... [metadata] [options]

Copies each FILE into the corpus folder, records the metadata below for it in
corpus/manifest.yaml, then runs the pipeline incrementally. Each FILE must end in
${ARTICLE_TYPES}. A file that a run would reject
(empty, not text, over --max-size…) is refused, and then nothing is copied.

Metadata:
  --kind KIND         press, critique, news, other or unknown
  --source NAME       the publication or organisation
  --published DATE    YYYY, YYYY-MM or YYYY-MM-DD
  --title TEXT        the title (default: from the page, else the first line)
  --url URL           where it was published
  --author NAME       who wrote it
  --language CODE     e.g. en

Options:
  --follow-symlinks   copy the file a symbolic link points to (links are refused otherwise)
${RUN_OPTIONS_HELP}
  --wait SECONDS      wait up to this long for another run or add writing the store to end
                      (default: 600)
  -h, --help          this help`,
  options: {
    ...RUN_OPTIONS,
    ...Object.fromEntries(META_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
    'follow-symlinks': { type: 'boolean', default: false },
    wait: { type: 'string', default: '600' },
  },
  positionals: 'some',
  async run(values, files) {
    if (files.length === 0) throw new UsageError('add: name at least one file to add');
    const fields = Object.fromEntries(META_FLAGS.filter((flag) => typeof values[flag] === 'string').map((flag) => [flag, String(values[flag])]));
    const checked = checkMeta(fields);
    if (checked.error) throw new UsageError(`add: ${checked.error.replace(/ in manifest\.yaml/g, '')}`);

    const corpus = String(values.corpus);
    // Loaded here, not with the module: `add --help` needs no HTML parser.
    const { ingest } = await import('../../stages/ingest/index.ts');
    const copies = files.map((file) => checkFile(ingest as DocumentStage, file, corpus, values['follow-symlinks'] === true, parseSize(values['max-size'])));
    refuseSameName(copies);
    refuseOverwrite(copies);
    mkdirSync(corpus, { recursive: true });
    // Copied only once the run holds the store: another add cannot then rewrite the manifest meanwhile.
    const copyIn = () => {
      refuseOverwrite(copies);
      for (const { to, bytes } of copies) writeHiddenThenRename(to, bytes);
      if (Object.keys(fields).length > 0) updateManifest(corpus, copies.map(({ to }) => ({ path: basename(to), fields })));
    };
    return runWithOptions(values, { expectNewFiles: true, underLock: copyIn });
  },
};
