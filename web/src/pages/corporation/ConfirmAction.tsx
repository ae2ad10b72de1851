// A step that cannot be undone (revoke a role, open or close voting): the first button only asks, a panel says
// what will happen, and a second button does it. Focus moves into the panel and back, so keyboard and
// screen-reader users follow along; the server's problem appears inside the panel, next to the button.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { BusyButton } from "../../components/BusyButton";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import type { Action } from "./useAction";

interface Props {
  id: string;
  /** The first button: what the person wants to do. */
  ask: ComponentChildren;
  /** What will happen, shown before the second button. */
  explain: ComponentChildren;
  /** The second button: doing it. */
  confirm: ComponentChildren;
  action: Action;
  onConfirm: () => Promise<boolean>;
  kind?: "primary" | "danger";
  small?: boolean;
  /** Checks before asking (a form's own checks); false keeps the panel closed. */
  beforeAsk?: () => boolean;
}

export function ConfirmAction({ id, ask, explain, confirm, action, onConfirm, kind = "danger", small, beforeAsk }: Props) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    action.clear();
    queueMicrotask(() => opener.current?.focus());
  };
  if (!open) {
    return (
      <button ref={opener} type="button" class={`button ${small ? "button-small" : `button-${kind === "danger" ? "secondary" : "primary"}`}`} onClick={() => setOpen(beforeAsk ? beforeAsk() : true)}>
        {ask}
      </button>
    );
  }
  return (
    <div class="confirm-panel" role="group" aria-labelledby={`${id}-explain`} id={id} tabIndex={-1} ref={panel}>
      <div id={`${id}-explain`}>{explain}</div>
      <ProblemMessage problem={action.problem} id={`${id}-problem`} />
      <p class="button-row">
        <BusyButton busy={action.busy} type="button" kind={kind} describedBy={action.problem ? `${id}-problem` : undefined}
          onClick={async () => {
            if (await onConfirm()) setOpen(false);
          }}>
          {confirm}
        </BusyButton>
        <button type="button" class="button button-secondary" disabled={action.busy} onClick={close}>
          {t("corporation.confirm.cancel")}
        </button>
      </p>
    </div>
  );
}
