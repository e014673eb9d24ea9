/** reports/narratives.md: how the sides tell the story, with every statement linked to its paragraph. */
import type Database from 'better-sqlite3';
import { readFindings } from '../../pipeline/db/findings.ts';
import { cell, codeBlock, escapeInline, formatFixed, formatNumber, link, page, table } from './markdown.ts';
import { GENERATED, documentPage, paragraphAnchor } from './shared.ts';

interface SentenceLink {
  doc: string;
  paragraph: number;
  text: string;
}

function sentenceLinks(db: Database.Database): (id: string) => SentenceLink {
  const query = db.prepare('SELECT s.document_id AS doc, p.ordinal AS paragraph, s.text FROM sentences s JOIN paragraphs p ON p.id = s.paragraph_id WHERE s.id = ?');
  return (id) => query.get(id) as SentenceLink;
}

const where = (sentence: SentenceLink) => link(`¶${sentence.paragraph}`, `${documentPage(sentence.doc)}#${paragraphAnchor(sentence.paragraph)}`);

/** A bar of block characters for a z-score, so the chart reads in plain text. */
function bar(z: number, max: number): string {
  return '█'.repeat(Math.max(1, Math.round((Math.abs(z) / max) * 20)));
}

export function renderNarratives(db: Database.Database): string {
  const sentence = sentenceLinks(db);
  const sides = (db.prepare('SELECT kind AS side, count(*) AS documents, sum(word_count) AS words FROM documents GROUP BY kind ORDER BY kind').all() as { side: string; documents: number; words: number }[]);
  if (sides.length < 2) return page(GENERATED, '# Narratives', 'The corpus has a single side (document kind), so there is nothing to compare. Give documents a kind (press, critique, news, other) in corpus/manifest.yaml.');
  const documents = db.prepare('SELECT id, title, kind FROM documents ORDER BY path').all() as { id: string; title: string; kind: string }[];

  const sideSections = sides.map(({ side, documents: count, words }) => {
    const terms = db.prepare('SELECT term, count, other_count, z, examples FROM narrative_terms WHERE side = ? ORDER BY rank').all(side) as { term: string; count: number; other_count: number; z: number; examples: string }[];
    const max = Math.max(...terms.map((term) => term.z), 1);
    const rows = terms.map((term) => [
      escapeInline(term.term),
      cell(term.count),
      cell(term.other_count),
      formatFixed(term.z, 2),
      (JSON.parse(term.examples) as string[]).map((id) => where(sentence(id))).join(' '),
    ]);
    const chart = codeBlock(terms.slice(0, 15).map((term) => `${term.term.padEnd(22).slice(0, 22)} ${formatFixed(term.z, 2).padStart(5)} ${bar(term.z, max)}`));
    const speakers = db.prepare('SELECT speaker, claims FROM narrative_speakers WHERE side = ? ORDER BY claims DESC, speaker').all(side) as { speaker: string; claims: number }[];
    return [
      `## Side: ${escapeInline(side)}`,
      `${formatNumber(count)} document${count === 1 ? '' : 's'}, ${formatNumber(words)} words: ${documents.filter((document) => document.kind === side).map((document) => link(document.title, documentPage(document.id))).join('; ')}.`,
      '',
      '### Distinctive terms',
      `The terms this side uses more than the others, by weighted log-odds z-score (above 1.96 is significant at 5%).`,
      '',
      table(['Term', `Count (${escapeInline(side)})`, 'Count (others)', 'z', 'Examples'], rows),
      '',
      chart,
      '',
      '### Who is quoted',
      speakers.length ? table(['Speaker', 'Claims'], speakers.map((speaker) => [escapeInline(speaker.speaker), cell(speaker.claims)])) : 'No attributed claims.',
    ].join('\n');
  });

  // Voices one side quotes that another side names but never quotes (worked out by the narratives stage).
  const absent = db.prepare('SELECT side, speaker, other_side AS other FROM narrative_absent_voices ORDER BY rowid').all() as { side: string; speaker: string; other: string }[];

  const subjects = db.prepare('SELECT subject, side, sentences, sentiment, words, representative FROM narrative_subjects ORDER BY rowid').all() as { subject: string; side: string; sentences: number; sentiment: number; words: string; representative: string }[];
  const subjectNames = [...new Set(subjects.map((subject) => subject.subject))];
  const subjectSections = subjectNames.map((name) => {
    const rows = subjects.filter((subject) => subject.subject === name);
    const header = rows.map((row) => escapeInline(row.side));
    const line = (render: (row: (typeof rows)[number]) => string) => rows.map(render);
    return [
      `### ${escapeInline(name)}`,
      table(
        ['', ...header],
        [
          ['Sentences', ...line((row) => cell(row.sentences))],
          ['Mean evaluation (AFINN)', ...line((row) => formatFixed(row.sentiment, 2))],
          ['Characteristic words', ...line((row) => escapeInline((JSON.parse(row.words) as string[]).join(', ')) || '—')],
          ...[0, 1].map((k) => [k === 0 ? 'Representative' : '', ...line((row) => {
            const id = (JSON.parse(row.representative) as string[])[k];
            if (!id) return '—';
            const found = sentence(id);
            return `“${escapeInline(found.text)}” ${where(found)}`;
          })]),
        ],
      ),
    ].join('\n');
  });

  const conflicts = readFindings(db, { kind: 'framing_conflict' }).map(
    (finding) => `- ${link(finding.id, `findings.md#${finding.id}`)} (${escapeInline(finding.measure)}): ${finding.items.map((item) => `${escapeInline(item.role)}: “${escapeInline(item.quote)}” ${link(`¶${item.paragraph}`, `${documentPage(item.doc)}#${paragraphAnchor(item.paragraph)}`)}`).join(' — against — ')}. ${escapeInline(finding.evidence[2] ?? '')}.`,
  );

  return page(
    GENERATED,
    '# Narratives',
    `How the ${sides.length} sides of the corpus (${sides.map((side) => escapeInline(side.side)).join(', ')}: each document's kind) tell the same story: the words each side prefers, what each says about the subjects both discuss, whom each quotes, and where they frame the same thing oppositely. Every quote links to its paragraph.`,
    '**What these measures can and cannot show.** The corpus is small and unbalanced, so the z-scores rank terms within it and are not evidence about the sides in general; one long document can dominate its side. Terms are lemmatised unigrams and bigrams without stop words, compared with the weighted log-odds ratio and an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008). Evaluation is lexicon sentiment (AFINN-165 plus a few policy words, with negation), which misses irony, attribution (a side reporting what the other says) and most domain vocabulary: read it as a hint and check the quotes. Framing conflicts are candidate pairs for a reviewer, not verdicts.',
    ...sideSections,
    '## Whose voice is absent',
    absent.length ? absent.map((row) => `- ${escapeInline(row.side)} quotes ${escapeInline(row.speaker)}, whom ${escapeInline(row.other)} names but never quotes.`).join('\n') : 'Every speaker one side quotes is quoted, or not named, by the others.',
    '## Subjects both sides discuss',
    'For each entity or term both sides talk about: how many sentences, their mean evaluation, the words each side uses around it, and its most representative sentences.',
    ...subjectSections,
    '## Framing conflicts',
    conflicts.length ? conflicts.join('\n') : 'None found.',
  );
}
