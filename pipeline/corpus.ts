/**
 * The corpus folder: its article files and corpus/manifest.yaml, the hand-editable metadata keyed by
 * file path. Reading it never touches the store.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { DOC_KINDS, type DocKind, type DocMeta } from './doc.ts';
import { FatalError } from './errors.ts';
import { formatBytes } from '../stages/ingest/decode.ts';
import { withoutBidiControls } from '../stages/ingest/normalize.ts';
import { formatOf, INPUT_EXTENSIONS } from '../stages/ingest/format.ts';

export const MANIFEST = 'manifest.yaml';

/** The file types read as articles, as help texts and messages name them. */
export const ARTICLE_TYPES = `${INPUT_EXTENSIONS.join(', ')}, each optionally gzipped (.gz)`;

/** Files in the corpus folder that are about the corpus rather than part of it. */
const NOT_ARTICLES = /^(?:manifest\.ya?ml|readme(?:\.\w+)?)$/i;

/** Aliases a manifest may expand at most: a few hundred bytes of YAML aliases can otherwise expand to gigabytes. */
const MAX_MANIFEST_ALIASES = 100;

/** True when a file of this name, put at the top of the corpus folder, is read as an article. */
export function isArticleName(name: string): boolean {
  return !name.startsWith('.') && !NOT_ARTICLES.test(name) && formatOf(name) !== undefined;
}

/** A manifest field's YAML name and its DocMeta name. */
const FIELDS: Record<string, keyof DocMeta> = {
  title: 'title',
  source: 'source',
  kind: 'kind',
  published: 'published',
  published_earliest: 'publishedEarliest',
  language: 'language',
  url: 'url',
  author: 'author',
};

/**
 * One entry of the manifest, checked. `meta` holds its valid fields; `error` says what is wrong with
 * the others (the run then leaves the file's document as the store has it).
 */
export interface ManifestEntry {
  meta: DocMeta;
  error?: string;
  warnings: string[];
}

/**
 * Relative paths (forward slashes, sorted) of every file in the corpus folder that could be an article;
 * `links` are those of them that are symbolic links (a link to a folder is not followed).
 */
export function listCorpus(dir: string): { articles: string[]; unsupported: string[]; links: Set<string> } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new FatalError(`${dir}: corpus folder does not exist`);
  const articles: string[] = [];
  const unsupported: string[] = [];
  const links = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    if (entry.isDirectory()) continue;
    if (!path.includes('/') && NOT_ARTICLES.test(entry.name)) continue;
    // Every link is listed as one, whatever it leads to (a folder, nothing): readArticle says why it is skipped.
    if (entry.isSymbolicLink()) {
      articles.push(path);
      links.add(path);
    } else if (!formatOf(path)) unsupported.push(path);
    else articles.push(path);
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { articles: articles.sort(byCodePoint), unsupported: unsupported.sort(byCodePoint), links };
}

/** A file's bytes, or why it is not read: `rejected` files keep what the store has of them, `skipped` ones are not part of the corpus. */
export type ArticleRead = { bytes: Buffer } | { rejected: string } | { skipped: string };

/** Why a file of `size` bytes is not read, if it is over the limit. */
export function sizeProblem(size: number, maxBytes: number): string | undefined {
  return size > maxBytes ? `is ${formatBytes(size)}, over the size limit of ${formatBytes(maxBytes)} (--max-size)` : undefined;
}

/** Said of a skipped link: what the store held for it goes, as for any file no longer in the corpus. */
const LINK_NOT_KEPT = ', and nothing stored from it is kept';

/** Where a symbolic link leads, or undefined for a dangling or looping one. */
function linkTarget(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Reads a corpus file after checking it is a regular file within the size limit. A symbolic link is
 * read only with `followLinks`, and only when it leads to a file inside the corpus folder: a link to
 * /etc/passwd would otherwise publish it in the reports.
 */
export function readArticle(corpusDir: string, path: string, options: { maxBytes: number; followLinks: boolean }): ArticleRead {
  const file = join(corpusDir, path);
  try {
    let target = file;
    if (lstatSync(file).isSymbolicLink()) {
      if (!options.followLinks) return { skipped: `is a symbolic link; not read${LINK_NOT_KEPT} (--follow-symlinks reads links to files inside the corpus folder)` };
      const resolved = linkTarget(file);
      if (resolved === undefined) return { skipped: `is a symbolic link that leads nowhere; not read${LINK_NOT_KEPT}` };
      if (!resolved.startsWith(realpathSync(corpusDir) + sep)) return { skipped: `is a symbolic link to a file outside the corpus folder; not read${LINK_NOT_KEPT}` };
      if (!formatOf(path) || !statSync(resolved).isFile()) return { skipped: `is a symbolic link to a folder or to a file of no supported type; not read${LINK_NOT_KEPT}` };
      target = resolved;
    }
    // No following a link swapped in since the check, and no waiting on a named pipe.
    const descriptor = openSync(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stats = fstatSync(descriptor);
      if (!stats.isFile()) return { rejected: 'is not a regular file' };
      const tooBig = sizeProblem(stats.size, options.maxBytes);
      return tooBig ? { rejected: tooBig } : { bytes: readFileSync(descriptor) };
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    return { rejected: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

/** A date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD (a time after the day is dropped). */
export function parsePartialDate(value: unknown): string | undefined {
  const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCDate() !== Number(day)) return undefined;
    return `${year}-${month}-${day}`;
  }
  return month ? `${year}-${month}` : year;
}

/** Checks one field's value; returns the value to keep, or the reason it is wrong. */
function checkField(key: string, field: keyof DocMeta, value: unknown): { value: string } | { error: string } {
  if (field === 'published' || field === 'publishedEarliest') {
    const date = parsePartialDate(value);
    return date ? { value: date } : { error: `unparseable ${key} date "${String(value)}" in ${MANIFEST} (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
  }
  if (field === 'kind') {
    return DOC_KINDS.includes(value as DocKind) ? { value: value as DocKind } : { error: `unknown kind "${String(value)}" in ${MANIFEST} (expected ${DOC_KINDS.join(', ')})` };
  }
  if (typeof value === 'object' && !(value instanceof Date)) return { error: `${key} in ${MANIFEST} is a list or mapping, not text` };
  // Bidirectional controls never belong in metadata: they reorder a title or source wherever it is shown.
  return { value: withoutBidiControls(String(value)).trim() };
}

/** Checks one manifest entry's fields: every error is named, and the valid fields are kept. */
export function checkMeta(raw: Record<string, unknown>): ManifestEntry {
  const meta: DocMeta = {};
  const warnings: string[] = [];
  const errors: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELDS[key];
    if (!field) {
      warnings.push(`unknown metadata field "${key}" (known: ${Object.keys(FIELDS).join(', ')})`);
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    const checked = checkField(key, field, value);
    if ('error' in checked) errors.push(checked.error);
    else meta[field] = checked.value as never;
  }
  return errors.length > 0 ? { meta, warnings, error: errors.join('; ') } : { meta, warnings };
}

/** The manifest's content as plain data; a syntax error or an alias bomb is one line. */
function parseManifest(file: string): unknown {
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw new FatalError(`${file}: ${document.errors[0]!.message.split('\n')[0]!.replace(/:$/, '')}`);
  try {
    return document.toJS({ maxAliasCount: MAX_MANIFEST_ALIASES }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new FatalError(`${file}: ${error.message.split('\n')[0]} (YAML aliases expand to too much); write the metadata out without aliases`);
  }
}

/** Reads corpus/manifest.yaml; a corpus without one has no metadata. A malformed manifest is fatal. */
export function readManifest(dir: string): Map<string, ManifestEntry> {
  const file = join(dir, MANIFEST);
  const entries = new Map<string, ManifestEntry>();
  if (!existsSync(file)) return entries;
  const data = parseManifest(file);
  if (typeof data !== 'object' || Array.isArray(data)) throw new FatalError(`${file}: expected a mapping of file paths to metadata`);
  for (const [path, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      entries.set(path, { meta: {}, warnings: [], error: `metadata in ${MANIFEST} is not a mapping of fields` });
    } else {
      entries.set(path, checkMeta(value as Record<string, unknown>));
    }
  }
  return entries;
}

/** Sets the metadata of some files in the manifest, keeping its comments and the other entries. */
export function updateManifest(dir: string, updates: { path: string; fields: Record<string, string> }[]): void {
  const file = join(dir, MANIFEST);
  let document: Document = parseDocument(existsSync(file) ? readFileSync(file, 'utf8') : '');
  if (document.errors.length > 0) throw new FatalError(`${file}: ${document.errors[0]!.message.split('\n')[0]!.replace(/:$/, '')}`);
  if (!isMap(document.contents)) {
    // An empty manifest (or one with only comments): start a mapping, keep the comments.
    const fresh = new Document({});
    fresh.commentBefore = document.commentBefore ?? document.comment;
    document = fresh;
  }
  for (const { path, fields } of updates) {
    for (const [key, value] of Object.entries(fields)) document.setIn([path, key], value);
  }
  writeHiddenThenRename(file, document.toString({ lineWidth: 0 }));
}

/**
 * Writes a file in the corpus folder atomically: to a hidden temporary name unique to this write (the
 * corpus listing skips hidden files), then renamed into place.
 */
export function writeHiddenThenRename(file: string, content: string | Buffer): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
