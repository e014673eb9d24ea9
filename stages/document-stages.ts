/** The per-document stages in order; composeStages checks each one's needs, checkOrder the version table. */
import { composeStages, type DocumentStage } from '../pipeline/stage.ts';
import { ingest } from './ingest/index.ts';
import { segment } from './segment/index.ts';
import { parse } from './parse/index.ts';
import { extractEntities } from './extract-entities/index.ts';
import { extractDates } from './extract-dates/index.ts';
import { extractFigures } from './extract-figures/index.ts';
import { extractClaims } from './extract-claims/index.ts';
import { checkOrder, DOCUMENT_STAGE_VERSIONS } from './versions.ts';

export const DOCUMENT_STAGES: readonly DocumentStage[] = composeStages([ingest, segment, parse, extractEntities, extractDates, extractFigures, extractClaims]) as readonly DocumentStage[];
checkOrder(DOCUMENT_STAGES, DOCUMENT_STAGE_VERSIONS);
