/**
 * reports/findings.md and reports/timeline.md: the findings with their quotes side by side, and every
 * dated event on one timeline. Each finding's section is a stored fragment (fragments.ts), kept while
 * the finding's digest (its row and items, _finding_digests), its latest verdict and the documents it
 * quotes are the same: an incremental report renders only new and changed findings, and those that
 * quote a document the store marks stale (a new title or date changes what their rows show).
 */
import type Database from 'better-sqlite3';
import { QUEUE_ORDER, readFindings, type StoredFinding } from '../../pipeline/db/findings.ts';
import { applyFragments, storedFragments, fragmentsShowing, type Fragment, type FragmentChanges } from './fragments.ts';
import { cell, escapeInline, formatNumber, link, page, table } from './markdown.ts';
import { GENERATED, describeValue, documentPage, paragraphAnchor } from './shared.ts';
import { addTo } from '../../pipeline/collections.ts';
import { sha1Base64url } from '../../pipeline/hash.ts';
import { kindLabel, REVIEW_ORDER } from '../reconcile/finding.ts';

function renderFinding(finding: StoredFinding): string {
  const rows = finding.items.map((item) => [
    cell(item.role),
    `“${escapeInline(item.quote)}”${item.value !== null ? ` (${escapeInline(describeValue(item.value, item.unit!))})` : ''}`,
    link(item.title, documentPage(item.doc)),
    cell(item.date),
    cell(item.speaker),
    link(`¶${item.paragraph}`, `${documentPage(item.doc)}#${paragraphAnchor(item.paragraph)}`),
  ]);
  const last = finding.reviews.at(-1);
  const verdict = last ? `Last verdict: **${last.verdict}**${last.reviewer ? ` by ${escapeInline(last.reviewer)}` : ''} on ${last.reviewed_at.slice(0, 10)}${last.note ? ` — ${escapeInline(last.note)}` : ''}.` : 'No verdict yet.';
  return [
    `### ${escapeInline(finding.measure)}`,
    `<a id="${finding.id}"></a>\`${finding.id}\` · ${finding.kind} · severity ${finding.severity} · **${finding.status}**${finding.status_reason ? ` (${escapeInline(finding.status_reason)})` : ''}`,
    '',
    escapeInline(finding.summary),
    '',
    table(['Role', 'Quote', 'Source', 'Date', 'Speaker', 'Where'], rows),
    '',
    `Why compared: ${escapeInline(finding.evidence.join('; '))}. ${verdict}`,
  ].join('\n');
}

const PAGE = 'findings.md';

/**
 * The findings page, rendering only the sections `stale` documents or a changed finding may have
 * changed (every section when `stale` is undefined, or when none is stored). When the findings listed,
 * their order, statuses and digests are those the page was last written from (`listing`, kept in
 * _report_page_inputs) and no section shows a stale document, the page is as it was: no content is
 * given, and its sections are not read back.
 */
export function findingsPage(db: Database.Database, stale: Set<string> | undefined): { content: string | undefined; sections: number; fragments: FragmentChanges; listing: string } {
  // Every finding in queue order, with what its section shows besides its documents. A finding without
  // a digest (a verdict was recorded since reconcile wrote it) is always rendered.
  const listed = db
    .prepare(
      `SELECT f.id, f.kind, f.status, d.digest || ' ' || coalesce((SELECT max(r.id) FROM reviews r WHERE r.fingerprint = f.fingerprint), 0)
         || ' ' || coalesce((SELECT max(r.id) FROM reviews r WHERE r.lineage = f.lineage), 0) AS digest
       FROM findings f LEFT JOIN _finding_digests d ON d.finding_id = f.id ORDER BY ${QUEUE_ORDER}`,
    )
    .all() as { id: string; kind: string; status: string; digest: string | null }[];
  const listing = sha1Base64url(JSON.stringify(listed));
  const lastListing = db.prepare('SELECT digest FROM _report_page_inputs WHERE page = ?').pluck().get(PAGE);
  if (stale && listing === lastListing && listed.every((finding) => finding.digest !== null) && fragmentsShowing(db, PAGE, stale).size === 0) {
    return { content: undefined, sections: listed.length, fragments: { page: PAGE, full: false, upserts: [], removed: [] }, listing };
  }
  const stored = stale ? storedFragments(db, PAGE) : undefined;
  const full = stored === undefined;
  const render = new Set(full ? listed.map((finding) => finding.id) : listed.filter((finding) => finding.digest === null || stored.get(finding.id)?.digest !== finding.digest).map((finding) => finding.id));
  if (!full) for (const id of fragmentsShowing(db, PAGE, stale!)) render.add(id);
  const upserts: Fragment[] = [];
  const digests = new Map(listed.map((finding) => [finding.id, finding.digest]));
  for (const finding of render.size === 0 ? [] : readFindings(db, full ? {} : { ids: [...render] })) {
    upserts.push({ key: finding.id, digest: digests.get(finding.id) ?? '', weight: 0, body: renderFinding(finding), documents: finding.items.map((item) => item.doc) });
  }
  const bodies = new Map([...(stored ?? [])].map(([key, { body }]) => [key, body]));
  for (const fragment of upserts) bodies.set(fragment.key, fragment.body);
  const removed = full ? [] : [...stored.keys()].filter((key) => !digests.has(key));
  return { content: renderPage(listed, bodies), sections: listed.length, fragments: { page: PAGE, full, upserts, removed }, listing };
}

/** Stores what a findings page rendered: its sections, and what it was made from. */
export function storeFindingsPage(db: Database.Database, { fragments, listing }: { fragments: FragmentChanges; listing: string }): void {
  db.transaction(() => {
    applyFragments(db, fragments);
    db.prepare('INSERT OR REPLACE INTO _report_page_inputs (page, digest) VALUES (?, ?)').run(PAGE, listing);
  }).immediate();
}

function renderPage(listed: { id: string; kind: string; status: string }[], bodies: Map<string, string>): string {
  const byKind = new Map<string, { id: string; status: string }[]>();
  for (const finding of listed) addTo(byKind, finding.kind, finding);
  const kinds = REVIEW_ORDER.filter((kind) => byKind.has(kind));
  const count = (kind: string, status?: string) => byKind.get(kind)!.filter((finding) => !status || finding.status === status).length;
  const summary = table(
    ['Kind', 'Findings', 'Open', 'Re-opened', 'Confirmed', 'Dismissed', 'Needs evidence'],
    kinds.map((kind) => [link(kindLabel(kind), `#${kind.replace(/_/g, '-')}`), ...[undefined, 'open', 'reopened', 'confirmed', 'dismissed', 'needs-evidence'].map((status) => formatNumber(count(kind, status)))]),
  );
  const sections = kinds.map((kind) => `## ${kindLabel(kind)}\n<a id="${kind.replace(/_/g, '-')}"></a>\n\n${byKind.get(kind)!.map((finding) => bodies.get(finding.id)!).join('\n\n')}`);
  return page(
    GENERATED,
    '# Findings',
    'Where the sources disagree, where a number changed over time, where values that look different can both hold, and where independent sources agree. Conflicts come first. Each finding quotes its items side by side, linked to their paragraphs; record a verdict with `narratives review ID --verdict confirmed|dismissed|needs-evidence`.',
    summary,
    ...sections,
  );
}

export function renderTimeline(db: Database.Database): string {
  const dates = db
    .prepare(
      `SELECT t.value, t.text, t.year_inferred, d.id AS doc, d.title, s.text AS sentence, p.ordinal AS paragraph
       FROM dates t JOIN documents d ON d.id = t.document_id JOIN sentences s ON s.id = t.sentence_id JOIN paragraphs p ON p.id = s.paragraph_id
       ORDER BY t.value, d.path, t.span_start`,
    )
    .all() as { value: string; text: string; year_inferred: number; doc: string; title: string; sentence: string; paragraph: number }[];
  const events = table(
    ['Date', 'Source', 'What the text says', 'Where'],
    dates.map((date) => [
      `${date.value}${date.year_inferred ? ' (year inferred)' : ''}`,
      link(date.title, documentPage(date.doc)),
      escapeInline(date.sentence),
      link(`¶${date.paragraph}`, `${documentPage(date.doc)}#${paragraphAnchor(date.paragraph)}`),
    ]),
  );
  const changes = readFindings(db, { kind: 'temporal_change' }).map((finding) => {
    const steps = finding.items.map((item) => `${escapeInline(item.date ?? 'undated')}: “${escapeInline(item.quote)}” (${link(`¶${item.paragraph}`, `${documentPage(item.doc)}#${paragraphAnchor(item.paragraph)}`)})`);
    return `- ${escapeInline(finding.measure)}: ${steps.join(' → ')} — ${link(finding.id, `findings.md#${finding.id}`)}`;
  });
  return page(
    GENERATED,
    '# Timeline',
    'Every explicit date in the corpus, in order, with the sentence that gives it, and every change over time the findings record. A date whose year the text leaves out takes the year nearest the document\'s publication date and is marked.',
    '## Changes over time',
    changes.length ? changes.join('\n') : 'None found.',
    '## Dated events',
    events,
  );
}
