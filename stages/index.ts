/**
 * The ordered lists of stages. Order and versions live in versions.ts; the run loads each list only
 * when it has work for it (document-stages.ts, corpus-stages.ts).
 */
export { DOCUMENT_STAGES } from './document-stages.ts';
export { CORPUS_STAGES } from './corpus-stages.ts';
