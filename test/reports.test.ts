import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTS_DIR, run, workspace } from './helpers.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}

describe('reports of the bundled corpus', async () => {
  const space = workspace();
  await run(space);

  it('are byte-identical to the committed reports/ (regenerate with npm start and commit if this fails)', () => {
    const generated = markdownFiles(space.reportsDir);
    expect(generated).toEqual(markdownFiles(REPORTS_DIR));
    for (const file of generated) expect(readFileSync(join(space.reportsDir, file), 'utf8'), file).toBe(readFileSync(join(REPORTS_DIR, file), 'utf8'));
  });

  it('are the same after a second run with --force and another concurrency', async () => {
    const before = markdownFiles(space.reportsDir).map((file) => readFileSync(join(space.reportsDir, file), 'utf8'));
    await run(space, { force: true, concurrency: 1 });
    expect(markdownFiles(space.reportsDir).map((file) => readFileSync(join(space.reportsDir, file), 'utf8'))).toEqual(before);
  });

  it('carry no timestamps, run ids or absolute paths', () => {
    for (const file of markdownFiles(space.reportsDir)) {
      const text = readFileSync(join(space.reportsDir, file), 'utf8');
      expect(text).not.toContain(space.root);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text).not.toMatch(/\brun \d+/i);
    }
  });

  it('list every document in the index with its metadata and a link to its page', () => {
    const index = readFileSync(join(space.reportsDir, 'index.md'), 'utf8');
    expect(index).toContain('| 5 | [The secrets of TikTok and Huawei being hunted are all in this analysis report\\! Fudan University fully reveals the secrets]'.replace('\\!', '!'));
    expect(index).toMatch(/\| critique \| 2020 \(not before 2020-08-17\) \| 5,454 \|/);
    expect(index).toMatch(/\| 4 \| .* \| press \| 2020-10 \(not before 2020-10-14\) \| \d+ \| 1,607 chars \(photo-caption, repeated-block, reader-comments, link-list\) \|/);
  });

  it('number every paragraph of a document page with a stable anchor, in text order', () => {
    const index = readFileSync(join(space.reportsDir, 'index.md'), 'utf8');
    const page = /\[Krach[^\]]*\]\((documents\/\w+\.md)\)/.exec(index)![1]!;
    const text = readFileSync(join(space.reportsDir, page), 'utf8');
    const anchors = [...text.matchAll(/<a id="(p\d+)"><\/a>\*\*¶(\d+)\*\*/g)];
    expect(anchors.map((match) => match[1])).toEqual(Array.from({ length: 17 }, (_, i) => `p${i + 1}`));
    expect(text).toContain('<a id="p13"></a>**¶13** When the Clean Network initiative was launched six months ago');
  });

  it('have no link that does not resolve, to a file or to an anchor in it', () => {
    let links = 0;
    for (const file of markdownFiles(space.reportsDir)) {
      const text = readFileSync(join(space.reportsDir, file), 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const [target, anchor] = decodeURI(match[1]!).split('#');
        const resolved = target ? join(dirname(join(space.reportsDir, file)), target) : join(space.reportsDir, file);
        expect(existsSync(resolved), `${file} links to ${relative(space.reportsDir, resolved)}`).toBe(true);
        if (anchor) expect(readFileSync(resolved, 'utf8')).toContain(`<a id="${anchor}"></a>`);
        links += 1;
      }
    }
    expect(links).toBeGreaterThanOrEqual(500);
  });

  it('delete the page of a document that is no longer stored', async () => {
    const other = workspace();
    await run(other);
    const pages = markdownFiles(join(other.reportsDir, 'documents'));
    const { rmSync } = await import('node:fs');
    rmSync(join(other.corpusDir, '001_a5905505a034775a.txt'));
    await run(other);
    expect(markdownFiles(join(other.reportsDir, 'documents'))).toHaveLength(pages.length - 1);
  });
});
