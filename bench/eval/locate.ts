/** Finds a hand-annotated place (a unique context snippet from the file) in the document's stored text. */
import type { Export, ExportedDocument } from '../../pipeline/export.ts';

export interface Located {
  document: ExportedDocument;
  start: number;
  end: number;
}

/** Straight quotes and single spaces: what ingest's normalisation may change in a snippet. */
const plain = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

/**
 * The offsets in the stored text of `inner`, which lies at `offset` inside `context`. Undefined when the
 * file is not stored or the context is not found once (the item is then reported as not located).
 */
export function locate(data: Export, file: string, context: string, offset: number, length: number): Located | undefined {
  const document = data.documents.find((candidate) => candidate.paths.includes(file));
  if (!document) return undefined;
  let at = document.text.indexOf(context);
  if (at >= 0 && document.text.indexOf(context, at + 1) === -1) return { document, start: at + offset, end: at + offset + length };
  // Normalised texts keep their lengths for quotes but not for runs of spaces: search the plain forms.
  const text = plain(document.text);
  const wanted = plain(context);
  at = text.indexOf(wanted);
  if (at < 0 || text.indexOf(wanted, at + 1) !== -1 || text.length !== document.text.length) return undefined;
  return { document, start: at + offset, end: at + offset + length };
}
