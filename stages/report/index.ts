/**
 * The Markdown reports, generated from the store alone, in three corpus stages. report-pages writes
 * reports/index.md (the corpus table), entities.md, figures.md and documents/<id>.md (metadata,
 * boilerplate removed, figures, claims, numbered paragraphs with stable anchors `#p<N>` that the other
 * reports link to); in an incremental run only the pages of documents the store marks stale.
 * report-findings writes findings.md and timeline.md once reconcile is done; report writes
 * narratives.md, deletes pages of documents no longer stored, and clears the stale marks. Files are
 * written atomically and only when their content changes. No timestamps, paths or run ids, so the same
 * store always gives byte-identical reports.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { TEMPORARY_FILE, writeFileAtomic } from '../../pipeline/atomic-write.ts';
import type { CorpusContext, CorpusStage } from '../../pipeline/stage.ts';
import { entitiesPage, storeEntitiesPage } from './entities-page.ts';
import { figuresPage } from './figures-page.ts';
import { applyFragments } from './fragments.ts';
import { findingsPage, renderTimeline, storeFindingsPage } from './findings-page.ts';
import { renderNarratives } from './narratives-page.ts';
import { cell, codeName, escapeInline, externalLink, formatFixed, formatNumber, link, page, table } from './markdown.ts';
import {
  readClaims, readDocuments, readFigures, readFiles, readParagraphs, readRemovalRules, readRemovals,
  type StoredClaim, type StoredDocument, type StoredFigure,
} from './read-store.ts';
import { GENERATED, describePublished, describeValue, documentPage, paragraphAnchor } from './shared.ts';
import { CORPUS_STAGE_VERSIONS } from '../versions.ts';


function renderIndex(documents: StoredDocument[], removalRules: Map<string, string[]>): string {
  const words = documents.reduce((sum, document) => sum + document.word_count, 0);
  const rows = documents.map((document, index) => [
    formatNumber(index + 1),
    link(document.title, documentPage(document.id)),
    cell(document.source),
    cell(document.kind),
    cell(describePublished(document)),
    cell(document.word_count),
    document.boilerplate_chars === 0 ? '0' : `${formatNumber(document.boilerplate_chars)} chars (${escapeInline((removalRules.get(document.id) ?? []).join(', '))})`,
  ]);
  return page(
    GENERATED,
    '# Corpus',
    `${formatNumber(documents.length)} documents, ${formatNumber(words)} words. Each title links to the document's page: its metadata, what was removed as boilerplate, its figures and claims, and its text in numbered paragraphs. See also ${link('Narratives', 'narratives.md')} (how the sides tell the story), ${link('Findings', 'findings.md')} (where the sources agree, change and conflict), the ${link('Timeline', 'timeline.md')}, ${link('Entities', 'entities.md')} and ${link('Figures', 'figures.md')}.`,
    table(['#', 'Title', 'Source', 'Kind', 'Published', 'Words', 'Boilerplate removed'], rows),
  );
}

const anchorLink = (paragraph: number) => link(`¶${paragraph}`, `#${paragraphAnchor(paragraph)}`);

function renderFigureRows(figures: StoredFigure[]): string {
  if (figures.length === 0) return 'No figures.';
  return table(
    ['Where', 'Figure', 'Value', 'Counts', 'Qualifier', 'About', 'Speaker'],
    figures.map((figure) => [anchorLink(figure.paragraph), `“${escapeInline(figure.quote)}”`, cell(describeValue(figure.value, figure.unit)), cell(figure.counted), cell(figure.qualifier.replace('_', ' ')), cell(figure.holder), cell(figure.speaker)]),
  );
}

function renderClaimRows(claims: StoredClaim[]): string {
  if (claims.length === 0) return 'No claims.';
  return table(
    ['Where', 'Speaker', 'Form', 'Check-worthiness', 'Claim'],
    claims.map((claim) => {
      const hedges = JSON.parse(claim.hedges) as string[];
      const notes = [claim.negated ? 'negated' : '', hedges.length ? `hedged: ${hedges.join(', ')}` : ''].filter(Boolean).join('; ');
      return [anchorLink(claim.paragraph), cell(claim.speaker), claim.direct ? 'quote' : 'paraphrase', formatFixed(claim.score, 2), `${escapeInline(claim.text)}${notes ? ` *(${escapeInline(notes)})*` : ''}`];
    }),
  );
}

function renderDocument(
  document: StoredDocument,
  files: string[],
  paragraphs: ReturnType<typeof readParagraphs>,
  removals: ReturnType<typeof readRemovals>,
  figures: StoredFigure[],
  claims: StoredClaim[],
): string {
  const metadata = table(
    ['Field', 'Value'],
    [
      ['Document id', `\`${document.id}\``],
      [files.length > 1 ? 'Files' : 'File', files.map((file) => codeName(`corpus/${file}`)).join(', ')],
      ['Source', cell(document.source)],
      ['Kind', cell(document.kind)],
      ['Published', cell(describePublished(document))],
      ['Author', cell(document.author)],
      ['Language', cell(document.language)],
      ['URL', document.url ? externalLink(document.url) : '—'],
      ['Words', cell(document.word_count)],
      ['Encoding', cell(document.encoding)],
    ],
  );
  const removed =
    removals.length === 0
      ? 'Nothing was removed as boilerplate.'
      : table(
          ['Rule', 'Where in the file', 'Characters'],
          removals.map((removal) => [cell(removal.rule), cell(removal.location), cell(removal.chars)]),
        );
  const text = paragraphs.map((paragraph) => `<a id="${paragraphAnchor(paragraph.ordinal)}"></a>**¶${paragraph.ordinal}** ${escapeInline(paragraph.text)}`).join('\n\n');
  return page(
    GENERATED,
    `# ${escapeInline(document.title)}`,
    link('← Corpus', '../index.md'),
    metadata,
    '## Boilerplate removed',
    removed,
    '## Figures',
    renderFigureRows(figures),
    '## Claims',
    'Check-worthy statements, with who made them: the speaker named in the text, or for an unattributed statement in a summary of a report, the report\'s author.',
    renderClaimRows(claims),
    '## Text',
    text,
  );
}

/** The documents whose pages the store marks stale, in an incremental run; undefined: render every page. */
function stalePages(db: Database.Database, incremental: boolean): Set<string> | undefined {
  return incremental ? new Set(db.prepare('SELECT document_id FROM _stale_pages').pluck().all() as string[]) : undefined;
}

/**
 * Renders and writes the pages that show what was extracted and resolved, reading the store only; returns
 * what the next incremental report reads of them, for the stage to store.
 */
function renderPages({ db, reportsDir, incremental }: CorpusContext) {
  const documents = readDocuments(db);
  // Only the pages the store marks stale, when the pages written before are all still there as written.
  const stale = stalePages(db, incremental);
  let [written, rendered] = [0, 0];
  for (const document of documents) {
    if (stale && !stale.has(document.id)) continue;
    rendered += 1;
    const page = renderDocument(document, readFiles(db, document.id), readParagraphs(db, document.id), readRemovals(db, document.id), readFigures(db, document.id), readClaims(db, document.id));
    if (writeFileAtomic(join(reportsDir, 'documents', `${document.id}.md`), page)) written += 1;
  }
  const byId = new Map(documents.map((document) => [document.id, document]));
  // The page as the last run wrote it: an incremental run finds the reports folder as it was left.
  const entitiesFile = join(reportsDir, 'entities.md');
  const entities = entitiesPage(db, byId, stale, () => (existsSync(entitiesFile) ? readFileSync(entitiesFile) : undefined));
  const figures = figuresPage(db, byId, stale);
  const pages: [string, string | Buffer][] = [
    ['index.md', renderIndex(documents, readRemovalRules(db))],
    ['entities.md', entities.content],
    ['figures.md', figures.content],
  ];
  for (const [name, content] of pages) if (writeFileAtomic(join(reportsDir, name), content)) written += 1;
  const count = (done: number, all: number, what: string) => `${formatNumber(done)} of ${formatNumber(all)} ${what}`;
  const redone = [count(rendered, documents.length, 'document pages'), count(entities.fragments.upserts.length, entities.sections, 'entity sections'), count(figures.fragments.upserts.length, figures.sections, 'figure groups')].join(', ');
  return { written, redone: `${redone} rendered`, fragments: [entities.fragments, figures.fragments], entities: { topPairs: entities.topPairs, layout: entities.layout } };
}

/**
 * The pages that show what was extracted and resolved: each document's page (only those marked stale,
 * when the run is incremental), the corpus index, the entities and the figures (rendering again only
 * the sections a stale document may have changed, when incremental). They read neither findings nor
 * narratives.
 */
export const reportPages: CorpusStage = {
  name: 'report-pages',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['report-pages'],
  needs: ['resolve-entities'],
  run(ctx) {
    const { db } = ctx;
    const { written, redone, fragments, entities } = db.transaction(() => renderPages(ctx))();
    // The sections of entities.md and figures.md, each entity's top pairs and where the sections are in entities.md, for the next incremental report.
    db.transaction(() => {
      for (const changes of fragments) applyFragments(db, changes);
      storeEntitiesPage(db, entities);
    }).immediate();
    return { written, redone };
  },
};

/**
 * The findings and the timeline, once reconcile is done. Only findings.md's sections that changed are
 * rendered (the stale marks are still there: report clears them).
 */
export const reportFindings: CorpusStage = {
  name: 'report-findings',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS['report-findings'],
  needs: ['reconcile'],
  run({ db, reportsDir, incremental }) {
    const stale = stalePages(db, incremental);
    const findings = findingsPage(db, stale);
    let written = 0;
    for (const [name, content] of [['findings.md', findings.content], ['timeline.md', renderTimeline(db)]] as const) if (content !== undefined && writeFileAtomic(join(reportsDir, name), content)) written += 1;
    storeFindingsPage(db, findings);
    const findingsDone = findings.content === undefined ? `findings.md as it was (${formatNumber(findings.sections)} findings)` : `${formatNumber(findings.fragments.upserts.length)} of ${formatNumber(findings.sections)} findings rendered`;
    return { written, redone: `${findingsDone}; timeline.md rendered whole` };
  },
};

/**
 * The narratives page, then the tidying: pages of documents no longer stored, and temporary files a
 * killed run left, are deleted, and the stale marks are cleared (every page that reads them is written by now).
 */
export const report: CorpusStage = {
  name: 'report',
  scope: 'corpus',
  version: CORPUS_STAGE_VERSIONS.report,
  needs: ['report-findings', 'narratives', 'report-pages'],
  run({ db, reportsDir }) {
    let written = 0;
    if (writeFileAtomic(join(reportsDir, 'narratives.md'), renderNarratives(db))) written += 1;
    const documentPages = new Set((db.prepare('SELECT id FROM documents').pluck().all() as string[]).map((id) => `${id}.md`));
    const documentsDir = join(reportsDir, 'documents');
    if (existsSync(documentsDir)) {
      for (const file of readdirSync(documentsDir)) {
        if ((file.endsWith('.md') && !documentPages.has(file)) || TEMPORARY_FILE.test(file)) rmSync(join(documentsDir, file));
      }
    }
    for (const file of readdirSync(reportsDir)) if (TEMPORARY_FILE.test(file)) rmSync(join(reportsDir, file));
    db.prepare('DELETE FROM _stale_pages').run();
    return { written, redone: 'narratives.md rendered whole' };
  },
};
