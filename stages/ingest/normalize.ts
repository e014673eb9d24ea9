/**
 * Text normalisation applied to every block before it is stored: Unicode NFC, one kind of space,
 * no invisible or control characters, no bidirectional overrides, no lone surrogates. Curly quotes
 * are kept as written.
 */

const SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder how the
 * text around them is displayed, so a report could show a claim or a title other than the one stored
 * ("Trojan Source"); article text never needs them. The marks U+200E, U+200F and U+061C are kept:
 * they only place neutral characters such as punctuation in right-to-left text, and that text uses them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Zero-width space, word joiner, BOM and C0/C1 controls carry no text. ZWJ/ZWNJ are kept: scripts and emoji need them. */
const INVISIBLE = /[\u200b\u2060\ufeff\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` without bidirectional embeddings, overrides and isolates: for what ingest keeps besides the text (metadata, element names). */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Normalises one line or block of text to what is stored. */
export function normalizeInline(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(BIDI_CONTROLS, '')
    .replace(SPACES, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Splits text into lines whatever its line ends (LF, CRLF, CR, Unicode separators). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/);
}
