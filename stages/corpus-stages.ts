/**
 * The corpus stages in the order they run, one after the other, over the store once every document is
 * stored. Each comes after the stages it needs (pipeline/corpus-runner.ts checks it).
 */
import type { CorpusStage } from '../pipeline/stage.ts';
import { resolveEntitiesStage } from './resolve-entities/index.ts';
import { reconcile } from './reconcile/index.ts';
import { narratives } from './narratives/index.ts';
import { report, reportFindings, reportPages } from './report/index.ts';
import { checkOrder, CORPUS_STAGE_VERSIONS } from './versions.ts';

export const CORPUS_STAGES: readonly CorpusStage[] = [resolveEntitiesStage, reportPages, narratives, reconcile, reportFindings, report];
checkOrder(CORPUS_STAGES, CORPUS_STAGE_VERSIONS);
