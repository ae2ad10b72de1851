// Amounts as people type them, in euros: "1250", "1250.50", "1.250,50", "1,250.50", "€ 1.250". The API takes whole
// cents. One separator followed by exactly three digits groups thousands; followed by one or two digits it marks
// the cents. Anything else is not read as an amount, so nothing is guessed.

export type Parsed = { cents: number } | { error: "empty" | "notAnAmount" | "tooManyDecimals" };

export function parseEuros(input: string): Parsed {
  const text = input.replace(/[\s\u00a0€]/g, "").replace(/^eur/i, "");
  if (text === "") return { error: "empty" };
  if (!/^\d[\d.,]*$/.test(text) || /[.,]{2}|[.,]$/.test(text)) return { error: "notAnAmount" };
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let whole = text;
  let fraction = "";
  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the later one is the decimal mark, the other groups thousands.
    const mark = Math.max(lastDot, lastComma);
    whole = text.slice(0, mark);
    fraction = text.slice(mark + 1);
    const grouping = lastDot > lastComma ? "," : ".";
    if (whole.includes(text[mark]) || !grouped(whole, grouping)) return { error: "notAnAmount" };
    whole = whole.split(grouping).join("");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const parts = text.split(separator);
    if (parts.length > 2 || parts[parts.length - 1].length === 3) {
      if (!grouped(text, separator)) return { error: "notAnAmount" };
      whole = parts.join("");
    } else {
      [whole, fraction] = parts;
    }
  }
  if (fraction.length > 2) return { error: "tooManyDecimals" };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0") || "0");
  return Number.isSafeInteger(cents) ? { cents } : { error: "notAnAmount" };
}

/** "1.250.000" with "." grouping: one to three digits, then groups of exactly three. */
function grouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Cents as the form shows them again for editing, in the reader's language ("1250,50" or "1250.50"). */
export function centsToInput(cents: number, decimalMark: "," | "."): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}${decimalMark}${String(rest).padStart(2, "0")}`;
}
