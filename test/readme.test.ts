/**
 * The user documentation: README.md is for users (short, set-up first, examples that work when copied),
 * the design and the figures live in docs/, and no document reads like a diary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Command } from '../pipeline/commands/command.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
const readme = readFileSync(README, 'utf8');

/** The body of every fenced code block, in order. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
}

/** Markdown files under docs/, with README.md first. */
function documentationFiles(): string[] {
  const docs = join(ROOT, 'docs');
  return [README, ...readdirSync(docs).filter((name) => name.endsWith('.md')).map((name) => join(docs, name))];
}

/** The lines of a section: from its heading to the next heading of the same or a higher level. */
function section(markdown: string, heading: RegExp): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return '';
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('README.md', () => {
  it('is at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  it('opens with the Node version, the set-up commands and then the test command', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const nodeVersion = /\d+\.\d+/.exec(engines)![0];
    const beforeFirstSection = readme.slice(0, readme.search(/^## /m));
    expect(beforeFirstSection).toContain(`Node.js ${nodeVersion}`);
    const first = codeBlocks(beforeFirstSection)[0] ?? '';
    const commands = first.split('\n').map((line) => line.replace(/^\$ /, '').replace(/\s+#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm ci', 'npm start', 'npm test']);
  });

  it('never sends the output of `npm run` or `npm start` to a file or a pipe in an example (npm would add its banner)', () => {
    const bannered = codeBlocks(readme)
      .flatMap((block) => block.split('\n'))
      .filter((line) => /\bnpm (?:start|run(?!\s+-s\b))\b[^\n]*?\s(?:>{1,2}|\|)\s*\S/.test(line));
    expect(bannered).toEqual([]);
  });

  it('links only to files that exist, and points to the design, performance and schema documents', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'));
    const missing = targets.filter((target) => !existsSync(join(ROOT, decodeURIComponent(target.replace(/#.*$/, '')))));
    expect(missing).toEqual([]);
    expect(targets).toEqual(expect.arrayContaining(['docs/design.md', 'docs/performance.md', 'docs/schema.md']));
  });

  it('documents every command and every option of each in the CLI reference', async () => {
    const reference = section(readme, /^## CLI reference/);
    const modules = readdirSync(join(ROOT, 'pipeline', 'commands')).filter((name) => name.endsWith('.ts') && name !== 'command.ts');
    expect(modules.length).toBeGreaterThan(0);
    const undocumented: string[] = [];
    for (const module of modules) {
      // Helpers shared by the commands live beside them; a command module is one that exports `command`.
      const { command } = (await import(join(ROOT, 'pipeline', 'commands', module))) as { command?: Command };
      if (command === undefined) continue;
      const own = section(reference, new RegExp(`^### \`?narratives ${command.name}\\b`));
      if (own === '') {
        undocumented.push(command.name);
        continue;
      }
      // run's options are shared by add, whose section points to them rather than repeat them.
      const documented = command.name === 'add' ? `${own}\n${section(reference, /^### `?narratives run\b/)}` : own;
      for (const option of Object.keys(command.options)) if (!documented.includes(`--${option}`)) undocumented.push(`${command.name} --${option}`);
    }
    expect(undocumented).toEqual([]);
  });
});

describe('the documentation', () => {
  it('keeps no history: no sessions, no "tried and not kept"', () => {
    const diary = documentationFiles().flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/\bsession \d+|tried and (?:not kept|taken out)/i.test(line) ? [`${file.slice(ROOT.length + 1)}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(diary).toEqual([]);
  });
});
