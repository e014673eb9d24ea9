/**
 * The data `npm run build` writes beside the bundle (scripts/build.mjs): compromise's lexicon, tag
 * hierarchy and inflection model, with the value of every number phrase in words extract-figures can
 * find, so that parsing does not load the full library (stages/parse/compromise-data.ts); and the
 * names of the towns resolution reads, so that no run decodes every city of the world
 * (stages/extract-entities/towns.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPROMISE_DATA_FILE, deriveCompromiseData } from '../stages/parse/compromise-data.ts';
import { numberWordValues } from '../stages/extract-figures/numbers.ts';
import { deriveTownNames, TOWNS_FILE } from '../stages/extract-entities/towns.ts';

export function writeBuildData(folder: string): void {
  writeFileSync(join(folder, COMPROMISE_DATA_FILE), JSON.stringify(deriveCompromiseData(numberWordValues())));
  writeFileSync(join(folder, TOWNS_FILE), JSON.stringify(deriveTownNames()));
}
