// A new round from a Pabulib (.pb) file, for example to run last year's vote again: its budget, its projects as
// proposals, and the ballot and rule it names. The file's votes can be kept for the rule simulation; they never
// count as ballots. A file that breaks the format is refused whole, with its line number, and nothing is made.
import { useState } from "preact/hooks";
import { api, cyclePaths } from "../../api/client";
import type { CycleAdministration } from "../../api/types";
import { href, navigate } from "../../app/router";
import { BusyButton } from "../../components/BusyButton";
import { Field } from "../../components/Field";
import { ProblemMessage } from "../../components/Problem";
import { t } from "../../i18n/i18n";
import { validId } from "./ids";
import { TextInput } from "./TextInput";
import { useAction } from "./useAction";

interface Imported { cycle: CycleAdministration; votesKept: number }

export function ImportCycleForm({ n }: { n: string }) {
  const [id, setId] = useState("");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [keepVotes, setKeepVotes] = useState(true);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      id: validId(id.trim()) ? null : t("corporation.newCycle.idInvalid"),
      file: file ? null : t("corporation.import.fileMissing"),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean) || !file) return;
    const query = new URLSearchParams({ votes: String(keepVotes) });
    if (title.trim()) query.set("title", title.trim());
    const text = await action.run(() => api.text("POST", `${cyclePaths(n, id.trim()).base}/import?${query}`, file, { contentType: "text/plain" }));
    if (text !== undefined) {
      const imported = JSON.parse(text) as Imported;
      navigate(href("cycleAdministration", { n, c: imported.cycle.cycle.cycleId }));
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <p>{t("corporation.import.lead")}</p>
      <Field id="import-id" label={t("corporation.newCycle.id")} hint={t("corporation.newCycle.idHint")} error={errors.id}>
        {(a) => <TextInput a={a} value={id} onInput={setId} autocomplete="off" />}
      </Field>
      <Field id="import-cycle-title" label={t("corporation.import.titleLabel")} hint={t("corporation.import.titleHint")}>
        {(a) => <TextInput a={a} value={title} onInput={setTitle} autocomplete="off" />}
      </Field>
      <Field id="import-file" label={t("corporation.import.file")} hint={t("corporation.import.fileHint")} error={errors.file}>
        {(a) => <input {...a} type="file" accept=".pb,text/plain" onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />}
      </Field>
      <div class="choice">
        <input type="checkbox" id="import-votes" checked={keepVotes} onChange={(e) => setKeepVotes((e.target as HTMLInputElement).checked)} aria-describedby="import-votes-hint" />
        <label for="import-votes">{t("corporation.import.votes")}</label>
        <p class="hint" id="import-votes-hint">
          {t("corporation.import.votesHint")}
        </p>
      </div>
      {/* The server names the line that broke the format, in its own words. */}
      <ProblemMessage problem={action.problem} id="import-problem" />
      <BusyButton busy={action.busy} describedBy={action.problem ? "import-problem" : undefined}>
        {t("corporation.import.submit")}
      </BusyButton>
    </form>
  );
}
