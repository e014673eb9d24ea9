/**
 * Names and addresses from the corpus as they may be shown: a file name or a URL comes from whoever
 * wrote the corpus, so it is shown in a form that cannot forge a line, reorder what follows it, or run.
 */

/** Control characters (C0, DEL, C1) and the bidirectional controls that reorder the text after them. */
export const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSHOWABLE_ALL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name on one line as the characters it has: C0 controls as their Unicode control pictures (a newline
 * as ␊), DEL as ␡, and C1 and bidirectional controls as <U+XXXX>.
 */
export function visibleName(name: string): string {
  return name.replace(UNSHOWABLE_ALL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
  });
}

/**
 * The URL, parsed and percent-encoded so that nothing in it ends an autolink, a table cell or a JSON-LD
 * value's meaning; undefined unless it is http(s). The stored text must itself start with the scheme:
 * a URL parser strips leading spaces and control characters first.
 */
export function httpUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
