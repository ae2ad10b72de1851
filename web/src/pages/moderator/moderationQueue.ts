// The moderation queue, built from the public endpoints: every proposal's comments, read as a moderator (the
// server then includes the text of hidden comments), keeping those that are flagged or hidden.
import { api, cyclePaths } from "../../api/client";
import type { CommentView, ProposalSummary } from "../../api/types";

export interface QueueItem { proposal: ProposalSummary; comment: CommentView }

export async function loadQueue(n: string, c: string, signal: AbortSignal): Promise<QueueItem[]> {
  const paths = cyclePaths(n, c);
  const proposals = await api.get<ProposalSummary[]>(paths.proposals, { signal });
  const comments = await Promise.all(proposals.map((p) => api.get<CommentView[]>(paths.comments(p.proposalId), { signal })));
  const items = proposals.flatMap((proposal, i) => comments[i].filter((c) => c.hidden || c.flags > 0).map((comment) => ({ proposal, comment })));
  // Flagged comments still on view need a decision first; hidden ones wait for a second look.
  return items.sort((a, b) => Number(a.comment.hidden) - Number(b.comment.hidden) || b.comment.flags - a.comment.flags || a.comment.at.localeCompare(b.comment.at));
}
