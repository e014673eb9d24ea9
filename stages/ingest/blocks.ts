/**
 * Blocks are the units ingest keeps or drops: a heading, a paragraph, a list item, a quote. Plain text
 * and Markdown become blocks here; HTML becomes blocks in html.ts. Each block remembers where it came
 * from so the boilerplate report can point at the source without keeping the removed text.
 */
import { normalizeInline, splitLines } from './normalize.ts';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

export interface Block {
  text: string;
  kind: BlockKind;
  /** Where the block was in the source: `line 12`, `lines 12-14`, or an HTML element. */
  location: string;
}

const LIST_ITEM = /^(?:\d{1,3}[.)]|[-*•+])\s+/;
const TERMINAL = /[.!?:;"'”’)\]]$/;

/**
 * True when the text is hard-wrapped: paragraphs are separated by blank lines and most of them span
 * several short lines, so single line breaks inside a paragraph are not paragraph ends.
 */
function isHardWrapped(groups: string[][]): boolean {
  const lines = groups.flat();
  if (groups.length < 2 || lines.some((line) => line.length > 100)) return false;
  const multiLine = groups.filter((group) => group.length > 1).length;
  return multiLine / groups.length >= 0.6;
}

interface Line {
  text: string;
  number: number;
}

/** Splits plain text into blocks: a line each, or a blank-line-separated group each when hard-wrapped. */
export function textBlocks(source: string, markdown = false): Block[] {
  const groups: Line[][] = [[]];
  splitLines(source).forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') {
      if (groups.at(-1)!.length > 0) groups.push([]);
    } else {
      groups.at(-1)!.push({ text: raw, number: index + 1 });
    }
  });
  const nonEmpty = groups.filter((group) => group.length > 0);
  const wrapped = isHardWrapped(nonEmpty.map((group) => group.map((line) => line.text)));

  const blocks: Block[] = [];
  for (const group of nonEmpty) {
    let pending: Line[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      const block = toBlock(pending, markdown);
      if (block) blocks.push(block);
      pending = [];
    };
    for (const line of group) {
      const joinsPrevious =
        pending.length > 0 &&
        !(markdown && isMarkdownBlockStart(line.text)) &&
        !LIST_ITEM.test(line.text.trim()) &&
        (wrapped || (!TERMINAL.test(pending.at(-1)!.text.trim()) && /^\s*[a-z]/.test(line.text)));
      if (!joinsPrevious) flush();
      pending.push(line);
    }
    flush();
  }
  return blocks;
}

function isMarkdownBlockStart(line: string): boolean {
  return /^\s*(#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|```)/.test(line);
}

function toBlock(lines: Line[], markdown: boolean): Block | undefined {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const location = first.number === last.number ? `line ${first.number}` : `lines ${first.number}-${last.number}`;
  let raw = lines.map((line) => line.text.trim()).join(' ');
  let kind: BlockKind = LIST_ITEM.test(raw) ? 'list-item' : 'paragraph';
  if (markdown) {
    const heading = /^#{1,6}\s/.exec(raw);
    if (heading) {
      raw = withoutClosingHashes(raw.slice(heading[0].length));
      kind = 'heading';
    } else if (raw.startsWith('>')) {
      raw = raw.replace(/^(>\s?)+/, '');
      kind = 'quote';
    }
    raw = stripMarkdownInline(raw);
  }
  const text = normalizeInline(raw);
  return text === '' ? undefined : { text, kind, location };
}

/** An ATX heading's text without its optional closing hashes ("## Title ##"); a loop, so linear on any line. */
function withoutClosingHashes(text: string): string {
  let end = text.trimEnd().length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return end > 0 && !/\s/.test(text[end - 1]!) ? text.trim() : text.slice(0, end).trim();
}

/**
 * Keeps the words of Markdown inline markup: link text, emphasis, code; drops images. Link text holds
 * no bracket and a target at most one pair of parentheses ("wiki/Foo_(bar)"), as in CommonMark: each
 * match attempt then stops at the next bracket or parenthesis, so a line of a million "[" or "[a]("
 * is read in linear time.
 */
function stripMarkdownInline(text: string): string {
  return text
    .replace(/!\[[^[\]]{0,1000}\]\([^()]{0,2000}(?:\([^()]{0,2000}\)[^()]{0,2000})?\)/g, '')
    .replace(/\[([^[\]]{0,1000})\]\([^()]{0,2000}(?:\([^()]{0,2000}\)[^()]{0,2000})?\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]{1,500}?)(?<=\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}
