/** The corpus stage runner: stages in their listed order, each handed the results of those it needs, and a misordered list refused. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCorpusStages, type CorpusRun } from '../pipeline/corpus-runner.ts';
import type { CorpusStage } from '../pipeline/stage.ts';

/** A stage that records that it ran and what it was handed, and gives its name as its output. */
function stage(name: string, needs: string[], ran: string[]): CorpusStage {
  return {
    name,
    scope: 'corpus',
    version: '1',
    needs,
    run: ({ needed }) => {
      ran.push(`${name} <- ${[...needed].map(([need, result]) => `${need}:${String(result.output)}`).join(',')}`);
      return { written: 0, redone: '', output: name.toUpperCase() };
    },
  };
}

function corpusRun(done: string[] = []): CorpusRun {
  return { context: { db: new Database(':memory:'), reportsDir: '', incremental: false }, started: () => {}, spent: () => {}, done: (name) => done.push(name) };
}

describe('corpus stage runner', () => {
  it('runs the stages in their order, handing each the results of the stages it needs', () => {
    const [ran, done]: [string[], string[]] = [[], []];
    runCorpusStages([stage('a', [], ran), stage('b', ['a'], ran), stage('c', ['b', 'a'], ran)], corpusRun(done));
    expect(ran).toEqual(['a <- ', 'b <- a:A', 'c <- b:B,a:A']);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('refuses a stage listed before one it needs, before any stage runs', () => {
    const ran: string[] = [];
    expect(() => runCorpusStages([stage('a', [], ran), stage('b', ['c'], ran), stage('c', [], ran)], corpusRun())).toThrow(/corpus stage b needs c, which is not listed before it/);
    expect(ran).toEqual([]);
  });

  it('stops at a stage that fails, with its error', () => {
    const ran: string[] = [];
    const failing: CorpusStage = {
      ...stage('b', ['a'], ran),
      run: () => {
        throw new Error('the store cannot be read');
      },
    };
    expect(() => runCorpusStages([stage('a', [], ran), failing, stage('c', [], ran)], corpusRun())).toThrow('the store cannot be read');
    expect(ran).toEqual(['a <- ']);
  });
});
