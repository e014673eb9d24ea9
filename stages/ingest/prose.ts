/**
 * Where a page's prose is: text written straight inside an element (its text nodes and inline
 * children, links left out), counted where it is at least a sentence long. Furniture rules ask it
 * before removing an element: a container named "tag-…" or "read-more", or a <form> that wraps a
 * whole page, is not furniture when it holds most of the page's prose.
 */
import type { AnyNode, Element } from 'domhandler';

const INLINE_TAGS = new Set(['span', 'em', 'strong', 'b', 'i', 'u', 'code', 'font', 'small', 'sup', 'sub', 'time', 'abbr', 'cite', 'q', 'mark', 'br']);
/** Shorter runs of text are labels, dates, buttons, not prose. */
const MIN_PROSE = 60;

/** Text of inline descendants, links and block elements left out. */
function inlineText(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (node.type !== 'tag') return '';
  const element = node as Element;
  if (!INLINE_TAGS.has(element.tagName)) return '';
  let text = '';
  for (const child of element.children) text += inlineText(child);
  return text;
}

/** Length of the prose written straight inside an element. */
function ownProse(element: Element): number {
  let text = '';
  for (const child of element.children) text += inlineText(child);
  const length = text.replace(/\s+/g, ' ').trim().length;
  return length >= MIN_PROSE ? length : 0;
}

export interface ProseMap {
  /** Share (0–1) of the page's prose inside an element, the element's own included. */
  share(element: AnyNode): number;
}

/** Prose totals of every element under the root, summed bottom-up without recursion (deep pages are legal). */
export function mapProse(root: AnyNode): ProseMap {
  const totals = new Map<AnyNode, number>();
  const order: Element[] = [];
  /** Elements inside a link: their text is link text, never prose. */
  const inLink = new Set<AnyNode>();
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'root') continue;
    if (node.type === 'tag') order.push(node as Element);
    const linked = inLink.has(node) || (node as Element).tagName === 'a';
    for (const child of (node as Element).children) {
      if (linked) inLink.add(child);
      stack.push(child);
    }
  }
  // Children come after their parents in `order`, so walking it backwards sums children first.
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const element = order[index]!;
    const sum = (totals.get(element) ?? 0) + (inLink.has(element) || element.tagName === 'a' ? 0 : ownProse(element));
    totals.set(element, sum);
    const parent = element.parent;
    if (parent && sum > 0) totals.set(parent, (totals.get(parent) ?? 0) + sum);
  }
  // The root's total: every top-level element added its own to it.
  const all = totals.get(root) ?? 0;
  return { share: (element) => (all === 0 ? 0 : (totals.get(element) ?? 0) / all) };
}
