/**
 * entities.md's layout (stages/report/page-layout.ts): the stored layout describes the file as written,
 * byte for byte, and an incremental page made from the old file's bytes, or from the store when the file
 * does not match its layout, is the page a run from scratch writes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entitiesPage } from '../stages/report/entities-page.ts';
import { assemble, readLayout, sectionsOf } from '../stages/report/page-layout.ts';
import { readDocuments } from '../stages/report/read-store.ts';
import { BBC_DIR, run, workspace } from './helpers.ts';

const PAGE = 'entities.md';

function stored(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return { layout: readLayout(db, PAGE)!, ids: db.prepare('SELECT id FROM entities').pluck().all() as string[] };
  } finally {
    db.close();
  }
}

describe("entities.md's layout", async () => {
  const space = workspace();
  await run(space);
  const file = readFileSync(join(space.reportsDir, PAGE));
  const { layout, ids } = stored(space.dbPath);

  it("gives each entity's table row and section as they are in the file", () => {
    const sections = sectionsOf(file, layout, '### ')!;
    expect(ids.length).toBeGreaterThan(50);
    expect([...sections.keys()].sort()).toEqual([...ids].sort());
    for (const [id, { row, body }] of sections) {
      expect(row.toString('utf8'), id).toMatch(new RegExp(`^\\| \\[[^\\n]*\\]\\(#${id}\\) \\|[^\\n]*\\|$`));
      expect(body.toString('utf8'), id).toMatch(new RegExp(`^### [^\\n]*\\n<a id="${id}"></a>`));
      expect(body.toString('utf8').includes('\n### '), id).toBe(false);
    }
  });

  it('puts the same sections back together into the same bytes', () => {
    const sections = sectionsOf(file, layout, '### ')!;
    const head = file.subarray(0, layout.rowsAt - 1).toString('utf8');
    const lastBody = [...sections.values()].at(-1)!.body;
    const middleEnd = layout.bodiesAt - 2;
    const lastRow = [...sections.values()].at(-1)!.row;
    const middle = file.subarray(lastRow.byteOffset - file.byteOffset + lastRow.length, middleEnd).toString('utf8');
    const again = assemble(head, [...sections].map(([key, parts]) => ({ key, ...parts })), middle);
    expect(again.bytes.equals(file)).toBe(true);
    expect(again.layout).toEqual(layout);
    expect(lastBody.byteOffset - file.byteOffset + lastBody.length).toBe(file.length - 1);
  });

  it('is not trusted for a file of another size, or one whose sections moved', () => {
    expect(sectionsOf(file.subarray(0, file.length - 1), layout, '### ')).toBeUndefined();
    // The same size, the rows shifted by one byte: a row no longer starts where the layout says.
    const shifted = Buffer.concat([file.subarray(0, layout.rowsAt), Buffer.from(' '), file.subarray(layout.rowsAt, file.length - 1)]);
    expect(shifted.length).toBe(file.length);
    expect(sectionsOf(shifted, layout, '### ')).toBeUndefined();
  });

  it('makes an incremental page from the old file: a section no stale document shows is copied as it is there', () => {
    // A mark of the same length in one section of the old file comes through; the store's copy of it has none.
    const sections = sectionsOf(file, layout, '### ')!;
    const [id, { body }] = [...sections].at(-1)!;
    const at = body.byteOffset - file.byteOffset + body.indexOf('\n<a id=') - 1;
    const marked = Buffer.from(file);
    marked[at] = 'Z'.charCodeAt(0);
    const db = new Database(space.dbPath, { readonly: true });
    try {
      const documents = new Map(readDocuments(db).map((document) => [document.id, document]));
      const page = entitiesPage(db, documents, new Set(), () => marked);
      expect(page.fragments.upserts).toEqual([]);
      expect(page.content.equals(marked), id).toBe(true);
      expect(entitiesPage(db, documents, new Set(), () => undefined).content.equals(file)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('gives the page a run from scratch gives after an article is added, from the old file or, without a layout, from the store', async () => {
    const article = join(BBC_DIR, 'politics', '004.txt');
    for (const withLayout of [true, false]) {
      const other = workspace();
      await run(other);
      if (!withLayout) {
        const db = new Database(other.dbPath);
        db.prepare('DELETE FROM _report_layouts').run();
        db.close();
      }
      cpSync(article, join(other.corpusDir, 'politics-004.txt'));
      const added = await run(other);
      expect(added.summary.corpusWork['report-pages'], `layout ${withLayout}`).toMatch(/ of [\d,]+ entity sections/);
      const scratch = workspace(false);
      cpSync(other.corpusDir, scratch.corpusDir, { recursive: true });
      await run(scratch);
      expect(readFileSync(join(other.reportsDir, PAGE), 'utf8'), `layout ${withLayout}`).toBe(readFileSync(join(scratch.reportsDir, PAGE), 'utf8'));
      expect(stored(other.dbPath).layout, `layout ${withLayout}`).toEqual(stored(scratch.dbPath).layout);
    }
  });

  it('is not used when the file was edited: the run renders the page whole', async () => {
    const other = workspace();
    await run(other);
    const path = join(other.reportsDir, PAGE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('# Entities', '# Entities (edited)'));
    cpSync(join(BBC_DIR, 'politics', '004.txt'), join(other.corpusDir, 'politics-004.txt'));
    const added = await run(other);
    expect(added.summary.corpusWork['report-pages']).toMatch(/, ([\d,]+) of \1 entity sections/);
    expect(readFileSync(path, 'utf8')).not.toContain('(edited)');
  });
});
