/**
 * The corpus stages in order, run over the store after every document is stored. A stage starts once the
 * stages it needs are done; report-pages and narratives may compute in a worker thread (one after the
 * other) while the main thread reconciles.
 */
import type { CorpusStage } from '../pipeline/stage.ts';
import { resolveEntitiesStage } from './resolve-entities/index.ts';
import { reconcile } from './reconcile/index.ts';
import { narratives } from './narratives/index.ts';
import { report, reportFindings, reportPages } from './report/index.ts';
import { checkOrder, CORPUS_STAGE_VERSIONS } from './versions.ts';

export const CORPUS_STAGES: readonly CorpusStage[] = [resolveEntitiesStage, reportPages, narratives, reconcile, reportFindings, report];
checkOrder(CORPUS_STAGES, CORPUS_STAGE_VERSIONS);
