import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { claimReviews } from '../pipeline/claimreview.ts';
import { readFindings, type StoredFinding } from '../pipeline/db/findings.ts';
import { CONFLICT_KINDS } from '../stages/reconcile/finding.ts';
import { claimsAbout, claimsBySubject, sourcesBySubject, type FramingClaim } from '../stages/reconcile/rules/framing.ts';
import { synonymsOf, WORDNET_SOURCE } from '../stages/reconcile/wordnet.ts';
import { cli, run, workspace } from './helpers.ts';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/findings/expected.json', import.meta.url), 'utf8')) as {
  expected: { kind: string; quotes: string[]; why: string }[];
  never_conflicts: string[][];
  other_conflicts: { kind: string; quotes: string[]; why: string }[];
};

function findingsOf(dbPath: string): StoredFinding[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return readFindings(db);
  } finally {
    db.close();
  }
}

const hasQuotes = (finding: StoredFinding, quotes: string[]) => quotes.every((quote) => finding.items.some((item) => item.quote.includes(quote)));

describe('findings on the seeds', async () => {
  const space = workspace();
  await run(space);
  const findings = findingsOf(space.dbPath);

  for (const expected of fixture.expected) {
    it(`finds ${expected.kind}: ${expected.why}`, () => {
      expect(findings.filter((finding) => finding.kind === expected.kind && hasQuotes(finding, expected.quotes)).length).toBeGreaterThanOrEqual(1);
    });
  }

  it("keeps the synonyms framing looked up, each as WordNet's files give them", () => {
    const db = new Database(space.dbPath, { readonly: true });
    const stored = db.prepare('SELECT word, source, synonyms FROM _wordnet_synonyms ORDER BY word').all() as { word: string; source: string; synonyms: string }[];
    db.close();
    expect(stored.length).toBeGreaterThan(20);
    for (const { word, source, synonyms } of stored) {
      expect(source).toBe(WORDNET_SOURCE);
      expect(JSON.parse(synonyms), word).toEqual([...synonymsOf(word)]);
    }
    expect(stored.some(({ synonyms }) => synonyms !== '[]')).toBe(true);
  });

  it('flags no compatible pair as a conflict', () => {
    for (const pair of fixture.never_conflicts) {
      expect(findings.filter((finding) => CONFLICT_KINDS.includes(finding.kind as never) && hasQuotes(finding, pair)).map((finding) => finding.summary), pair.join(' / ')).toEqual([]);
    }
  });

  it('keeps the conflict queue to the expected findings and the explained others', () => {
    const conflicts = findings.filter((finding) => CONFLICT_KINDS.includes(finding.kind as never));
    const known = [...fixture.expected, ...fixture.other_conflicts].filter((entry) => CONFLICT_KINDS.includes(entry.kind as never));
    const unexplained = conflicts.filter((finding) => !known.some((entry) => entry.kind === finding.kind && hasQuotes(finding, entry.quotes)));
    console.log(`conflicting findings on the seeds: ${conflicts.length} (${conflicts.length - unexplained.length} expected or explained, ${unexplained.length} other)`);
    expect(unexplained.map((finding) => finding.summary)).toEqual([]);
  });

  it('puts conflicts first in the queue, by severity', () => {
    const firstOther = findings.findIndex((finding) => !CONFLICT_KINDS.includes(finding.kind as never));
    expect(findings.slice(firstOther).every((finding) => !CONFLICT_KINDS.includes(finding.kind as never))).toBe(true);
    expect(findings[0]!.severity).toBe('high');
  });

  it('gives every item its document, quote, offsets, speaker and date, and the reasons for comparing', () => {
    const texts = new Map<string, string>();
    const db = new Database(space.dbPath, { readonly: true });
    for (const row of db.prepare('SELECT id, text FROM documents').all() as { id: string; text: string }[]) texts.set(row.id, row.text);
    db.close();
    for (const finding of findings) {
      expect(finding.evidence.length, finding.summary).toBeGreaterThan(0);
      for (const item of finding.items) {
        expect(texts.get(item.doc)!.slice(item.start, item.end)).toBe(item.quote);
        expect(item.date).toMatch(/^\d{4}/);
      }
    }
    const discrepancy = findings.find((finding) => finding.kind === 'numeric_discrepancy')!;
    expect(discrepancy.items.map((item) => [item.speaker, item.date, item.value])).toEqual([
      ['Krach', '2020-11-25', 91],
      ['Krach', '2020-11-25', 90],
    ]);
    expect(discrepancy.evidence.join(' ')).toContain('agreement (WordNet)');
  });
});

describe('findings on copies', () => {
  it('makes one finding of the same two statements in several copies of an article, with every copy among its sources', async () => {
    const plain = workspace();
    await run(plain);
    const copied = workspace();
    const original = readFileSync(join(copied.corpusDir, '000_a1abb57812357fd8.txt'), 'utf8');
    // Each copy with the original's metadata (its date decides what can be compared), as a syndicated copy has.
    const manifest = join(copied.corpusDir, 'manifest.yaml');
    const entries = parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    for (const copy of [1, 2]) {
      writeFileSync(join(copied.corpusDir, `copy${copy}.txt`), `${original}\nCopy ${copy} of this article.\n`);
      entries[`copy${copy}.txt`] = entries['000_a1abb57812357fd8.txt'];
    }
    writeFileSync(manifest, stringify(entries));
    await run(copied);
    const count = (findings: StoredFinding[], kind: string) => findings.filter((finding) => finding.kind === kind).length;
    const [before, after] = [findingsOf(plain.dbPath), findingsOf(copied.dbPath)];
    // Pairs within the copied article's measures stay one finding each; before, three copies made nine.
    for (const kind of ['numeric_discrepancy', 'compatible', 'temporal_change', 'list_mismatch']) expect(count(after, kind), kind).toBe(count(before, kind));
    const contracts = after.find((finding) => finding.kind === 'numeric_discrepancy' && hasQuotes(finding, ['91 commercial contracts', '90 deals']))!;
    expect(new Set(contracts.items.map((item) => item.path))).toEqual(new Set(['000_a1abb57812357fd8.txt', 'copy1.txt', 'copy2.txt']));
    expect(contracts.items.map((item) => item.quote)).toEqual([...Array(3).fill('91 commercial contracts'), ...Array(3).fill('90 deals')]);
  });
});

describe('the review workflow', () => {
  it('keeps a verdict through --force and an added article, and re-opens a finding whose evidence changed', async () => {
    const space = workspace();
    await run(space);
    const denial = findingsOf(space.dbPath).find((finding) => finding.kind === 'denial')!;
    const recorded = await cli('review', denial.id, '--verdict', 'confirmed', '--note', 'Huawei denies it in its statements', '--reviewer', 'ana', '--db', space.dbPath);
    expect(recorded.status).toBe(0);

    await run(space, { force: true });
    let after = findingsOf(space.dbPath).find((finding) => finding.id === denial.id)!;
    expect(after.status).toBe('confirmed');

    const article = join(space.root, 'extra.txt');
    writeFileSync(article, 'Serbia and Huawei\n\nSerbia has been working with Huawei on smart surveillance cameras, officials said.\n');
    expect((await cli('add', article, '--kind', 'news', '--corpus', space.corpusDir, '--db', space.dbPath, '--reports', space.reportsDir, '--quiet')).status).toBe(0);
    after = findingsOf(space.dbPath).find((finding) => finding.id === denial.id)!;
    expect(after.status).toBe('confirmed');
    expect(after.reviews.map((review) => [review.verdict, review.reviewer, review.note])).toEqual([['confirmed', 'ana', 'Huawei denies it in its statements']]);

    // A second verdict is added to the history, not written over the first.
    await cli('review', denial.id, '--verdict', 'needs-evidence', '--db', space.dbPath);
    expect(findingsOf(space.dbPath).find((finding) => finding.id === denial.id)!.reviews.map((review) => review.verdict)).toEqual(['confirmed', 'needs-evidence']);

    // The evidence changes: the source now says "has repeatedly denied this".
    const file = join(space.corpusDir, '003_1ca09edad87b2863.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Huawei has always denied this.', 'Huawei has repeatedly denied this.'));
    await run(space);
    const reopened = findingsOf(space.dbPath).find((finding) => finding.kind === 'denial')!;
    expect(reopened.id).not.toBe(denial.id);
    expect(reopened.status).toBe('reopened');
    expect(reopened.status_reason).toMatch(/^the evidence changed after the verdict "needs-evidence" of \d{4}-\d{2}-\d{2}$/);
  });

  it('lists, shows and reviews through the CLI, with one-line errors', async () => {
    const space = workspace();
    await run(space);
    const listed = JSON.parse((await cli('findings', '--kind', 'numeric_discrepancy', '--json', '--db', space.dbPath)).stdout) as StoredFinding[];
    expect(listed.map((finding) => finding.kind)).toEqual(['numeric_discrepancy']);
    const shown = await cli('show', listed[0]!.id.slice(0, 6), '--db', space.dbPath);
    expect(shown.stdout).toContain('> Huawei, a Chinese telecommunication technology company, had at that time “91 commercial contracts worldwide, including 47 from Europe,” Krach said.');
    expect(shown.stdout).toContain('corpus/000_a1abb57812357fd8.txt ¶13 [2790, 2813)');
    for (const args of [['review', listed[0]!.id, '--verdict', 'maybe'], ['findings', '--kind', 'nonsense'], ['show', 'Fnope']]) {
      const result = await cli(...args, '--db', space.dbPath);
      expect(result.status, args.join(' ')).toBeGreaterThan(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('exports reviewed findings as schema.org ClaimReview', async () => {
    const space = workspace();
    await run(space);
    const finding = findingsOf(space.dbPath).find((candidate) => candidate.kind === 'numeric_discrepancy')!;
    await cli('review', finding.id, '--verdict', 'confirmed', '--reviewer', 'ana', '--db', space.dbPath);
    const exported = JSON.parse((await cli('export', '--format', 'claimreview', '--base-url', 'https://checks.example/findings/', '--db', space.dbPath)).stdout) as Record<string, any>[];
    // One review per finding, rating the sentence the finding disputes (both figures are Krach's, in one article).
    expect(exported).toHaveLength(1);
    const [review] = exported;
    expect(review!['@context']).toBe('https://schema.org');
    expect(review!['@type']).toBe('ClaimReview');
    expect(review!.url).toBe(`https://checks.example/findings/${finding.id}`);
    expect(review!.claimReviewed).toContain('91 commercial contracts');
    expect(review!.reviewRating).toMatchObject({ '@type': 'Rating', ratingValue: 1, bestRating: 3, worstRating: 1, alternateName: 'Contradicted in the same article' });
    // That article names Krach by his surname alone, which makes no entity (a person is known by a full
    // name): the author is the outlet that printed the claim.
    expect(review!.itemReviewed).toMatchObject({ '@type': 'Claim', author: { '@type': 'Organization', name: 'unnamed news outlet' }, datePublished: '2020-11-25' });
    const db = new Database(space.dbPath, { readonly: true });
    expect(claimReviews(db, { baseUrl: 'x:', publisher: 'p' }).map((item) => item.url)).toEqual([`x:${finding.id}`]);
    db.close();
  });
});

describe('framing subjects', () => {
  // Claims in four documents, each of one of three sides, naming up to two of four entities; some documents have a main subject.
  const DOCS = ['d1', 'd2', 'd3', 'd4'];
  const claims = fc.array(fc.record({ doc: fc.constantFrom(...DOCS), entities: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 2 }) }), { maxLength: 30 });
  const sides = fc.tuple(...DOCS.map(() => fc.constantFrom('press', 'critique', 'news')));
  const topics = fc.dictionary(fc.constantFrom(...DOCS), fc.constantFrom('a', 'e'));

  it('are those whose claims come from two sides or more, each with all its claims in corpus order', () => {
    fc.assert(
      fc.property(claims, sides, topics, (drafts, sideOfDoc, topicsOf) => {
        const side = (doc: string) => sideOfDoc[DOCS.indexOf(doc)]!;
        const topic = (doc: string) => topicsOf[doc] ?? null;
        const all = DOCS.flatMap((doc) => drafts.filter((draft) => draft.doc === doc)).map((draft, index) => ({ ...draft, side: side(draft.doc), id: `c${index}`, start: 0, end: 1, text: '', speaker: null, lemmas: [] }) satisfies FramingClaim);
        // The plain definition: every subject's claims, kept when they are of two sides or more.
        const expected = new Map<string, string[]>();
        for (const claim of all) {
          const subjects = claim.entities.length > 0 ? claim.entities : topic(claim.doc) !== null ? [topic(claim.doc)!] : [];
          for (const subject of subjects) expected.set(subject, [...(expected.get(subject) ?? []), claim.id]);
        }
        const sideOf = new Map(all.map((claim) => [claim.id, claim.side]));
        const kept = [...expected].filter(([, ids]) => new Set(ids.map((id) => sideOf.get(id))).size >= 2).sort(([a], [b]) => (a < b ? -1 : 1));
        // Each document's claims as a source: what they are about is known without reading them.
        let read = 0;
        const sources = DOCS.map((doc) => {
          const own = claimsBySubject(all.filter((claim) => claim.doc === doc), topic(doc));
          const count = all.filter((claim) => claim.doc === doc).length;
          return { doc, side: side(doc), subjects: [...own.keys()], count, about: (subject: string) => ((read += 1), own.get(subject) ?? []) };
        });
        const grouped = sourcesBySubject(sources);
        expect(read).toBe(0);
        expect(grouped.map(([subject, members]) => [subject, claimsAbout(subject, members).map((claim) => claim.id)])).toEqual(kept);
      }),
    );
  });
});
