/**
 * Removing many nodes from a parsed page at once. Removing them one by one (cheerio's .remove(),
 * domutils' removeElement) splices the parent's child list each time: quadratic for a page of tens of
 * thousands of sibling <script>s or asides. Here each parent's child list is rebuilt once.
 */
import type { AnyNode, ParentNode } from 'domhandler';

/** Detaches every node of `nodes` from the tree (nodes inside another removed node go with it). */
export function detachAll(nodes: Iterable<AnyNode>): void {
  const doomed = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const node of doomed) {
    // Neighbours are relinked in turn, so a run of removed siblings leaves its outer neighbours linked.
    if (node.prev) node.prev.next = node.next;
    if (node.next) node.next.prev = node.prev;
    if (node.parent) parents.add(node.parent);
  }
  for (const parent of parents) parent.children = parent.children.filter((child) => !doomed.has(child));
  for (const node of doomed) {
    node.prev = null;
    node.next = null;
    node.parent = null;
  }
}
