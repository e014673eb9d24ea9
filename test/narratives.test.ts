import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../stages/narratives/evaluation.ts';
import { fightinWords, termsOf, topFightinWords, vocabularyOf } from '../stages/narratives/fightin-words.ts';
import { BBC_DIR, cli, run, workspace } from './helpers.ts';

/** Each side's term counts, from the stored sentences. */
function sideCounts(dbPath: string): Map<string, Map<string, number>> {
  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare('SELECT d.kind AS side, s.terms FROM sentences s JOIN documents d ON d.id = s.document_id').all() as { side: string; terms: string }[];
  db.close();
  const counts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const side = counts.get(row.side) ?? new Map<string, number>();
    for (const term of termsOf(row.terms)) side.set(term, (side.get(term) ?? 0) + 1);
    counts.set(row.side, side);
  }
  return counts;
}

/** z-scores computed from the stored sentences, as the narratives stage computes them. */
function zScores(dbPath: string) {
  const vocabulary = vocabularyOf(sideCounts(dbPath));
  return (side: string) => new Map(fightinWords(vocabulary, side).map((score, index) => [score.term, { ...score, rank: index + 1 }]));
}

describe('narrative comparison of the seeds', async () => {
  const space = workspace();
  await run(space);
  const scores = zScores(space.dbPath);
  const critique = scores('critique');
  const press = scores('press');

  it('ranks hegemony, suppress, sovereignty and barrier towards the critique', () => {
    for (const term of ['hegemony', 'suppress', 'sovereignty', 'barrier']) {
      expect(critique.get(term)!.z, term).toBeGreaterThan(0);
      expect(press.get(term)!.z, term).toBeLessThan(0);
    }
    expect(critique.get('hegemony')!.rank).toBeLessThanOrEqual(5);
    expect(critique.get('digital hegemony')!.z).toBeGreaterThan(1.96);
  });

  it('reads each side’s top terms as the head of its whole ranking, among the terms the side uses', () => {
    const vocabulary = vocabularyOf(sideCounts(space.dbPath));
    for (const side of ['critique', 'press']) {
      const ranked = fightinWords(vocabulary, side).filter((score) => score.count > 0);
      expect(ranked.length).toBeGreaterThan(100);
      for (const limit of [1, 5, 25, 100000]) expect(topFightinWords(vocabulary, side, limit), `${side} ${limit}`).toEqual(ranked.slice(0, limit));
    }
    // Ties at the cut are broken by term, as in the ranking: several terms of the critique share a z.
    const critique = fightinWords(vocabulary, 'critique').filter((score) => score.count > 0);
    expect(critique.some((score, index) => index > 0 && score.z === critique[index - 1]!.z)).toBe(true);
  });

  it('ranks clean, untrusted, security and CCP towards the press', () => {
    for (const term of ['clean', 'untrusted', 'security', 'ccp', 'trust']) {
      expect(press.get(term)!.z, term).toBeGreaterThan(0);
      expect(critique.get(term)!.z, term).toBeLessThan(0);
    }
    for (const term of ['clean', 'untrusted', 'ccp']) expect(press.get(term)!.rank, term).toBeLessThanOrEqual(10);
  });

  it('stores each side’s top terms with examples, and the subjects both sides discuss', () => {
    const db = new Database(space.dbPath, { readonly: true });
    const top = db.prepare("SELECT term, examples FROM narrative_terms WHERE side = 'critique' AND rank <= 5").all() as { term: string; examples: string }[];
    expect(top.map((row) => row.term)).toContain('hegemony');
    for (const row of top) expect((JSON.parse(row.examples) as string[]).length).toBeGreaterThan(0);
    const subjects = (db.prepare('SELECT DISTINCT subject FROM narrative_subjects').all() as { subject: string }[]).map((row) => row.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Huawei', 'TikTok', 'United States', 'China']));
    const speakers = db.prepare("SELECT speaker FROM narrative_speakers WHERE side = 'press' ORDER BY claims DESC").all() as { speaker: string }[];
    expect(speakers.map((row) => row.speaker)).toEqual(expect.arrayContaining(['Krach', 'Michael Pompeo']));
    // The critique names Pompeo, Huawei and the State Department, whom the press quotes, but quotes none of them.
    const absent = db.prepare('SELECT side, speaker, other_side FROM narrative_absent_voices ORDER BY rowid').raw().all() as [string, string, string][];
    expect(absent).toEqual([['press', 'Michael Pompeo', 'critique'], ['press', 'Huawei', 'critique'], ['press', 'State Department', 'critique']]);
    const critiqueQuotes = db.prepare("SELECT entity_id FROM narrative_speakers WHERE side = 'critique' AND entity_id IS NOT NULL").pluck().all() as string[];
    const named = db.prepare("SELECT DISTINCT m.entity_id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.kind = 'critique'").pluck().all() as string[];
    for (const [, speaker] of absent) {
      const entity = db.prepare("SELECT entity_id FROM narrative_speakers WHERE side = 'press' AND speaker = ?").pluck().get(speaker) as string;
      expect(named, speaker).toContain(entity);
      expect(critiqueQuotes, speaker).not.toContain(entity);
    }
    db.close();
  });

  it('reports the two framing conflicts of the issue with both quotes and the words that made them opposed', async () => {
    const findings = JSON.parse((await cli('findings', '--kind', 'framing_conflict', '--json', '--db', space.dbPath)).stdout) as { items: { quote: string; role: string }[]; evidence: string[] }[];
    const tiktok = findings.find((finding) => finding.items.some((item) => item.quote.includes('significant threats to the personal data')) && finding.items.some((item) => item.quote.includes('exaggerated the security threats')));
    expect(tiktok?.items.map((item) => item.role)).toEqual(['press', 'critique']);
    expect(tiktok?.evidence.join(' ')).toContain('“exaggerated”');
    const standards = findings.find((finding) => finding.items.some((item) => item.quote.includes('internationally accepted digital trust standards')) && finding.items.some((item) => item.quote.includes('not an objective judgment')));
    expect(standards?.evidence.join(' ')).toMatch(/standard ~ criterion.*not objective/s);
  });

  /** The seeds beside 40 BBC politics articles: a third side much larger than the seeds' two. */
  const largeThirdSide = (async () => {
    const space = workspace();
    for (const file of readdirSync(join(BBC_DIR, 'politics')).slice(0, 40)) cpSync(join(BBC_DIR, 'politics', file), join(space.corpusDir, `politics-${file}`));
    await run(space);
    return space;
  })();

  it('reads each side’s top terms as the head of its whole ranking, beside a side with many more terms', async () => {
    const vocabulary = vocabularyOf(sideCounts((await largeThirdSide).dbPath));
    // The large side scores only the terms others use and its most used others: the pruned path.
    expect(vocabulary.counts.get('unknown')!.size).toBeGreaterThan(vocabulary.counts.get('press')!.size + vocabulary.counts.get('critique')!.size);
    for (const side of ['critique', 'press', 'unknown']) {
      const ranked = fightinWords(vocabulary, side).filter((score) => score.count > 0);
      for (const limit of [1, 5, 25, 200, 100000]) expect(topFightinWords(vocabulary, side, limit), `${side} ${limit}`).toEqual(ranked.slice(0, limit));
    }
  });

  it('gives each side’s top terms their first two sentences on that side as examples, in corpus order', async () => {
    const db = new Database((await largeThirdSide).dbPath, { readonly: true });
    const sentences = db.prepare('SELECT s.id, d.kind AS side, s.terms FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY d.path, s.ordinal').all() as { id: string; side: string; terms: string }[];
    const terms = db.prepare('SELECT side, term, examples FROM narrative_terms').all() as { side: string; term: string; examples: string }[];
    db.close();
    expect(new Set(terms.map((row) => row.side))).toEqual(new Set(['critique', 'press', 'unknown']));
    const termsOfSentence = new Map(sentences.map((sentence) => [sentence.id, new Set(termsOf(sentence.terms))]));
    for (const { side, term, examples } of terms) {
      const expected = sentences.filter((sentence) => sentence.side === side && termsOfSentence.get(sentence.id)!.has(term)).slice(0, 2).map((sentence) => sentence.id);
      expect(JSON.parse(examples), `${side} ${term}`).toEqual(expected);
    }
  });

  it('names as absent voices exactly those another side names but never quotes, with a large third side', async () => {
    const space = await largeThirdSide;
    const db = new Database(space.dbPath, { readonly: true });
    const quoted = db.prepare('SELECT side, speaker, entity_id FROM narrative_speakers WHERE entity_id IS NOT NULL').raw().all() as [string, string, string][];
    const named = new Set((db.prepare('SELECT DISTINCT d.kind, m.entity_id FROM mentions m JOIN documents d ON d.id = m.document_id').raw().all() as [string, string][]).map((pair) => pair.join('|')));
    const quotedBy = new Set(quoted.map(([side, , entity]) => `${side}|${entity}`));
    const sides = db.prepare('SELECT DISTINCT kind FROM documents').pluck().all() as string[];
    const expected = quoted.flatMap(([side, speaker, entity]) => sides.filter((other) => other !== side && named.has(`${other}|${entity}`) && !quotedBy.has(`${other}|${entity}`)).map((other) => [side, speaker, other].join(' | ')));
    const stored = (db.prepare('SELECT side, speaker, other_side FROM narrative_absent_voices').raw().all() as string[][]).map((row) => row.join(' | '));
    db.close();
    expect(sides.sort()).toEqual(['critique', 'press', 'unknown']);
    // Voices the small sides quote that the politics articles name (asked of the large side about a few
    // entities), and voices the politics articles quote that the small sides name (asked of their few documents).
    expect(stored.filter((row) => row.endsWith('| unknown')).length).toBeGreaterThan(0);
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('changes the comparison when a critique article is added', async () => {
    const other = workspace();
    await run(other);
    const before = zScores(other.dbPath)('critique').get('sovereignty')!;
    const article = join(other.root, 'sovereignty.txt');
    writeFileSync(article, 'Digital sovereignty under pressure\n\nThe report argues that digital sovereignty is threatened. Every country must defend its digital sovereignty and data sovereignty against hegemony.\n');
    expect((await cli('add', article, '--kind', 'critique', '--corpus', other.corpusDir, '--db', other.dbPath, '--reports', other.reportsDir, '--quiet')).status).toBe(0);
    const after = zScores(other.dbPath)('critique').get('sovereignty')!;
    expect(after.count).toBe(before.count + 4);
    expect(after.z).toBeGreaterThan(before.z);
  });
});

describe('evaluation', () => {
  it('scores words with AFINN plus policy words, reverses them after a negation and ignores names', () => {
    expect(evaluate('This judgment is not an objective judgment.').words).toEqual([{ word: 'objective', score: -2, negated: true }]);
    expect(evaluate('Apps like TikTok are significant threats.').score).toBe(-1);
    expect(evaluate('The United States and the Clean Network agreed.').words.map((word) => word.word)).toEqual(['agreed']);
  });

  it('scores only words of the lexicon, not names every JavaScript object has', () => {
    expect(evaluate('The constructor of the plan was good, its valueof and hasownproperty too.')).toEqual({ score: 3, words: [{ word: 'good', score: 3, negated: false }] });
  });
});
