/** The ordered list of stages. Order lives only here; composeStages checks it before anything runs. */
import { composeStages, type CorpusStage, type DocumentStage } from '../pipeline/stage.ts';
import { ingest } from './ingest/index.ts';
import { report } from './report/index.ts';
import { resolveEntitiesStage } from './resolve-entities/index.ts';
import { reconcile } from './reconcile/index.ts';
import { narratives } from './narratives/index.ts';
import { segment } from './segment/index.ts';
import { parse } from './parse/index.ts';
import { extractEntities } from './extract-entities/index.ts';
import { extractDates } from './extract-dates/index.ts';
import { extractFigures } from './extract-figures/index.ts';
import { extractClaims } from './extract-claims/index.ts';

export const DOCUMENT_STAGES: readonly DocumentStage[] = composeStages([ingest, segment, parse, extractEntities, extractDates, extractFigures, extractClaims]) as readonly DocumentStage[];
export const CORPUS_STAGES: readonly CorpusStage[] = [resolveEntitiesStage, reconcile, narratives, report];
