// One comment in the moderation queue: where it is, its flags, its text (moderators also see hidden text), and
// hiding or restoring it with the reason that goes in the public moderation log.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import { href } from "../../app/router";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { describe } from "../../components/Problem";
import { formatDateTime, t, tn } from "../../i18n/i18n";
import { Paragraphs } from "../proposals/Paragraphs";
import { useAction } from "../proposals/useAction";
import type { QueueItem } from "./moderationQueue";

export function QueueItemCard({ n, c, item, onDone }: { n: string; c: string; item: QueueItem; onDone: (message: string) => void }) {
  const { proposal, comment } = item;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const id = `moderate-${proposal.proposalId}-${comment.number}`;
  const verb = comment.hidden ? "restore" : "hide";
  const submit = async (event: Event) => {
    event.preventDefault();
    const text = reason.trim();
    if (text.length < 3 || text.length > 500) {
      setError(t("moderation.queue.reasonLength"));
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    if (await run(() => api.post(`${cyclePaths(n, c).comments(proposal.proposalId)}/${comment.number}/${verb}`, { reason: text }))) {
      onDone(t(comment.hidden ? "moderation.queue.restored" : "moderation.queue.hiddenNow", { number: comment.number, title: proposal.title }));
    }
  };
  const what = t("moderation.queue.what", { number: comment.number, title: proposal.title });
  return (
    <li class="card queue-item">
      <h3>{what}</h3>
      <p class="meta">
        <span class={comment.hidden ? "badge" : "badge badge-warn"}>{comment.hidden ? t("moderation.queue.hidden") : t("moderation.queue.visible")}</span>
        <span>{tn("moderation.queue.flags", comment.flags)}</span>
        <time dateTime={comment.at}>{formatDateTime(comment.at)}</time>
        <a href={`${href("proposal", { n, c, p: proposal.proposalId })}#comment-${comment.number}`}>{t("moderation.queue.open")}</a>
      </p>
      <blockquote class="quoted">{comment.text ? <Paragraphs text={comment.text} /> : <p>{t("moderation.queue.noText")}</p>}</blockquote>
      <form onSubmit={submit} noValidate>
        <Field id={id} label={t(comment.hidden ? "moderation.queue.restoreReason" : "moderation.queue.hideReason", { number: comment.number })} hint={t("moderation.queue.reasonHint")} error={error ?? (problem ? describe(problem) : null)}>
          {(a) => <input {...a} type="text" maxLength={500} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />}
        </Field>
        <BusyButton busy={busy} kind={comment.hidden ? "secondary" : "danger"}>
          {comment.hidden ? t("moderation.queue.restore") : t("moderation.queue.hide")}
          <span class="visually-hidden"> {what}</span>
        </BusyButton>
      </form>
    </li>
  );
}
