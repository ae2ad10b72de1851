// Comments arrive as a flat list with replyTo; the discussion shows them as threads. Threads with the newest
// activity come first, so what just happened is at the top; inside a thread replies follow in time order.
import type { CommentView } from "../../../api/types";

export interface Node { comment: CommentView; replies: Node[]; latest: string }

export function threads(comments: CommentView[]): Node[] {
  const nodes = new Map(comments.map((c) => [c.number, { comment: c, replies: [] as Node[], latest: c.at }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.replyTo != null ? nodes.get(node.comment.replyTo) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  const latest = (node: Node): string => {
    node.replies.sort((a, b) => a.comment.number - b.comment.number);
    node.latest = node.replies.map(latest).reduce((a, b) => (a > b ? a : b), node.comment.at);
    return node.latest;
  };
  roots.forEach(latest);
  return roots.sort((a, b) => (a.latest === b.latest ? b.comment.number - a.comment.number : a.latest < b.latest ? 1 : -1));
}
