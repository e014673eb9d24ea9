/** Writes that a crash cannot truncate: the new content goes to a temporary file that is then renamed over the old. */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The name of a temporary file writeFileAtomic makes (a killed process may leave one behind). */
export const TEMPORARY_FILE = /\.tmp-\d+$/;

/** Writes `content` to `path` atomically; returns false (and writes nothing) when it is already there. */
export function writeFileAtomic(path: string, content: string | Buffer): boolean {
  // Encoded once, for the size, the comparison and the write. The old file is read only when it has the
  // new content's size: a big page that changed is not read first.
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === bytes.length && readFileSync(path).equals(bytes)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return true;
}
