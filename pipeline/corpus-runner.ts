/**
 * Runs the corpus stages one after the other, in the main thread, in the order they are listed: each
 * after the stages it needs, which it is handed the results of (CorpusContext.needed). A list in which a
 * stage comes before one it needs is refused before any stage runs.
 */
import type { CorpusContext, CorpusResult, CorpusStage } from './stage.ts';

export interface CorpusRun {
  /** What every stage is handed, but for the results of the stages it needs. */
  context: Omit<CorpusContext, 'needed'>;
  /** Called as each stage starts, with its position. */
  started: (stage: CorpusStage, index: number) => void;
  /** Records the seconds a stage took. */
  spent: (stage: string, seconds: number) => void;
  /** Called as each stage is done. */
  done: (stage: string, result: CorpusResult) => void;
}

/** Throws unless every stage comes after the stages it needs. */
function checkNeeds(stages: readonly CorpusStage[]): void {
  const before = new Set<string>();
  for (const stage of stages) {
    for (const need of stage.needs) if (!before.has(need)) throw new Error(`corpus stage ${stage.name} needs ${need}, which is not listed before it`);
    before.add(stage.name);
  }
}

export function runCorpusStages(stages: readonly CorpusStage[], run: CorpusRun): void {
  checkNeeds(stages);
  const results = new Map<string, CorpusResult>();
  for (const [index, stage] of stages.entries()) {
    run.started(stage, index);
    const begun = performance.now();
    const result = stage.run({ ...run.context, needed: new Map(stage.needs.map((need) => [need, results.get(need)!])) });
    run.spent(stage.name, (performance.now() - begun) / 1000);
    run.done(stage.name, result);
    results.set(stage.name, result);
  }
}
