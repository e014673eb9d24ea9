/**
 * `findings --doc` takes a document the way the tool itself names it: the file as `show` and the
 * document pages print it (corpus/NAME), the file's path inside the corpus folder, or the document's id;
 * any of the files of a document stored once for several identical files. A document the store does not
 * have is an error, not an empty list.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, run, workspace } from './helpers.ts';

const FILE = '001_a5905505a034775a.txt';
const COPY = 'same-as-001.txt';

describe('findings --doc', () => {
  const space = workspace();
  let id = '';
  /** The ids of the findings with an item in the document, from the whole list. */
  let expected: string[] = [];

  const listed = async (doc: string) => {
    const result = await cli('findings', '--db', space.dbPath, '--doc', doc);
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s+/)[0]!);
  };

  beforeAll(async () => {
    copyFileSync(join(space.corpusDir, FILE), join(space.corpusDir, COPY));
    await run(space);
    const all = JSON.parse((await cli('findings', '--db', space.dbPath, '--json')).stdout) as { id: string; items: { doc: string; path: string }[] }[];
    id = all.flatMap((finding) => finding.items).find((item) => item.path === FILE)!.doc;
    expected = all.filter((finding) => finding.items.some((item) => item.doc === id)).map((finding) => finding.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
  });

  it('takes the file as `show` prints it', async () => {
    const shown = (await cli('show', expected[0]!, '--db', space.dbPath)).stdout;
    const printed = [...shown.matchAll(/^ {4}(corpus\/\S+) ¶/gm)].map((match) => match[1]!);
    expect(printed).toContain(`corpus/${FILE}`);
    expect(await listed(`corpus/${FILE}`)).toEqual(expected);
  });

  it('takes the file as the document page prints it', async () => {
    const page = readFileSync(join(space.reportsDir, 'documents', `${id}.md`), 'utf8');
    const printed = [...page.matchAll(/`(corpus\/[^`]+)`/g)].map((match) => match[1]!);
    expect(printed.sort()).toEqual([`corpus/${FILE}`, `corpus/${COPY}`]);
    for (const file of printed) expect(await listed(file)).toEqual(expected);
  });

  it('takes the path inside the corpus folder, and the id', async () => {
    expect(await listed(FILE)).toEqual(expected);
    expect(await listed(COPY)).toEqual(expected);
    expect(await listed(id)).toEqual(expected);
  });

  it('gives the same findings as JSON', async () => {
    const result = await cli('findings', '--db', space.dbPath, '--doc', `corpus/${FILE}`, '--json');
    expect((JSON.parse(result.stdout) as { id: string }[]).map((finding) => finding.id)).toEqual(expected);
  });

  it('refuses a document the store does not have, in one line naming it', async () => {
    for (const doc of ['corpus/missing.txt', 'missing.txt', 'f00df00df00df00d', `corpus/corpus/${FILE}`]) {
      const result = await cli('findings', '--db', space.dbPath, '--doc', doc);
      expect(result.status, doc).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(JSON.stringify(doc));
      expect(result.stderr).not.toContain('no findings match');
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
  });
});
