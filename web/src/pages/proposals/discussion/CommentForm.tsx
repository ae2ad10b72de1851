// Writing a comment or a reply. The server decides whether the discussion is open; when it refuses, its reason
// is shown under the text field.
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../../api/client";
import { BusyButton } from "../../../components/BusyButton";
import { Field } from "../../../components/Field";
import { describe } from "../../../components/Problem";
import { t } from "../../../i18n/i18n";
import { useAction } from "../useAction";

const maxLength = 2000;

interface Props {
  id: string;
  path: string;
  replyTo: number | null;
  label: string;
  submitLabel: string;
  focus?: boolean;
  onPosted: () => void;
  onCancel?: () => void;
}

export function CommentForm({ id, path, replyTo, label, submitLabel, focus, onPosted, onCancel }: Props) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focus) field.current?.focus();
  }, [focus]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const comment = text.trim();
    if (!comment || comment.length > maxLength) {
      setError(t("proposal.comment.length", { max: maxLength }));
      field.current?.focus();
      return;
    }
    setError(null);
    if (await run(() => api.post(path, { text: comment, replyTo }))) {
      setText("");
      onPosted();
    } else {
      field.current?.focus();
    }
  };
  return (
    <form class="comment-form" onSubmit={submit} noValidate>
      <Field id={id} label={label} error={error ?? (problem ? describe(problem) : null)}>
        {(a) => <textarea {...a} ref={field} name="comment" rows={3} maxLength={maxLength} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />}
      </Field>
      <p class="button-row">
        <BusyButton busy={busy}>{submitLabel}</BusyButton>
        {onCancel && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            {t("proposal.comment.cancel")}
          </button>
        )}
      </p>
    </form>
  );
}
