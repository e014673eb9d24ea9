/**
 * Incremental corpus stages: after an added article, a metadata change or a removed file, a run that
 * updates only what the store marks as changed writes exactly the reports a full rerun (--force) writes.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspace } from './helpers.ts';

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
});
