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
/**
 * A tag: its name cannot give back characters to what follows it, and its attributes stop at the next
 * "<" and are bounded, so each "<" costs at most one scan to the next: linear on any input.
 */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]{0,40})(?![a-zA-Z0-9:-])[^<>]{0,2000}>/g;
/** How far down the open elements an end tag looks for its match; beyond it the end tag is ignored. */
const END_TAG_REACH = 64;

/** Where the end tag of a script or style starts (its text is not markup), or the end of the page. */
function endTagAt(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return html.length;
}

/** True when the page nests more than `limit` counted elements deep. */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const open: string[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [tag, closing, rawName] = match;
    const selfClosing = tag.endsWith('/>');
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
      TAG.lastIndex = endTagAt(html, name, TAG.lastIndex);
      continue;
    }
    if (VOID.has(name) || selfClosing || END_TAG_OPTIONAL.has(name)) continue;
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}
