/**
 * wink-eng-lite-web-model's core model, as its own `core()` makes it (dist/load-core-model.js and
 * read-core-model.js of version 1.8), without the two costs of that path that serve nothing here: a
 * JSON deep copy of the whole model (3 MB) and a base64 decode one character at a time. Every document
 * worker makes the model as it starts, before it can parse the first article.
 * The parts wink adds to (the features' lists and look-ups) are copies; the packed lexicon is decoded
 * anew. A test checks the result is deeply equal to `core()`'s.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

interface StoredCoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature>;
  pos: { hash: Record<string, number> };
  lexicon: string;
  xpansions: string;
}

export type CoreModel = Omit<StoredCoreModel, 'lexicon' | 'xpansions'> & { lexicon: Uint32Array; xpansions: Uint32Array };

/** Base64 of little-endian 32-bit words, as a Uint32Array. */
function words(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const result = new Uint32Array(bytes.length / 4);
  new Uint8Array(result.buffer).set(bytes);
  return result;
}

function indexOf(list: unknown[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k += 1) hash[list[k] as string] = k;
  return hash;
}

export function readCoreModel(): CoreModel {
  const stored = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as StoredCoreModel;
  const { lexicon, xpansions, ...rest } = stored;
  const features: Record<string, Feature> = {};
  for (const [name, feature] of Object.entries(rest.features)) features[name] = { ...feature, list: feature.list.slice() };
  const model: CoreModel = { ...rest, packing: { ...rest.packing, efList: [] }, pos: { ...rest.pos }, features, lexicon: words(lexicon), xpansions: words(xpansions) };
  const { layout } = model.packing;
  for (const name in layout) {
    const [, mask, shift, packed, extended] = layout[name]!;
    if (packed === 0) {
      const feature = features[name]!;
      feature.hash = indexOf(feature.list);
      feature.intrinsicSize = feature.index = feature.list.length;
      feature.maxIndex = mask! >>> shift!;
    }
    if (extended === 1) model.packing.efList!.push(name);
  }
  const lexeme = features.lexeme!;
  lexeme.hash = indexOf(lexeme.list);
  lexeme.intrinsicSize = lexeme.index = lexeme.list.length;
  const pos = model.pos.hash;
  features.posClusters!.list = features.posClusters!.list.map((cluster) => new Set((cluster as string).split('_').map((tag) => pos[tag] || 0)));
  return model;
}
