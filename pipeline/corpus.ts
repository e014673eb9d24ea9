/**
 * The corpus folder: its article files and corpus/manifest.yaml, the hand-editable metadata keyed by
 * file path. Reading it never touches the store.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { DOC_KINDS, type DocKind, type DocMeta } from './doc.ts';
import { FatalError } from './errors.ts';
import { formatOf } from '../stages/ingest/format.ts';

export const MANIFEST = 'manifest.yaml';

/** Files in the corpus folder that are about the corpus rather than part of it. */
const NOT_ARTICLES = /^(?:manifest\.ya?ml|readme(?:\.\w+)?)$/i;

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

/** One entry of the manifest, checked. `error` says why the file it describes cannot be used. */
export interface ManifestEntry {
  meta: DocMeta;
  error?: string;
  warnings: string[];
}

/** Relative paths (forward slashes, sorted) of every file in the corpus folder that could be an article. */
export function listCorpus(dir: string): { articles: string[]; unsupported: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new FatalError(`${dir}: corpus folder does not exist`);
  const articles: string[] = [];
  const unsupported: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    if (entry.isDirectory()) continue;
    if (!path.includes('/') && NOT_ARTICLES.test(entry.name)) continue;
    (formatOf(path) ? articles : unsupported).push(path);
  }
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { articles: articles.sort(byCodePoint), unsupported: unsupported.sort(byCodePoint) };
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

/** Checks one manifest entry's fields. */
export function checkMeta(raw: Record<string, unknown>): ManifestEntry {
  const meta: DocMeta = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELDS[key];
    if (!field) {
      warnings.push(`unknown metadata field "${key}" (known: ${Object.keys(FIELDS).join(', ')})`);
      continue;
    }
    if (value === null || value === undefined || value === '') continue;
    if (field === 'published' || field === 'publishedEarliest') {
      const date = parsePartialDate(value);
      if (!date) return { meta, warnings, error: `unparseable ${key} date "${String(value)}" in ${MANIFEST} (expected YYYY, YYYY-MM or YYYY-MM-DD)` };
      meta[field] = date;
    } else if (field === 'kind') {
      if (!DOC_KINDS.includes(value as DocKind)) return { meta, warnings, error: `unknown kind "${String(value)}" in ${MANIFEST} (expected ${DOC_KINDS.join(', ')})` };
      meta.kind = value as DocKind;
    } else {
      meta[field] = String(value).trim() as never;
    }
  }
  return { meta, warnings };
}

/** Reads corpus/manifest.yaml; a corpus without one has no metadata. A malformed manifest is fatal. */
export function readManifest(dir: string): Map<string, ManifestEntry> {
  const file = join(dir, MANIFEST);
  const entries = new Map<string, ManifestEntry>();
  if (!existsSync(file)) return entries;
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.errors.length > 0) throw new FatalError(`${file}: ${document.errors[0]!.message.split('\n')[0]}`);
  const data: unknown = document.toJS() ?? {};
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
  if (document.errors.length > 0) throw new FatalError(`${file}: ${document.errors[0]!.message.split('\n')[0]}`);
  if (!isMap(document.contents)) {
    // An empty manifest (or one with only comments): start a mapping, keep the comments.
    const fresh = new Document({});
    fresh.commentBefore = document.commentBefore ?? document.comment;
    document = fresh;
  }
  for (const { path, fields } of updates) {
    for (const [key, value] of Object.entries(fields)) document.setIn([path, key], value);
  }
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, document.toString({ lineWidth: 0 }));
  renameSync(temporary, file);
}
