/** The corpus stages in order, run over the store after every document is stored. */
import type { CorpusStage } from '../pipeline/stage.ts';
import { resolveEntitiesStage } from './resolve-entities/index.ts';
import { reconcile } from './reconcile/index.ts';
import { narratives } from './narratives/index.ts';
import { report } from './report/index.ts';
import { checkOrder, CORPUS_STAGE_VERSIONS } from './versions.ts';

export const CORPUS_STAGES: readonly CorpusStage[] = [resolveEntitiesStage, reconcile, narratives, report];
checkOrder(CORPUS_STAGES, CORPUS_STAGE_VERSIONS);
