// One comment in a thread, with its replies nested under it: reply, flag, or the placeholder of a hidden comment.
import { useState } from "preact/hooks";
import { api } from "../../../api/client";
import { BusyButton } from "../../../components/BusyButton";
import { ProblemMessage } from "../../../components/Problem";
import { formatDateTime, t } from "../../../i18n/i18n";
import { Paragraphs } from "../Paragraphs";
import { useAction } from "../useAction";
import { CommentForm } from "./CommentForm";
import type { Node } from "./thread";

export interface Discussing {
  path: string;
  /** Who hid each hidden comment last: true when residents' flags did, false when a moderator did. */
  hiddenByFlags: Map<number, boolean>;
  canComment: boolean;
  canFlag: boolean;
  reload: () => void;
}

export function CommentItem({ node, context }: { node: Node; context: Discussing }) {
  const { comment, replies } = node;
  const [replying, setReplying] = useState(false);
  const { busy, problem, run } = useAction();
  const label = t("proposal.comment.number", { number: comment.number });
  const flag = () => run(async () => {
    await api.put(`${context.path}/${comment.number}/flag`);
    context.reload();
  });
  return (
    <li>
      <article class={comment.hidden ? "comment comment-hidden" : "comment"} aria-label={label} id={`comment-${comment.number}`}>
        <p class="comment-head">
          <span class="comment-number">{label}</span>
          {comment.replyTo != null && <span class="visually-hidden">{t("proposal.comment.replyTo", { number: comment.replyTo })}</span>}
          <time dateTime={comment.at}>{formatDateTime(comment.at)}</time>
          {comment.mine && <span class="badge">{t("proposal.comment.mine")}</span>}
        </p>
        {comment.hidden ? (
          <p class="placeholder">{context.hiddenByFlags.get(comment.number) ? t("proposal.comment.hiddenByFlags") : t("proposal.comment.hidden")}</p>
        ) : (
          <Paragraphs text={comment.text ?? ""} />
        )}
        <div class="comment-actions">
          {context.canComment && !comment.hidden && !replying && (
            <button type="button" class="button button-small" onClick={() => setReplying(true)}>
              {t("proposal.comment.reply")}
              <span class="visually-hidden"> {t("proposal.comment.toNumber", { number: comment.number })}</span>
            </button>
          )}
          {comment.flaggedByMe && !comment.hidden && <span class="flagged">{t("proposal.comment.flaggedByYou")}</span>}
          {context.canFlag && !comment.mine && !comment.flaggedByMe && !comment.hidden && (
            <BusyButton type="button" kind="secondary" busy={busy} onClick={flag} describedBy={problem ? `comment-${comment.number}-problem` : undefined}>
              {t("proposal.comment.flag")}
              <span class="visually-hidden"> {t("proposal.comment.toNumber", { number: comment.number })}</span>
            </BusyButton>
          )}
        </div>
        <ProblemMessage problem={problem} id={`comment-${comment.number}-problem`} />
        {replying && (
          <CommentForm
            id={`reply-${comment.number}`}
            path={context.path}
            replyTo={comment.number}
            label={t("proposal.comment.replyLabel", { number: comment.number })}
            submitLabel={t("proposal.comment.sendReply")}
            focus
            onPosted={() => {
              setReplying(false);
              context.reload();
            }}
            onCancel={() => setReplying(false)}
          />
        )}
      </article>
      {replies.length > 0 && (
        <ol class="comments replies" aria-label={t("proposal.comment.repliesTo", { number: comment.number })}>
          {replies.map((reply) => (
            <CommentItem key={reply.comment.number} node={reply} context={context} />
          ))}
        </ol>
      )}
    </li>
  );
}
