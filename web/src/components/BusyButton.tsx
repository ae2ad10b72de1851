// A button for something that takes a moment: it says so while it runs (and cannot be pressed twice).
import type { ComponentChildren } from "preact";
import { t } from "../i18n/i18n";

interface Props {
  busy: boolean;
  children: ComponentChildren;
  type?: "submit" | "button";
  onClick?: () => void;
  kind?: "primary" | "secondary" | "danger";
  describedBy?: string;
}

export function BusyButton({ busy, children, type = "submit", onClick, kind = "primary", describedBy }: Props) {
  return (
    <button type={type} class={`button button-${kind}`} onClick={onClick} disabled={busy} aria-busy={busy} aria-describedby={describedBy}>
      {busy ? (
        <>
          <span class="spinner" aria-hidden="true" /> {t("common.busy")}
        </>
      ) : (
        children
      )}
    </button>
  );
}
