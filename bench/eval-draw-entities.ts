/**
 * Draws 150 entities at random (fixed seed) from a whole run over the BBC corpus, for a person to judge:
 * is it one real thing, is it named right, is it typed right. Unlike the other sets (bench/eval-sample.ts),
 * this one is drawn from the pipeline's output, since entity precision judges what the pipeline made;
 * the judgements are made by hand from the mentions' sentences. Refuses to overwrite an existing set.
 * Each draw is a set of its own, with its own seed: a draw judges the run it was drawn from, and the
 * entities of a later run are judged by a later draw.
 *
 *   npx tsx bench/eval-draw-entities.ts [entities-bbc-N]   (default entities-bbc; seed 150, or N × 1000 + 150)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOver, SHARED, textFiles } from './eval/corpus.ts';
import { random } from './eval/random.ts';

const BBC = join(SHARED, 'bench', 'bbc');
const SET = process.argv[2] ?? 'entities-bbc';
const numbered = /^entities-bbc(?:-(\d+))?$/.exec(SET);
if (!numbered) {
  console.error(`${SET}: a set is named entities-bbc or entities-bbc-N`);
  process.exit(2);
}
const SEED = Number(numbered[1] ?? 0) * 1000 + 150;
const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'eval', `${SET}.json`);
const DRAWN = 150;

if (existsSync(OUT)) {
  console.error(`${OUT} exists: its judgements are never redrawn`);
  process.exit(1);
}

const data = await runOver(BBC, textFiles(BBC));
const sentences = new Map(data.sentences.map((sentence) => [sentence.id, sentence.text]));
const paths = new Map(data.documents.map((document) => [document.id, document.path]));
const entities = [...data.entities].sort((a, b) => (a.id < b.id ? -1 : 1));
const next = random(SEED);
const picked = new Set<number>();
while (picked.size < Math.min(DRAWN, entities.length)) picked.add(Math.floor(next() * entities.length));
const items = [...picked].sort((a, b) => a - b).map((index) => {
  const entity = entities[index]!;
  // Up to five mentions, spread over the entity's documents, to judge whether they are one thing.
  const step = Math.max(1, Math.floor(entity.mentions.length / 5));
  const mentions = entity.mentions.filter((_, at) => at % step === 0).slice(0, 5).map((mention) => ({ file: paths.get(mention.doc), text: mention.text, sentence: sentences.get(mention.sentence) }));
  return { id: entity.id, name: entity.name, type: entity.type, aliases: entity.aliases, mentionCount: entity.mentions.length, mentions, label: null };
});
writeFileSync(OUT, `{\n "set": "${SET}",\n "drawnBy": "bench/eval-draw-entities.ts",\n "items": [\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]\n}\n`);
console.log(`${OUT}: ${items.length} of ${entities.length} entities`);
