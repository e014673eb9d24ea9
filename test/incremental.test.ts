/**
 * Incremental corpus stages: after an added article, a metadata change or a removed file, a run that
 * updates only what the store marks as changed writes exactly the reports a full rerun (--force) writes.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BBC_DIR, cli, run, workspace } from './helpers.ts';

/** Every report file's content, by its path under the reports folder. */
function readReports(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md')).sort();
  return new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

/** Runs incrementally, then with --force, and expects the same reports from both. */
async function expectSameAsFullRun(space: ReturnType<typeof workspace>) {
  const incremental = await run(space);
  expect(incremental.summary.corpusStagesSkipped).toBe(false);
  const updated = readReports(space.reportsDir);
  await run(space, { force: true });
  const full = readReports(space.reportsDir);
  expect([...updated.keys()]).toEqual([...full.keys()]);
  for (const [file, content] of full) expect(updated.get(file), file).toBe(content);
  return updated;
}

describe('incremental reports', () => {
  it('equal a full rerun after an added article renames a speaker, a title changes and a file goes', async () => {
    const space = workspace();
    await run(space);
    const pompeoPage = 'documents/6fb1c6cb1ce498e1.md';
    expect(readReports(space.reportsDir).get(pompeoPage)).toContain('| Michael Pompeo |');

    // Three more "Mike Pompeo"s make it the name the entity goes by (and its id, which follows the name),
    // on the page of a document that did not change.
    writeFileSync(
      join(space.corpusDir, 'pompeo.txt'),
      'Pompeo in Europe\n\nMike Pompeo visited Prague and Warsaw. Mike Pompeo said the Clean Network keeps data safe. Officials met Mike Pompeo in Rome.\n',
    );
    const added = await expectSameAsFullRun(space);
    expect(added.get(pompeoPage)).toContain('| Mike Pompeo |');

    const manifest = join(space.corpusDir, 'manifest.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('title: "Albania joins the Clean Network (untitled news report)"', 'title: "Albania joins the Clean Network"'));
    expect((await expectSameAsFullRun(space)).get('index.md')).toContain('[Albania joins the Clean Network](documents/');

    rmSync(join(space.corpusDir, 'pompeo.txt'));
    expect((await expectSameAsFullRun(space)).get(pompeoPage)).toContain('| Michael Pompeo |');
  });

  it('leave findings.md as it was when an added article changes no finding, and write it again when a verdict does', async () => {
    const space = workspace();
    await run(space);
    const findingsPage = join(space.reportsDir, 'findings.md');
    const [before, written] = [readFileSync(findingsPage, 'utf8'), statSync(findingsPage).mtimeMs];
    writeFileSync(join(space.corpusDir, 'weather.txt'), 'Rain in the hills\n\nIt rained in the hills all afternoon, and the roads were quiet.\n');
    const added = await run(space);
    expect(added.summary.corpusWork['report-findings']).toMatch(/^findings\.md as it was \(\d+ findings\); /);
    expect(statSync(findingsPage).mtimeMs).toBe(written);
    expect(readFileSync(findingsPage, 'utf8')).toBe(before);

    const db = new Database(space.dbPath, { readonly: true });
    const id = db.prepare("SELECT id FROM findings WHERE kind = 'denial' ORDER BY id LIMIT 1").pluck().get() as string;
    db.close();
    expect((await cli('review', id, '--verdict', 'dismissed', '--db', space.dbPath)).status).toBe(0);
    const reviewed = await expectSameAsFullRun(space);
    expect(reviewed.get('findings.md')).toMatch(new RegExp(`\`${id}\` · [^\\n]* · \\*\\*dismissed\\*\\*`));
  });

  it('equal a full rerun after an edited and an added article, processed by the worker started early', async () => {
    const space = workspace();
    await run(space);
    // The edit gives a press document sentences about the term subjects (country, will, use, datum); the
    // edited and the added article are stored under new ids.
    const edited = join(space.corpusDir, '000_a1abb57812357fd8.txt');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nEvery country will use the data it keeps. No country will use untrusted vendors.\n`);
    writeFileSync(join(space.corpusDir, 'sovereignty.txt'), 'Digital sovereignty under pressure\n\nEvery country must defend its digital sovereignty. The data of a country will use its own networks.\n');
    const manifest = join(space.corpusDir, 'manifest.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\nsovereignty.txt:\n  kind: critique\n`);
    // Two new files on a store of five: the worker started early processes them.
    const updated = await run(space, { concurrency: 2, expectNewFiles: true, minDocumentsForWorkers: 3 });
    expect(updated.summary.workers).toBe(1);
    const narratives = (dbPath: string) => {
      const db = new Database(dbPath, { readonly: true });
      try {
        return ['narrative_terms', 'narrative_subjects', 'narrative_speakers', 'narrative_absent_voices'].map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
      } finally {
        db.close();
      }
    };
    const [reports, stored] = [readReports(space.reportsDir), narratives(space.dbPath)];
    expect(JSON.stringify(stored[1])).toContain('"subject":"country"');
    await run(space, { force: true, concurrency: 1 });
    expect(narratives(space.dbPath)).toEqual(stored);
    for (const [file, content] of readReports(space.reportsDir)) expect(reports.get(file), file).toBe(content);
  });

  it('equal a full rerun after `add` of an article that renames an entity other documents mention', async () => {
    const space = workspace();
    await run(space);
    // The article renames an entity that other documents mention: their stored reconcile inputs are stale.
    const article = join(space.root, 'pompeo.txt');
    writeFileSync(article, 'Pompeo in Europe\n\nMike Pompeo visited Prague and Warsaw. Mike Pompeo said the Clean Network keeps data safe. Officials met Mike Pompeo in Rome.\n');
    const added = await cli('add', article, '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--concurrency', '2', '--json');
    expect(added.status, added.stderr).toBe(0);
    const summary = JSON.parse(added.stdout) as { workers: number; seconds: Record<string, number>; corpusWork: Record<string, string> };
    expect(summary.workers).toBe(1);
    expect(Number(/^(\d+) documents read again/.exec(summary.corpusWork['reconcile']!)![1])).toBeGreaterThan(1);
    // The entities, what points at them and the findings must be as a full run makes them.
    const [addedReports, addedStore] = [readReports(space.reportsDir), incrementalState(space.dbPath)];
    expect(addedStore.entities.some((entity) => (entity as { name: string }).name === 'Mike Pompeo')).toBe(true);
    await run(space, { force: true });
    expect(incrementalState(space.dbPath)).toEqual(addedStore);
    const full = readReports(space.reportsDir);
    for (const [file, content] of full) expect(addedReports.get(file), file).toBe(content);
  });
});

/** Each side's stored term counts (_term_sides), in term order: the stored order follows the history. */
function termCounts(db: Database.Database) {
  const sides = db.prepare('SELECT side, terms FROM _term_sides ORDER BY side').raw().all() as [string, string][];
  return sides.map(([side, terms]) => {
    const flat = JSON.parse(terms) as (string | number)[];
    const rows: [string, number, number][] = [];
    for (let i = 0; i < flat.length; i += 3) rows.push([flat[i] as string, flat[i + 1] as number, flat[i + 2] as number]);
    return [side, rows.sort(([a], [b]) => (a < b ? -1 : 1))];
  });
}

/** The store's entities, each mention's entity, the mention groups, the stem and term counts and the findings, in a fixed order. */
function incrementalState(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      entities: db.prepare('SELECT * FROM entities ORDER BY id').all(),
      mentions: db.prepare('SELECT id, entity_id FROM mentions ORDER BY id').all(),
      groups: db.prepare('SELECT signature, mention_count, first_mention, entity_id, dirty FROM _mention_groups ORDER BY signature').all(),
      stems: db.prepare('SELECT stem, sentences FROM _stem_counts ORDER BY stem').all(),
      terms: termCounts(db),
      termDocuments: db.prepare('SELECT * FROM _term_documents ORDER BY document_id').all(),
      termRemovals: db.prepare('SELECT count(*) FROM _term_removals').pluck().get(),
      findings: db.prepare('SELECT * FROM findings ORDER BY id').all(),
      findingItems: db.prepare('SELECT * FROM finding_items ORDER BY finding_id, ordinal').all(),
      reconcileStale: db.prepare('SELECT count(*) FROM _reconcile_stale').pluck().get(),
      lemmas: db.prepare('SELECT lemma, claims FROM _reconcile_lemmas ORDER BY lemma').all(),
    };
  } finally {
    db.close();
  }
}

describe('incremental entity resolution', () => {
  const politics = (numbers: number[]) => numbers.map((n) => `${String(n).padStart(3, '0')}.txt`);
  const copy = (space: ReturnType<typeof workspace>, files: string[]) => {
    for (const file of files) cpSync(join(BBC_DIR, 'politics', file), join(space.corpusDir, `politics-${file}`));
  };

  it('gives the store and the reports a run from scratch gives, after articles are added, removed, edited and given other kinds', async () => {
    // BBC politics articles share many people and parties (Blair, Mr Blair, Tony Blair; Tories, Conservatives);
    // beside the seeds, whose figures and claims make findings.
    const space = workspace();
    copy(space, politics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    // Some articles join the seeds' sides of the narratives (press, critique), the others are a third.
    const manifest = join(space.corpusDir, 'manifest.yaml');
    const seedsManifest = readFileSync(manifest, 'utf8');
    const kinds = (entries: Record<string, string>, seeds = seedsManifest) =>
      writeFileSync(manifest, `${seeds}\n${Object.entries(entries).map(([file, kind]) => `politics-${file}.txt:\n  kind: ${kind}\n`).join('\n')}`);
    kinds({ '001': 'press', '003': 'press', '006': 'press' });
    await run(space, { concurrency: 1 });
    copy(space, politics([13, 14, 15, 16, 17, 18]));
    // A seed's date changes what its figures are compared as (the same figures, another time).
    const redated = seedsManifest.replace('published: 2020-11\n  published_earliest: 2020-11-25', 'published: 2021-03-02');
    expect(redated).not.toBe(seedsManifest);
    kinds({ '001': 'press', '003': 'critique', '013': 'critique' }, redated);
    for (const file of politics([2, 5, 9])) rmSync(join(space.corpusDir, `politics-${file}`));
    const append = (file: string, text: string) => writeFileSync(join(space.corpusDir, file), `${readFileSync(join(space.corpusDir, file), 'utf8')}\n${text}\n`);
    append('politics-004.txt', 'Gordon Brown and Mr Howard spoke to Tony Blair in Downing Street.');
    append('001_a5905505a034775a.txt', 'Pompeo said the Clean Network now has 50 countries and 170 telecommunications companies.');
    const updated = await run(space, { concurrency: 1 });
    expect(updated.summary.documents).toMatchObject({ added: 6, changed: 2, removed: 3 });
    // The summary says what was worked out again: fewer entity sections and figure groups than the pages have.
    const redone = (what: string) => {
      const [, done, all] = new RegExp(`([\\d,]+) of ([\\d,]+) ${what}`).exec(updated.summary.corpusWork['report-pages']!)!;
      return [done, all].map((count) => Number(count!.replace(/,/g, '')));
    };
    for (const what of ['entity sections', 'figure groups']) {
      const [done, all] = redone(what);
      expect(done, what).toBeGreaterThan(0);
      expect(done, what).toBeLessThan(all!);
    }
    // findings.md renders again the findings that are new, changed or quote a changed document.
    const [, findingsDone, findingsAll] = /^(\d+) of (\d+) findings rendered; /.exec(updated.summary.corpusWork['report-findings']!)!.map(Number);
    expect(findingsDone).toBeGreaterThan(0);
    expect(findingsDone).toBeLessThan(findingsAll!);
    // Resolution groups again the changed groups' part of the corpus, not all of it.
    const [, changedGroups, allGroups, regrouped] = /^(\d+) of ([\d,]+) mention groups changed, ([\d,]+) grouped again; /.exec(updated.summary.corpusWork['resolve-entities']!)!.map((n) => Number(n?.replace(/,/g, '')));
    expect(changedGroups).toBeGreaterThan(0);
    expect(regrouped).toBeGreaterThanOrEqual(changedGroups!);
    expect(regrouped).toBeLessThan(allGroups!);
    // Terms are counted again for the 6 added articles, the 2 edited ones and the 2 whose kind changed.
    expect(updated.summary.corpusWork['narratives']).toMatch(/^terms counted in 10 documents; /);
    // reconcile reads again the same 10 articles, the re-dated seed and those whose mentions now point at
    // other entities; it compares again only some of its units.
    const [, reread, units, allUnits] = /^(\d+) documents read again; (\d+) of (\d+) units compared again$/.exec(updated.summary.corpusWork['reconcile']!)!.map(Number);
    expect(reread).toBeGreaterThanOrEqual(11);
    expect(reread).toBeLessThan(20);
    expect(units).toBeGreaterThan(0);
    expect(units).toBeLessThan(allUnits!);

    const fresh = workspace(false);
    cpSync(space.corpusDir, fresh.corpusDir, { recursive: true });
    await run(fresh, { concurrency: 1 });
    const [incremental, scratch] = [incrementalState(space.dbPath), incrementalState(fresh.dbPath)];
    expect(incremental.entities.length).toBeGreaterThan(100);
    expect(incremental.groups.every((group) => (group as { dirty: number }).dirty === 0)).toBe(true);
    expect(incremental.terms.map(([side]) => side)).toEqual(['critique', 'press', 'unknown']);
    expect(incremental.termRemovals).toBe(0);
    expect(incremental.reconcileStale).toBe(0);
    expect(incremental.findings.length).toBeGreaterThan(10);
    expect(incremental.lemmas.length).toBeGreaterThan(1000);
    expect(incremental).toEqual(scratch);
    // entities.md and figures.md took the sections no stale document showed from the store.
    const [updatedReports, scratchReports] = [readReports(space.reportsDir), readReports(fresh.reportsDir)];
    expect([...updatedReports.keys()]).toEqual([...scratchReports.keys()]);
    for (const [file, content] of scratchReports) expect(updatedReports.get(file), file).toBe(content);
  });
});
