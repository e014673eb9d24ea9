import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../stages/extract-entities/mentions.ts';
import { shareDocumentSense } from '../stages/extract-entities/one-sense.ts';
import { parseSpan } from '../stages/parse/index.ts';
import type { MentionRow } from '../stages/resolve-entities/cluster.ts';
import { resolveEntities } from '../stages/resolve-entities/entity.ts';
import { segmentText } from '../stages/segment/index.ts';
import { CORPUS_DIR, SEED_FILES } from './helpers.ts';

function mentionsOf(text: string) {
  return findMentions(text, 1, parseSpan(text, 0, text.length));
}

/** Resolves the mentions of several one-sentence documents together, as the corpus stage does. */
function entitiesOf(...sentences: string[]) {
  const mentions = sentences.flatMap((text, index) => shareDocumentSense(mentionsOf(text)).map((mention) => ({ id: `${index}:${mention.start}`, text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, evidence: mention.evidence })));
  return resolveEntities(mentions).map(({ name, type, aliases }) => ({ name, type, aliases }));
}

describe('entity mentions', () => {
  it('splits lists and drops punctuation: "Cisco, Siemens," are two names', () => {
    expect(mentionsOf('The network includes companies such as Oracle, HP, Cisco, Siemens, and VMware.').map((m) => m.text)).toEqual(['Oracle', 'HP', 'Cisco', 'Siemens', 'VMware']);
  });

  it('keeps titles as roles, not as part of the name', () => {
    const mentions = mentionsOf('Secretary of State Michael Pompeo met Telekom Albania CEO Emil Georgakiev and US Ambassador Yuri Kim.');
    expect(mentions.map((m) => [m.text, m.role])).toEqual([
      ['Michael Pompeo', 'Secretary of State'],
      ['Telekom Albania', undefined],
      ['Emil Georgakiev', 'CEO of Telekom Albania'],
      ['US', undefined],
      ['Yuri Kim', 'US Ambassador'],
    ]);
  });

  it('finds a place through its demonym: "a Brazilian company" is about Brazil', () => {
    expect(mentionsOf('Stone is a Brazilian company.').find((m) => m.text === 'Brazilian')?.place).toBe('Brazil');
  });

  it('does not take a capitalised common word at the start of a sentence for a name', () => {
    expect(mentionsOf('Participants are required to comply. Notably, the network excludes Huawei.').map((m) => m.text)).toEqual(['Huawei']);
  });

  // From 004: the head of a name joined by "of" or "for" comes before it.
  it('types "Ministry of Commerce" by its head before "of", and "International Code of Conduct for Information Security" as a law', () => {
    const ministry = mentionsOf('China’s Ministry of Commerce announced an unreliable entity list.').find((m) => m.text === 'Ministry of Commerce');
    expect(ministry?.evidence.organization).toBeGreaterThanOrEqual(4);
    const code = mentionsOf('In the International Code of Conduct for Information Security submitted to the United Nations, China spoke.').find((m) => m.text === 'International Code of Conduct for Information Security');
    expect(code?.evidence.law).toBeGreaterThanOrEqual(4);
  });
});

describe('entity resolution', () => {
  it('joins US, U.S., United States and American; UK, United Kingdom and Britain', () => {
    const entities = entitiesOf('The US and the U.S. are the United States.', 'American companies left.', 'The UK, the United Kingdom and Britain agreed.');
    expect(entities).toEqual(
      expect.arrayContaining([
        { name: 'United States', type: 'place', aliases: ['American', 'U.S.', 'US'] },
        { name: 'United Kingdom', type: 'place', aliases: ['Britain', 'UK'] },
      ]),
    );
  });

  it('joins a titled surname and name variants with the full name, and an acronym with its expansion', () => {
    const entities = entitiesOf('Secretary of State Mike Pompeo spoke.', 'Secretary of State Michael Pompeo spoke again.', 'Secretary of State Pompeo said the Chinese Communist Party (CCP) is a threat, and the CCP denied it.', 'Huawei, a Chinese company, said Huawei’s contracts fell.');
    expect(entities).toEqual(
      expect.arrayContaining([
        { name: 'Michael Pompeo', type: 'person', aliases: ['Mike Pompeo', 'Pompeo'] },
        { name: 'Chinese Communist Party', type: 'organization', aliases: ['CCP'] },
        expect.objectContaining({ name: 'Huawei', aliases: [] }),
      ]),
    );
  });

  // "IDS" is Incomes Data Services in one BBC article and Iain Duncan Smith in others; Doncaster is a
  // town and its football club.
  it('joins a one-word name to an entity only where its own document says what it is', () => {
    const documents = ['Incomes Data Services (IDS) said pay rose, and IDS expects more.', 'IDS told the Tory conference he would stay.', 'Hartlepool 1-1 Doncaster.', 'He died at his home in Doncaster.'];
    const rows = documents.flatMap((text, index) => shareDocumentSense(mentionsOf(text)).map((mention) => ({ id: `${index}:${mention.start}`, text: mention.text, role: mention.role ?? null, place: mention.place ?? null, acronym: mention.acronym ?? null, evidence: mention.evidence })));
    const documentsOf = (name: string, type: string) => resolveEntities(rows).find((entity) => entity.name === name && entity.type === type)?.rows.map((row) => row.id.split(':')[0]);
    expect(documentsOf('Incomes Data Services', 'organization')).toEqual(['0', '0', '0']);
    // The club of the score line and the town are two entities.
    expect(documentsOf('Doncaster', 'place')).toEqual(['3']);
    expect(documentsOf('Doncaster', 'organization')).toEqual(['2']);
  });
});

describe('entity ids', () => {
  // BBC has "Kilroy Silk", "Kilroy-Silk" and "Kilroy -Silk" (entertainment and politics), all slugged kilroy-silk.
  it('are unique when three names of one type slug alike', () => {
    const rows = ['Kilroy Silk', 'Kilroy-Silk', 'Kilroy -Silk'].map((text, index) => ({ id: `d${index}:m0-12`, text, role: null, place: null, acronym: null, evidence: {} }));
    const ids = resolveEntities(rows).map((entity) => entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('kilroy-silk'))).toBe(true);
  });

  it('name an entity without a possessive, with either apostrophe, and keep an "s" that is not one', () => {
    const rows = ["Huawei's", 'Huawei’s', 'Huawei', 'Reuters', "Reuters's"].map((text, index) => ({ id: `d${index}:m0-9`, text, role: null, place: null, acronym: null, evidence: { organization: 3 } }));
    expect(resolveEntities(rows).map(({ name, aliases }) => ({ name, aliases }))).toEqual([
      { name: 'Huawei', aliases: [] },
      { name: 'Reuters', aliases: [] },
    ]);
  });
});

describe('entity resolution over rows that stand for several mentions', () => {
  it('gives the same entities when alike mentions of the seeds are read as one row', () => {
    const mentions: MentionRow[] = SEED_FILES.flatMap((file) => {
      const text = readFileSync(`${CORPUS_DIR}${file}`, 'utf8');
      return segmentText(text).sentences.flatMap((sentence, index) =>
        findMentions(text, index + 1, parseSpan(text, sentence.start, sentence.end)).map((mention) => ({
          id: `${file}:${mention.start}`,
          text: mention.text,
          role: mention.role ?? null,
          place: mention.place ?? null,
          acronym: mention.acronym ?? null,
          evidence: mention.evidence,
        })),
      );
    });
    // As the store keeps them: one group per text, role, place, acronym and evidence, in the order of their first id.
    const rows = new Map<string, MentionRow & { count: number }>();
    for (const mention of [...mentions].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const key = JSON.stringify([mention.text, mention.role, mention.place, mention.acronym, mention.evidence]);
      const row = rows.get(key);
      if (row) row.count += 1;
      else rows.set(key, { ...mention, count: 1 });
    }
    expect(rows.size).toBeLessThan(mentions.length * 0.8);
    const described = (entities: ReturnType<typeof resolveEntities>) => entities.map(({ rows: _rows, ...entity }) => entity);
    const grouped = resolveEntities([...rows.values()]);
    const single = resolveEntities([...mentions].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(described(grouped)).toEqual(described(single));
  });
});
