/**
 * The entities as resolution leaves them, which resolve-entities hands to the stages that need it (its
 * result's `output`) instead of their reading them back from the store: only resolution writes entities.
 */
import type { CorpusResult } from '../../pipeline/stage.ts';
import type { EntityType } from '../extract-entities/vocabulary.ts';

/** An entity as resolution wrote it, aliases as stored (a JSON array). */
export interface CurrentEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string;
}

/** Every entity, in id order, from resolve-entities' result (undefined: read them from the store). */
export function currentEntities(result: CorpusResult | undefined): CurrentEntity[] | undefined {
  return result?.output as CurrentEntity[] | undefined;
}
