// While voting runs: the frozen rules' fingerprint, and closing the ballot box, which publishes the results at
// once (after a confirmation; it cannot be undone).
import { api, cyclePaths } from "../../api/client";
import type { CycleAdministration } from "../../api/types";
import { href } from "../../app/router";
import { t } from "../../i18n/i18n";
import { ConfirmAction } from "./ConfirmAction";
import { useAction } from "./useAction";

interface Props { n: string; c: string; title: string; onClosed: (next: CycleAdministration) => void }

export function CloseVoting({ n, c, title, onClosed }: Props) {
  const action = useAction();
  const close = async () => {
    const next = await action.run(() => api.post<CycleAdministration>(cyclePaths(n, c).closeVoting));
    if (next) onClosed(next);
    return !!next;
  };
  return (
    <>
      <p class="notice">{t("corporation.close.open")}</p>
      <p>
        <a href={href("votingCodes", { n, c })}>{t("corporation.cycle.toCodes")}</a> · <a href={href("paperBallots", { n, c })}>{t("corporation.cycle.toPaper")}</a>
      </p>
      <ConfirmAction
        id="close-voting-confirm"
        action={action}
        onConfirm={close}
        ask={t("corporation.close.ask")}
        confirm={t("corporation.close.confirm")}
        explain={
          <>
            <p>
              <strong>{t("corporation.close.explainTitle", { title })}</strong>
            </p>
            <p>{t("corporation.close.explain")}</p>
          </>
        }
      />
    </>
  );
}
