// Revoking one voting code (a letter went astray): after a confirmation, that code no longer signs anyone in.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { Field } from "../../components/Field";
import { t } from "../../i18n/i18n";
import { ConfirmAction } from "./ConfirmAction";
import { staffPaths } from "./staffApi";
import { Status } from "./Status";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

export function RevokeCodeForm({ n, onRevoked }: { n: string; onRevoked: () => void }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const action = useAction();
  const revoke = async () => {
    const done = await action.run(async () => {
      await api.post(staffPaths.revokeCode(n), { code: code.trim() });
      return true;
    });
    if (done) {
      setRevoked(t("corporation.codes.revoked", { code: code.trim().toUpperCase() }));
      setCode("");
      onRevoked();
    }
    return !!done;
  };
  return (
    <section aria-labelledby="codes-revoke">
      <h2 id="codes-revoke">{t("corporation.codes.revoke")}</h2>
      <p>{t("corporation.codes.revokeLead")}</p>
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <Field id="revoke-code" label={t("corporation.codes.code")} error={error}>
          {(a) => <TextInput a={a} value={code} onInput={setCode} autocomplete="off" class="code-input" />}
        </Field>
        <ConfirmAction
          id="revoke-code-confirm"
          action={action}
          onConfirm={revoke}
          beforeAsk={() => {
            setRevoked(null);
            setError(code.trim() ? null : t("corporation.codes.codeMissing"));
            return !!code.trim();
          }}
          ask={t("corporation.codes.revokeAsk")}
          confirm={t("corporation.codes.revokeConfirm")}
          explain={<p>{t("corporation.codes.revokeExplain", { code: code.trim().toUpperCase() })}</p>}
        />
      </form>
      <Status>{revoked}</Status>
    </section>
  );
}
