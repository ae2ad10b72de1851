// The discussion of a proposal: threads, a form for a new comment, and the public log of what moderators did.
import type { ComponentChildren } from "preact";
import { api, cyclePaths } from "../../../api/client";
import type { CommentView, ModerationLogEntry } from "../../../api/types";
import { useLoad } from "../../../app/useLoad";
import { Loading } from "../../../components/Problem";
import { t, tn } from "../../../i18n/i18n";
import { CommentForm } from "./CommentForm";
import { CommentItem, type Discussing } from "./CommentItem";
import { ModerationLog } from "./ModerationLog";
import { threads } from "./thread";

interface Props {
  n: string;
  c: string;
  p: string;
  /** A resident of this cycle while the discussion is open (the server has the last word). */
  canComment: boolean;
  /** A resident of this cycle (flags are possible while the proposal exists). */
  canFlag: boolean;
  signInHint: ComponentChildren;
}

export function Discussion({ n, c, p, canComment, canFlag, signInHint }: Props) {
  const paths = cyclePaths(n, c);
  const comments = useLoad((signal) => api.get<CommentView[]>(paths.comments(p), { signal }), [n, c, p, canFlag]);
  const log = useLoad((signal) => api.get<ModerationLogEntry[]>(paths.moderationLog(p), { signal }), [n, c, p]);
  const reload = () => {
    void comments.reload();
    void log.reload();
  };
  const hiddenByFlags = new Map<number, boolean>();
  for (const entry of log.value ?? []) hiddenByFlags.set(entry.comment, entry.action === "hidden" && entry.by === "residents' flags");
  const context: Discussing = { path: paths.comments(p), hiddenByFlags, canComment, canFlag, reload };

  return (
    <section aria-labelledby="discussion-title">
      <h2 id="discussion-title">{t("proposal.discussion")}</h2>
      {!comments.value ? (
        <Loading problem={comments.problem} />
      ) : (
        <>
          <p>{comments.value.length === 0 ? t("proposal.comment.none") : tn("proposal.comment.count", comments.value.length)}</p>
          {canComment ? (
            <CommentForm id="new-comment" path={context.path} replyTo={null} label={t("proposal.comment.newLabel")} submitLabel={t("proposal.comment.send")} onPosted={reload} />
          ) : (
            signInHint
          )}
          {comments.value.length > 0 && (
            <ol class="comments" aria-label={t("proposal.comment.threads")}>
              {threads(comments.value).map((node) => (
                <CommentItem key={node.comment.number} node={node} context={context} />
              ))}
            </ol>
          )}
        </>
      )}
      <ModerationLog entries={log.value} problem={log.problem} />
    </section>
  );
}
