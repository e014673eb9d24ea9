/** The ordered list of stages. Order lives only here; composeStages checks it before anything runs. */
import { composeStages, type CorpusStage, type DocumentStage } from '../pipeline/stage.ts';
import { ingest } from './ingest/index.ts';
import { report } from './report/index.ts';
import { segment } from './segment/index.ts';

export const DOCUMENT_STAGES: readonly DocumentStage[] = composeStages([ingest, segment]) as readonly DocumentStage[];
export const CORPUS_STAGES: readonly CorpusStage[] = [report];
