// Uploading the address list and handing out the mail-merge file that comes back: downloaded at once, and kept
// as a link while this page is open, with the warning that the server cannot give it again.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { formatNumber, t, tn } from "../../i18n/i18n";
import { useAction } from "./useAction";

interface Issued { url: string; name: string; households: number }

export function AddressListUpload({ n, c, onIssued }: { n: string; c: string; onIssued: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const action = useAction();
  const link = useRef<HTMLAnchorElement>(null);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!issued) return;
    // Offer the file at once; the link stays for saving it again while this page is open.
    link.current?.click();
    result.current?.focus();
    // The codes exist in this browser's memory only; let go of them when the page closes.
    return () => URL.revokeObjectURL(issued.url);
  }, [issued]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFileError(file ? null : t("corporation.codes.chooseFile"));
    if (!file) return;
    const text = await action.run(() => api.text("POST", cyclePaths(n, c).votingCodes, file, { contentType: "text/csv" }));
    if (text === undefined) return;
    const name = `voting-codes-${n}-${c}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "")}.csv`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    // Lines after the header: one per household.
    const households = text.split(/\r?\n/).filter((line) => line.trim()).length - 1;
    setIssued({ url, name, households });
    onIssued();
  };

  return (
    <section aria-labelledby="codes-upload">
      <h2 id="codes-upload">{t("corporation.codes.upload")}</h2>
      <p>{t("corporation.codes.uploadLead")}</p>
      <p>{t("corporation.codes.exampleLabel")}</p>
      <pre class="example">{"straat;huisnummer;postcode\nDorpsstraat;1;1234 AB\nDorpsstraat;3;1234 AB"}</pre>
      <form onSubmit={submit} noValidate>
        <Field id="codes-file" label={t("corporation.codes.file")} hint={t("corporation.codes.fileHint")} error={fileError}>
          {(a) => <input {...a} type="file" accept=".csv,text/csv" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />}
        </Field>
        <ProblemMessage problem={action.problem} id="codes-upload-problem" />
        <BusyButton busy={action.busy} describedBy={action.problem ? "codes-upload-problem" : undefined}>
          {t("corporation.codes.generate")}
        </BusyButton>
      </form>
      <div ref={result} tabIndex={-1} role="status">
        {issued && (
          <div class="panel">
            <p>
              <strong>{tn("corporation.codes.issuedNow", issued.households, { count: formatNumber(issued.households) })}</strong>
            </p>
            <p class="notice">{t("corporation.codes.onlyOnce")}</p>
            <p>
              <a ref={link} class="button button-primary" href={issued.url} download={issued.name}>
                {t("corporation.codes.download")}
              </a>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
