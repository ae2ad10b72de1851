// A labelled form field with its hint and its error right under it, wired for assistive technology
// (aria-describedby, aria-invalid). The error text comes from the page's own checks or from the server.
import type { ComponentChildren, JSX } from "preact";

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | null;
  children: (described: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => JSX.Element;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-invalid" : "field"}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, "aria-describedby": described, "aria-invalid": error ? true : undefined })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
