// The receipt as the voter keeps it: the text, a copy button, a file to download, and where to check it later.
import { useState } from "preact/hooks";
import { href } from "../../../app/router";
import { formatNumber, t } from "../../../i18n/i18n";

export function Receipt({ n, c, receipt, position, entryHash }: { n: string; c: string; receipt: string; position: number; entryHash: string }) {
  const [copied, setCopied] = useState(false);
  const file = new Blob([`${t("receipt.fileIntro", { neighbourhood: n, cycle: c })}\n\n${receipt}\n\n${t("receipt.fileCheck")} ${window.location.origin}${href("checkReceipt", { n, c }, { receipt })}\n`], {
    type: "text/plain;charset=utf-8",
  });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section class="receipt panel" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t("receipt.title")}</h2>
      <p>{t("receipt.explain")}</p>
      <dl>
        <dt>{t("receipt.code")}</dt>
        <dd>
          <code class="hash" data-testid="receipt">
            {receipt}
          </code>
        </dd>
        <dt>{t("receipt.position")}</dt>
        <dd>{formatNumber(position)}</dd>
        <dt>{t("receipt.hash")}</dt>
        <dd>
          <code class="hash">{entryHash}</code>
        </dd>
      </dl>
      <p class="button-row">
        <button type="button" class="button button-secondary" onClick={copy}>
          {t("receipt.copy")}
        </button>
        <a class="button button-secondary" href={URL.createObjectURL(file)} download={`buurtbudget-receipt-${n}-${c}.txt`}>
          {t("receipt.download")}
        </a>
      </p>
      <p role="status">{copied ? t("receipt.copied") : ""}</p>
      <p>
        <a href={href("checkReceipt", { n, c }, { receipt })}>{t("receipt.checkLater")}</a>
      </p>
    </section>
  );
}
