/** Writes that a crash cannot truncate: the new content goes to a temporary file that is then renamed over the old. */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** The name of a temporary file writeFileAtomic makes (a killed process may leave one behind). */
export const TEMPORARY_FILE = /\.tmp-\d+$/;

/** Writes `content` to `path` atomically; returns false (and writes nothing) when it is already there. */
export function writeFileAtomic(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
  return true;
}
