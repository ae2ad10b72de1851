// Amendments: other residents suggest a better version, the authors accept (it becomes the new version) or
// reject it. Suggestions and answers are possible while the cycle takes proposals.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { AmendmentView, ProposalDetails, ProposalRules, ProposalText } from "../../api/types";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/Problem";
import { formatDate, formatMoney, t } from "../../i18n/i18n";
import { Paragraphs } from "./Paragraphs";
import { ProposalForm } from "./ProposalForm";
import { useAction } from "./useAction";

interface Props {
  n: string;
  c: string;
  details: ProposalDetails;
  rules: ProposalRules | null;
  /** A resident of this cycle, while it takes proposals and this one is open. */
  canAct: boolean;
  onChange: (d: ProposalDetails) => void;
}

export function Amendments({ n, c, details, rules, canAct, onChange }: Props) {
  const [suggesting, setSuggesting] = useState(false);
  const base = `${cyclePaths(n, c).proposal(details.proposalId)}/amendments`;
  const suggest = async (text: ProposalText) => {
    onChange(await api.post<ProposalDetails>(base, text));
    setSuggesting(false);
  };
  return (
    <section aria-labelledby="amendments-title">
      <h2 id="amendments-title">{t("proposal.amendments")}</h2>
      {details.amendments.length === 0 ? (
        <p>{t("proposal.amendment.none")}</p>
      ) : (
        <ol class="amendments">
          {details.amendments.map((a) => (
            <Amendment key={a.number} amendment={a} path={`${base}/${a.number}`} canAnswer={canAct && details.mine} onChange={onChange} />
          ))}
        </ol>
      )}
      {canAct && !details.mine && !suggesting && (
        <button type="button" class="button button-secondary" onClick={() => setSuggesting(true)}>
          {t("proposal.amendment.start")}
        </button>
      )}
      {canAct && !details.mine && suggesting && (
        <div class="panel">
          <h3>{t("proposal.amendment.formTitle")}</h3>
          <p>{t("proposal.amendment.formLead")}</p>
          <ProposalForm id="amendment" n={n} initial={details.text} rules={rules} submitLabel={t("proposal.amendment.submit")} onSubmit={suggest} />
          <button type="button" class="button button-secondary" onClick={() => setSuggesting(false)}>
            {t("proposal.amendment.cancel")}
          </button>
        </div>
      )}
    </section>
  );
}

function Amendment({ amendment, path, canAnswer, onChange }: { amendment: AmendmentView; path: string; canAnswer: boolean; onChange: (d: ProposalDetails) => void }) {
  const { busy, problem, run } = useAction();
  const answer = (verb: "accept" | "reject") => run(async () => onChange(await api.post<ProposalDetails>(`${path}/${verb}`)));
  const problemId = `amendment-${amendment.number}-problem`;
  return (
    <li class="card">
      <h3>
        {t("proposal.amendment.number", { number: amendment.number })}: {amendment.text.title}
      </h3>
      <p class="meta">
        <span class={`badge amendment-${amendment.status}`}>{t(`proposal.amendment.status.${amendment.status}`)}</span>
        <span>{formatMoney(amendment.text.costCents)}</span>
        {amendment.text.place && <span>{amendment.text.place}</span>}
        <span>{formatDate(amendment.at)}</span>
        {amendment.mine && <span>{t("proposal.amendment.mine")}</span>}
      </p>
      <details>
        <summary>{t("proposal.amendment.read", { number: amendment.number })}</summary>
        <Paragraphs text={amendment.text.description} />
      </details>
      {canAnswer && amendment.status === "Pending" && (
        <>
          <p class="button-row">
            <BusyButton type="button" busy={busy} onClick={() => answer("accept")} describedBy={problem ? problemId : undefined}>
              {t("proposal.amendment.accept")}
              <span class="visually-hidden"> {t("proposal.amendment.number", { number: amendment.number })}</span>
            </BusyButton>
            <BusyButton type="button" busy={busy} kind="secondary" onClick={() => answer("reject")} describedBy={problem ? problemId : undefined}>
              {t("proposal.amendment.reject")}
              <span class="visually-hidden"> {t("proposal.amendment.number", { number: amendment.number })}</span>
            </BusyButton>
          </p>
          <ProblemMessage problem={problem} id={problemId} />
        </>
      )}
    </li>
  );
}
