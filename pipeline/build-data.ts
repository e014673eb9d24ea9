/**
 * The data `npm run build` writes beside the bundle (scripts/build.mjs): compromise's lexicon, tag
 * hierarchy and inflection model, with the value of every number phrase in words extract-figures can
 * find, so that parsing does not load the full library (stages/parse/compromise-data.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPROMISE_DATA_FILE, deriveCompromiseData } from '../stages/parse/compromise-data.ts';
import { numberWordValues } from '../stages/extract-figures/numbers.ts';

export function writeBuildData(folder: string): void {
  writeFileSync(join(folder, COMPROMISE_DATA_FILE), JSON.stringify(deriveCompromiseData(numberWordValues())));
}
