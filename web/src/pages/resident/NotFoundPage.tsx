import { Page } from "../../components/Page";
import { href } from "../../app/router";
import { t } from "../../i18n/i18n";

export function NotFoundPage() {
  return (
    <Page title={t("notFound.title")}>
      <p>{t("notFound.text")}</p>
      <p>
        <a href={href("home")}>{t("notFound.home")}</a>
      </p>
    </Page>
  );
}
