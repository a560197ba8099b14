// Walking a feed's DOM without recursion. A feed nested thousands of elements deep (35 KB is enough
// for 5,000 levels) overflows the call stack of any recursive walk, ours or a library's (the
// serializer, cloneNode). Our walks use an explicit stack; before any library sees the tree, elements
// beyond MAX_FEED_DEPTH are unwrapped, keeping their text, so the libraries' recursion stays bounded.
import { type AnyNode, type ParentNode, hasChildren, isCDATA, isTag, isText } from 'domhandler';

/** Real feeds nest a dozen levels (rss > channel > item > content > HTML); a few hundred leaves room for any. */
export const MAX_FEED_DEPTH = 256;

/** `node` and everything below it in document order, walked with an explicit stack. */
export function* descendantsAndSelf(node: AnyNode): Generator<AnyNode> {
  const pending: AnyNode[] = [node];
  for (let next = pending.pop(); next; next = pending.pop()) {
    yield next;
    if (hasChildren(next)) for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
}

/** Replaces the children of `parent` with `nodes`, keeping the tree's parent and sibling links right. */
function replaceChildren(parent: ParentNode, nodes: AnyNode[]): void {
  parent.children = nodes;
  nodes.forEach((node, i) => {
    node.parent = parent;
    node.prev = nodes[i - 1] ?? null;
    node.next = nodes[i + 1] ?? null;
  });
}

/**
 * Unwraps every element deeper than `maxDepth` below `root`: the element at the limit keeps the text
 * of everything under it (text and CDATA nodes, in order) and loses the nested elements. Returns how
 * many elements were unwrapped.
 */
export function limitDepth(root: ParentNode, maxDepth: number): number {
  let unwrapped = 0;
  const pending: Array<{ node: ParentNode; depth: number }> = [{ node: root, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, depth } = next;
    if (depth >= maxDepth && node.children.some(isTag)) {
      const kept: AnyNode[] = [];
      for (const child of node.children) {
        for (const inner of descendantsAndSelf(child)) {
          if (isTag(inner)) unwrapped++;
          // A CDATA section is kept whole, with its text child; that child is not taken a second time.
          else if (isCDATA(inner) || (isText(inner) && !(inner.parent && isCDATA(inner.parent)))) kept.push(inner);
        }
      }
      replaceChildren(node, kept);
      continue;
    }
    for (const child of node.children) if (hasChildren(child)) pending.push({ node: child, depth: depth + 1 });
  }
  return unwrapped;
}
