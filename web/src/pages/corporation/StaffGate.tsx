// Staff pages need a signed-in member of staff; everyone else gets a way to sign in instead of an error.
import type { ComponentChildren } from "preact";
import type { Me } from "../../api/types";
import { href } from "../../app/router";
import { useSession } from "../../app/session";
import { Page } from "../../components/Page";
import { Loading } from "../../components/Problem";
import { t } from "../../i18n/i18n";

type Staff = NonNullable<Me["staff"]>;

export function StaffGate({ title, children }: { title: string; children: (staff: Staff, me: Me) => ComponentChildren }) {
  const { me } = useSession();
  if (!me) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (!me.staff) {
    return (
      <Page title={title}>
        <p>{t("corporation.gate.signIn")}</p>
        <a class="button button-primary" href={href("signIn", {}, { returnUrl: window.location.pathname })}>
          {t("corporation.gate.signInButton")}
        </a>
      </Page>
    );
  }
  return <>{children(me.staff, me)}</>;
}
