// The moderation page: flagged and hidden comments across the cycle's proposals, and merging duplicates.
import { useRef, useState } from "preact/hooks";
import { useLoad } from "../../app/useLoad";
import { href } from "../../app/router";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t, tn } from "../../i18n/i18n";
import { MergeTool } from "./MergeTool";
import { ModeratorGate } from "./ModeratorGate";
import { loadQueue } from "./moderationQueue";
import { QueueItemCard } from "./QueueItemCard";

export function ModerationPage({ n, c }: { n: string; c: string }) {
  const title = t("moderation.title");
  return (
    <ModeratorGate n={n} c={c} title={title} returnTo={href("moderation", { n, c })}>
      {(cycle) => (
        <Page title={title} lead={t("moderation.lead", { cycle: cycle.title })}>
          <p class="breadcrumb">
            <a href={href("cycle", { n, c })}>{t("moderation.backToCycle", { cycle: cycle.title })}</a> · <a href={href("rounds", { n, c })}>{t("moderation.panel.rounds")}</a>
          </p>
          <Queue n={n} c={c} />
          <MergeTool n={n} c={c} />
        </Page>
      )}
    </ModeratorGate>
  );
}

function Queue({ n, c }: { n: string; c: string }) {
  const queue = useLoad((signal) => loadQueue(n, c, signal), [n, c]);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The card that was acted on changes or moves; focus goes to the queue's heading and the outcome is announced.
  const finished = (message: string) => {
    setDone(message);
    heading.current?.focus();
    void queue.reload();
  };
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" ref={heading} tabIndex={-1}>{t("moderation.queue.title")}</h2>
      {!queue.value ? (
        <Loading problem={queue.problem} />
      ) : (
        <>
          <p role="status">
            {done && <strong>{done} </strong>}
            {queue.value.length === 0 ? t("moderation.queue.empty") : tn("moderation.queue.count", queue.value.length)}
          </p>
          <ol class="card-list single">
            {queue.value.map((item) => (
              <QueueItemCard key={`${item.proposal.proposalId}/${item.comment.number}/${item.comment.hidden}`} n={n} c={c} item={item} onDone={finished} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
