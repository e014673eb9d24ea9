/** The annotated evaluation sets in test/fixtures/eval, with their labels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'eval');

export interface NumberLabel {
  type: 'level' | 'change' | 'rate' | 'share' | 'duration' | 'rank' | 'score' | 'date' | 'identifier' | 'other';
  phrase: string;
  value: number | null;
  low: number | null;
  high: number | null;
  bound: 'exact' | 'approximate' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'range';
  unit: string | null;
  noun: string | null;
  direction: 'up' | 'down' | null;
  note?: string;
}

export interface NumberItem {
  file: string;
  start: number;
  end: number;
  text: string;
  context: string;
  sentence: string;
  label: NumberLabel | null;
}

export interface SentenceItem {
  file: string;
  start: number;
  end: number;
  text: string;
  label: { claim: boolean; speaker: string | null; note?: string } | null;
}

export interface EntityListItem {
  file: string;
  entities: { name: string; type: string; aliases: string[] }[] | null;
}

export function readSet<T>(name: string): T[] {
  return (JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as { items: T[] }).items;
}
