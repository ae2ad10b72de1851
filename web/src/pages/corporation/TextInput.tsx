// A text input wired to a Field (label, hint, error) and to a string in the page's state.
interface Props {
  a: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "url";
  inputMode?: "decimal" | "numeric" | "text";
  autocomplete?: string;
  class?: string;
}

export function TextInput({ a, value, onInput, type = "text", inputMode, autocomplete, class: className }: Props) {
  return (
    <input
      {...a}
      type={type as "text"}
      class={className}
      inputMode={inputMode}
      autocomplete={autocomplete}
      spellcheck={false}
      value={value}
      onInput={(e) => onInput((e.target as HTMLInputElement).value)}
    />
  );
}
