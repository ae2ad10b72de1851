// What a page says to someone who is not signed in for this cycle: what they need, and the way to sign in.
import { href } from "../../app/router";
import { t } from "../../i18n/i18n";

export function SignInFirst({ n, text, returnUrl }: { n: string; text: string; returnUrl: string }) {
  return (
    <p class="notice">
      {text}{" "}
      <a href={href("signIn", {}, { neighbourhood: n, returnUrl })}>{t("proposal.signIn")}</a>
    </p>
  );
}
