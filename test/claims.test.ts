import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportStore, type ExportedClaim } from '../pipeline/export.ts';
import { findAttribution } from '../stages/extract-claims/attribution.ts';
import { scoreClaim } from '../stages/extract-claims/claims.ts';
import { run, workspace } from './helpers.ts';

describe('claims of the seeds', async () => {
  const space = workspace();
  await run(space);
  const db = new Database(space.dbPath, { readonly: true });
  const data = exportStore(db);
  db.close();
  const claimContaining = (words: string): ExportedClaim => {
    const found = data.claims.filter((claim) => claim.text.includes(words));
    expect(found, words).toHaveLength(1);
    return found[0]!;
  };

  const cases: { words: string; speaker: string | null; direct: boolean; negated?: boolean; hedged?: boolean }[] = [
    { words: 'Huawei has always denied this', speaker: 'Huawei', direct: false, negated: true },
    { words: 'Huawei equipment may be used to spy', speaker: 'United States', direct: false, hedged: true },
    { words: 'has exaggerated the security threats posed by TikTok', speaker: 'Fudan University', direct: false },
    { words: 'vaunted 90 deals have dwindled to just 12', speaker: 'Krach', direct: true },
    { words: '91 commercial contracts worldwide', speaker: 'Krach', direct: false },
    { words: 'Panama has positioned itself as an innovation hub', speaker: 'Krach', direct: true },
    { words: 'Ecuador supports the principles of the Clean Network', speaker: 'Andrés Michelena', direct: true },
    { words: 'The Clean Network will help us become a trusted export platform', speaker: 'Stone', direct: true, hedged: true },
    { words: 'are significant threats to the personal data of American citizens', speaker: 'Michael Pompeo', direct: true },
    { words: 'We are proud to be a 5G Clean Path partner', speaker: 'Emil Georgakiev', direct: true },
    { words: 'more than 25 EU and NATO countries are now members', speaker: 'Michael Pompeo', direct: false },
    { words: 'nearly 80% of international partners', speaker: 'Center for Strategic and International Studies', direct: false },
    { words: 'On August 6, President Trump signed two executive orders', speaker: null, direct: false },
  ];
  for (const { words, speaker, direct, negated = false, hedged = false } of cases) {
    it(`"${words}" is a claim by ${speaker ?? 'the document itself'}${direct ? ', quoted directly' : ''}`, () => {
      const claim = claimContaining(words);
      expect({ speaker: claim.speaker, direct: claim.direct, negated: claim.negated, hedged: claim.hedged }).toEqual({ speaker, direct, negated, hedged });
    });
  }

  it('links each claim to the entities and figures inside it, and each figure to its speaker', () => {
    const claim = claimContaining('vaunted 90 deals');
    expect(claim.entities).toEqual(expect.arrayContaining(['huawei', 'china']));
    const figures = data.figures.filter((figure) => claim.figures.includes(figure.id)).map((figure) => figure.quote);
    expect(figures).toEqual(['90 deals', 'just 12']);
    expect(data.figures.find((figure) => figure.quote === '91 commercial contracts')).toMatchObject({ speaker: 'Krach', holder: 'Huawei', scope: 'worldwide' });
  });

  it('keeps boilerplate out: no claim or figure from the removed blocks', () => {
    for (const words of ['eSIM', 'Douyin', '3.4 billion', 'Sign up', 'Tesla']) {
      expect(data.claims.some((claim) => claim.text.includes(words)), words).toBe(false);
      expect(data.figures.some((figure) => figure.quote.includes(words)), words).toBe(false);
    }
  });
});

describe('attribution patterns', () => {
  const cases: { sentence: string; speaker: string | undefined; verb?: string }[] = [
    { sentence: '“Panama has positioned itself as an innovation hub in Central America,” Krach added.', speaker: 'Krach', verb: 'added' },
    { sentence: '“We can’t allow that to continue,” tweeted Pompeo.', speaker: 'Pompeo', verb: 'tweeted' },
    { sentence: 'Secretary of State Michael Pompeo said that the US has urged countries to act.', speaker: 'Secretary of State Michael Pompeo', verb: 'said' },
    { sentence: 'The alliance is part of a comprehensive approach, according to the department.', speaker: 'the department', verb: 'according to' },
    { sentence: 'In addition, the Clean Network includes 180 telecommunications service providers, Krach said.', speaker: 'Krach', verb: 'said' },
    { sentence: 'The report analyzes the US Clean Network Initiative.', speaker: 'The report', verb: 'analyzes' },
    { sentence: 'Huawei has 91 contracts.', speaker: undefined },
  ];
  for (const { sentence, speaker, verb } of cases) {
    it(`finds ${speaker ?? 'no speaker'} in "${sentence.slice(0, 50)}…"`, () => {
      const found = findAttribution(sentence);
      expect(found && sentence.slice(found.speakerStart, found.speakerEnd)).toBe(speaker);
      if (verb) expect(found?.verb).toBe(verb);
    });
  }
});

describe('check-worthiness', () => {
  const base = { figures: 0, entities: 0, factualVerb: true, attributed: false, hedges: 0, hasVerb: true };
  it('rises with figures and named entities, and says why', () => {
    const plain = scoreClaim({ ...base, text: 'The weather was nice that day in the park.' });
    const factual = scoreClaim({ ...base, text: 'Huawei had 91 commercial contracts worldwide, including 47 from Europe.', figures: 2, entities: 2 });
    expect(factual.score).toBeGreaterThan(plain.score);
    expect(factual.features).toMatchObject({ figures: 0.4, named_entities: 0.16 });
  });
  it('falls for first-person opinion, questions and headings without a verb', () => {
    const claim = { ...base, text: 'Huawei equipment is used in 40 countries across Europe.', figures: 1, entities: 2 };
    const reference = scoreClaim(claim).score;
    expect(scoreClaim({ ...claim, text: 'We think Huawei equipment should be used in 40 countries.' }).score).toBeLessThan(reference);
    expect(scoreClaim({ ...claim, text: 'Is Huawei equipment used in 40 countries across Europe?' }).score).toBeLessThan(reference);
    expect(scoreClaim({ ...claim, hasVerb: false }).score).toBeLessThan(reference);
  });
});
