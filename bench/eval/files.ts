/** Where the shared development texts are, and how a set's texts are listed; reads no pipeline code. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');

/** The .txt files in the folders of `root`, as `folder/file.txt`, sorted: a set's texts (BBC sections, events). */
export function textFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(root, entry.name)).filter((name) => name.endsWith('.txt')).map((name) => `${entry.name}/${name}`))
    .sort();
}
