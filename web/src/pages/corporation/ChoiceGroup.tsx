// A set of radio buttons in a fieldset with a legend, each option with an optional hint under it.
interface Props<T extends string> {
  id: string;
  legend: string;
  options: T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => string;
  hint?: (option: T) => string;
}

export function ChoiceGroup<T extends string>({ id, legend, options, value, onChange, label, hint }: Props<T>) {
  return (
    <fieldset class="plain-fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div class="choice" key={option}>
          <input type="radio" id={`${id}-${option}`} name={id} value={option} checked={value === option} onChange={() => onChange(option)}
            aria-describedby={hint ? `${id}-${option}-hint` : undefined} />
          <label for={`${id}-${option}`}>{label(option)}</label>
          {hint && (
            <p class="hint" id={`${id}-${option}-hint`}>
              {hint(option)}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}
