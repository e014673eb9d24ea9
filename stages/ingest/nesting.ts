/**
 * How deep a page's elements nest, estimated from the raw HTML in one linear pass. htmlparser2 keeps
 * its open elements in an array it shifts at the front, so parsing costs O(characters × depth): a
 * 20 MB page of nested <div>s takes minutes before any DOM check could refuse it. This scan refuses it
 * first. It counts the elements that hold nesting up — void and self-closed elements and those whose
 * end tag may be left out (p, li, td…) are not counted — and an end tag closes the nearest open element
 * of its name, as the parser does; the exact depth is checked on the tree once parsed.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
const END_TAG_OPTIONAL = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Tags are bounded in length, so an unclosed "<a" cannot make each later "<" scan to the end. */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})\b[^<>]{0,2000}?(\/?)>/g;
/** How far down the open elements an end tag looks for its match; beyond it the end tag is ignored. */
const END_TAG_REACH = 64;

/** True when the page nests more than `limit` counted elements deep. */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const open: string[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      for (let index = open.length - 1; index >= Math.max(0, open.length - END_TAG_REACH); index -= 1) {
        if (open[index] !== name) continue;
        open.length = index;
        break;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // The text of a script or style is not markup: skip to its end tag.
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = TAG.lastIndex;
      TAG.lastIndex = end.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name) || selfClosing || END_TAG_OPTIONAL.has(name)) continue;
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}
