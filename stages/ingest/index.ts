/**
 * ingest: bytes to stored text. Needs the raw file; provides `ingest` (the cleaned text, metadata found
 * in the file, the boilerplate it removed, the encoding). Decodes (BOM, UTF-8, windows-1252 fallback),
 * extracts HTML with cheerio, splits text into blocks, removes boilerplate, normalises, and joins the
 * kept blocks with blank lines, so paragraph boundaries survive into segmentation.
 * Emits: a warning for a windows-1252 fallback; throws InputError for an unusable file.
 */
import { InputError } from '../../pipeline/errors.ts';
import { defineDocumentStage } from '../../pipeline/stage.ts';
import { textBlocks, type Block } from './blocks.ts';
import { removeBoilerplate } from './boilerplate.ts';
import { decode, DecodeError, unwrap } from './decode.ts';
import { extractHtml, HtmlTooDeepError } from './html.ts';
import { detectLanguage } from './language.ts';
import type { DocMeta, RemovedBlock } from '../../pipeline/doc.ts';
import { DOCUMENT_STAGE_VERSIONS } from '../versions.ts';
import { formatOf, INPUT_EXTENSIONS } from './format.ts';
import { withoutBidiControls } from './normalize.ts';

/** extractHtml, with a page nested too deeply turned into an input error. */
function extractHtmlSafely(path: string, html: string) {
  try {
    return extractHtml(html);
  } catch (error) {
    if (error instanceof HtmlTooDeepError) throw new InputError(path, error.message);
    // Inline elements nest within the limit but recurse in the DOM helpers too: the same error, in other words.
    if (error instanceof RangeError) throw new InputError(path, 'HTML is nested too deeply to read (the element tree overflows the stack)');
    throw error;
  }
}

/** A page that does not declare its language gets the one its text is written in. */
function withLanguage(meta: DocMeta, text: string): DocMeta {
  if (meta.language) return meta;
  const language = detectLanguage(text);
  return language ? { ...meta, language } : meta;
}

interface Page {
  blocks: Block[];
  meta: DocMeta;
  removed: RemovedBlock[];
}

/** Metadata and removed-block locations without bidirectional controls: page titles, names and element classes are shown in reports. */
function metadataWithoutBidiControls(meta: DocMeta, removed: RemovedBlock[]): { meta: DocMeta; removed: RemovedBlock[] } {
  const cleanMeta = Object.fromEntries(Object.entries(meta).map(([key, value]) => [key, typeof value === 'string' ? withoutBidiControls(value).trim() : value])) as DocMeta;
  return { meta: cleanMeta, removed: removed.map((block) => ({ ...block, location: withoutBidiControls(block.location) })) };
}

/** The stored text of a file's blocks: boilerplate removed, the rest joined with blank lines; an HTML page without a declared language gets its text's. */
function assemble(page: Page, html: boolean): { text: string; meta: DocMeta; removed: RemovedBlock[] } {
  const cleaned = removeBoilerplate(page.blocks);
  const text = cleaned.kept.map((block) => block.text).join('\n\n');
  return { text, ...metadataWithoutBidiControls(html ? withLanguage(page.meta, text) : page.meta, [...page.removed, ...cleaned.removed]) };
}

/** The article text and metadata of an HTML page, as ingest stores them (for the HTML benchmark). */
export function extractPage(html: string): { text: string; meta: DocMeta; removed: RemovedBlock[] } {
  return assemble(extractHtml(html), true);
}

export const ingest = defineDocumentStage({
  name: 'ingest',
  scope: 'document',
  version: DOCUMENT_STAGE_VERSIONS.ingest,
  needs: [],
  provides: 'ingest',
  run(doc, ctx) {
    const format = formatOf(doc.path);
    if (!format) throw new InputError(doc.path, `unsupported file type (expected ${INPUT_EXTENSIONS.join(', ')})`);
    let decoded;
    try {
      const bytes = unwrap(doc.path, doc.raw, ctx.options.maxBytes);
      decoded = decode(bytes, format === 'html');
    } catch (error) {
      if (error instanceof DecodeError) throw new InputError(doc.path, error.message);
      throw error;
    }
    if (decoded.fallbackFrom) {
      ctx.warn(`not valid UTF-8 (first bad byte at offset ${decoded.fallbackFrom.badByteOffset}); decoded as windows-1252`, 'encoding-fallback');
    }
    if (decoded.text.trim() === '') throw new InputError(doc.path, 'is empty or only white space');

    const page: Page = format === 'html' ? extractHtmlSafely(doc.path, decoded.text) : { blocks: textBlocks(decoded.text, format === 'markdown'), meta: {}, removed: [] };
    const { text, meta, removed } = assemble(page, format === 'html');
    // Every kept block has text, so no text means nothing was kept.
    if (text === '') throw new InputError(doc.path, format === 'html' ? 'HTML page has no article text' : 'has no article text once boilerplate is removed');
    return { text, meta, removed, encoding: decoded.encoding };
  },
});
