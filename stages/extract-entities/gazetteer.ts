/**
 * Places by name: every country of the world-countries package under its common and official names,
 * its alternative spellings and its demonym ("Brazilian" is about Brazil), plus continents and regions,
 * which no maintained package lists in this form.
 */
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { lexiconTags } from '../parse/lexicon.ts';

// The package is CommonJS whose types declare an ES default export; require gives the array itself.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

export interface PlaceEntry {
  /** The canonical name, e.g. "United States". */
  name: string;
  /** How it was named: by a name or by its demonym. */
  via: 'name' | 'demonym';
  /** A continent or a region, not a country. */
  region?: true;
  /** Named by its initials, which match only in capitals. */
  code?: true;
}

const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania', 'Antarctica',
  'Middle East', 'Southeast Asia', 'East Asia', 'Western Europe', 'Eastern Europe', 'Central Europe', 'Balkans', 'Caribbean',
  'Asia-Pacific', 'Indo-Pacific', 'Baltic Sea', 'Pacific', 'Atlantic', 'Arctic', 'Silicon Valley',
  // The nations of the United Kingdom, which the package lists as none of its own.
  'England', 'Scotland', 'Wales', 'Northern Ireland',
  // Territories the package lists under no country's names ("West Bank" is no bank).
  'West Bank', 'Gaza', 'Gaza Strip',
];
const REGION_DEMONYMS: Record<string, string> = {
  European: 'Europe', Asian: 'Asia', African: 'Africa', 'Latin American': 'Latin America', 'South American': 'South America', 'North American': 'North America',
};

/** Two-letter codes that are also ordinary words or abbreviations ("IT vendors", "IN 2020") are not places. */
const CODES_AS_NAMES = new Set(['US', 'UK']);

/** Lower-cased, dots and "the" removed: "the U.S." and "US" meet here. */
export function placeKey(name: string): string {
  return name.normalize('NFC').replace(/^the\s+/i, '').replace(/\./g, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

function build(): Map<string, PlaceEntry> {
  const places = new Map<string, PlaceEntry>();
  const add = (alias: string, entry: PlaceEntry) => {
    const key = placeKey(alias);
    if (key && !places.has(key)) places.set(key, entry);
  };
  // Sovereign states first, so that a demonym shared with territories ("American") names the state.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const country of ordered) {
    const name = country.name.common;
    add(name, { name, via: 'name' });
    add(country.name.official, { name, via: 'name' });
    for (const alias of country.altSpellings) {
      if (CODES_AS_NAMES.has(alias) || (alias.length > 2 && (/\s/.test(alias) || isCode(alias) || isLexiconCountry(alias)))) add(alias, { name, via: 'name', ...(isCode(alias) && { code: true }) });
    }
    const demonym = country.demonyms?.eng?.m;
    if (demonym) add(demonym, { name, via: 'demonym' });
  }
  // Names in common use that the package does not list as spellings, and the acronyms of official
  // names that news writes. (Not every official name's initials: "IRA" is not Afghanistan.)
  const common = [
    ['America', 'United States'], ['Britain', 'United Kingdom'], ['Holland', 'Netherlands'], ['Saudi', 'Saudi Arabia'], ['Vatican', 'Vatican City'], ['Bosnia-Herzegovina', 'Bosnia and Herzegovina'],
    ['PRC', 'China'], ['ROK', 'South Korea'], ['DPRK', 'North Korea'], ['UAE', 'United Arab Emirates'], ['ROC', 'Taiwan'],
  ] as const;
  for (const [alias, name] of common) add(alias, { name, via: 'name', ...(isCode(alias) && { code: true }) });
  for (const region of REGIONS) add(region, { name: region, via: 'name', region: true });
  for (const [demonym, region] of Object.entries(REGION_DEMONYMS)) add(demonym, { name: region, via: 'demonym', region: true });
  return places;
}

let cache: Map<string, PlaceEntry> | undefined;
let countryNames: string[] = [];

/**
 * A one-word spelling the package lists is taken only where compromise's lexicon also knows it as a
 * country ("Burma", "Swaziland"): the others are mostly the country's own name for itself, which English
 * news writes inside other names or for other things ("Nippon Steel", "Mr Mann", "Emirates" the airline,
 * "Island Records").
 */
const isLexiconCountry = (alias: string) => lexiconTags(alias.toLowerCase()).some((tag) => /Country|Place/.test(tag));
/** Initials ("USA", "ROC"), which name the place only written in capitals: "Us magazine", "Roc-A-Fella" do not. */
const isCode = (alias: string) => /^(?:\p{Lu}\.?){2,4}$/u.test(alias);
/** Written in capitals and small letters ("Us", "Roc"), so not initials; a key written all in small letters may be. */
const isMixedCase = (name: string) => {
  const word = name.replace(/^the\s+/i, '');
  return /\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
};

/** The place a name or demonym refers to, if it is one. */
export function lookupPlace(name: string): PlaceEntry | undefined {
  if (!cache) {
    cache = build();
    countryNames = countries.filter((country) => country.unMember).map((country) => country.name.common);
  }
  const entry = cache.get(placeKey(name));
  const found = (entry?.code && isMixedCase(name) ? undefined : entry) ?? demonymByStem(name);
  if (found || !/\p{Ll}s$/u.test(name)) return found;
  // "Americans", "Europeans": a plural demonym.
  const singular = cache.get(placeKey(name.slice(0, -1))) ?? demonymByStem(name.slice(0, -1));
  return singular?.via === 'demonym' ? singular : undefined;
}

/**
 * Demonyms the package spells differently ("Ecuadorian" where it has "Ecuadorean"): the word less a
 * demonym ending must begin exactly one country's name.
 */
function demonymByStem(word: string): PlaceEntry | undefined {
  const match = /^(\p{Lu}\p{Ll}{3,}?)(ian|ean|an|ese|ish|i)$/u.exec(word);
  if (!match) return undefined;
  // One-word names only: "Republican" is not "Republic of the Congo". An "-i" follows the whole name
  // ("Iraqi", "Kuwaiti"): "Dominici" is a surname, not Dominica's.
  const candidates = countryNames.filter((name) => !name.includes(' ') && (match[2] === 'i' ? name === match[1] : name.startsWith(match[1]!)));
  return candidates.length === 1 ? { name: candidates[0]!, via: 'demonym' } : undefined;
}

let capitals: Set<string> | undefined;

/** Is the name a sovereign state's capital ("Beijing", "Washington")? A capital stands for its government as well as its streets. */
export function isCapital(name: string): boolean {
  capitals ??= new Set(countries.filter((country) => country.unMember).flatMap((country) => country.capital.map((capital) => placeKey(capital.replace(/,?\s+(?:\p{Lu}\.)+$/u, '')))));
  return capitals.has(placeKey(name));
}
