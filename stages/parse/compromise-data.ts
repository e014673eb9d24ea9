/**
 * The data the document stages read from compromise besides its tokenizer: its lexicon (names, places,
 * modals, multi-word names), its tag hierarchy, the parts of its model its inflectors read, and the
 * value of every number phrase in words that extract-figures can find. compromise builds the first
 * three as it loads (its lexicon expanded, its tagger set up), the same every time, which costs every
 * worker more than reading them: `npm run build` writes them beside the bundle (1 MB of JSON) with the
 * number phrases' values (thousands of phrases, seconds to work out). The sources,
 * run as they are, work the data out from compromise as they load, and ask compromise for each number
 * phrase. Data written for another version of compromise is not used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compromise, COMPROMISE_ROOT } from '../compromise.ts';

/** What compromise's noun and verb inflectors read of its model. */
export interface InflectionModel {
  one: { prefixes: Record<string, boolean> };
  two: { irregularPlurals: Record<string, string>; models: Record<string, unknown> };
}

export interface CompromiseData {
  /** The version of compromise the data came from. */
  version: string;
  lexicon: Record<string, string | string[]>;
  /** First words of the lexicon's multi-word entries ("united states"), with the longest entry's length in words. */
  multiWord: Record<string, number>;
  /** Each tag's parents in compromise's hierarchy (a MaleName is a FirstName, a Person, a ProperNoun…). */
  tagParents: Record<string, string[]>;
  inflection: InflectionModel;
  /** compromise's value of each number phrase in words (see numberWordValues), null for none: empty unless built. */
  numberWords: Record<string, number | null>;
}

interface World {
  model: {
    one: { lexicon: CompromiseData['lexicon']; _multiCache: CompromiseData['multiWord']; tagSet: Record<string, { parents?: string[] }>; prefixes: InflectionModel['one']['prefixes'] };
    two: InflectionModel['two'];
  };
}

/** The file the build writes beside the bundle, and where this module finds it (next to its own code). */
export const COMPROMISE_DATA_FILE = 'compromise-data.json';

export const INSTALLED_VERSION = (JSON.parse(readFileSync(join(COMPROMISE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The data, from compromise as loaded, with the number phrases' values given. */
export function deriveCompromiseData(numberWords: CompromiseData['numberWords'] = {}): CompromiseData {
  const { one, two } = (compromise() as unknown as { world(): World }).world().model;
  return {
    version: INSTALLED_VERSION,
    lexicon: one.lexicon,
    multiWord: one._multiCache,
    tagParents: Object.fromEntries(Object.entries(one.tagSet).map(([tag, { parents }]) => [tag, parents ?? []])),
    inflection: { one: { prefixes: one.prefixes }, two: { irregularPlurals: two.irregularPlurals, models: two.models } },
    numberWords,
  };
}

/** The data the build wrote for the installed compromise, else worked out from compromise. */
export function loadCompromiseData(file = new URL(COMPROMISE_DATA_FILE, import.meta.url)): CompromiseData {
  if (existsSync(file)) {
    const built = JSON.parse(readFileSync(file, 'utf8')) as CompromiseData;
    if (built.version === INSTALLED_VERSION) return built;
  }
  return deriveCompromiseData();
}

export const COMPROMISE_DATA = loadCompromiseData();
