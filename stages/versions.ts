/**
 * Every stage's name and version, in pipeline order. A run compares them with the store to decide what
 * to redo, and reads them here without loading the stages and their language models. Each stage takes
 * its version from this table: bump it whenever the stage's output for the same input changes.
 */
export const DOCUMENT_STAGE_VERSIONS = {
  ingest: '4',
  segment: '4',
  parse: '6',
  'extract-entities': '12',
  'extract-dates': '1',
  'extract-figures': '6',
  'extract-claims': '7',
} as const;

export const CORPUS_STAGE_VERSIONS = {
  'resolve-entities': '7',
  'report-pages': '2',
  narratives: '3',
  reconcile: '7',
  'report-findings': '2',
  report: '3',
} as const;

/** Throws unless `stages` are the table's stages in its order, so the two cannot drift apart. */
export function checkOrder(stages: readonly { name: string }[], table: Record<string, string>): void {
  const names = stages.map((stage) => stage.name).join(', ');
  if (names !== Object.keys(table).join(', ')) throw new Error(`stages [${names}] do not match stages/versions.ts [${Object.keys(table).join(', ')}]`);
}
