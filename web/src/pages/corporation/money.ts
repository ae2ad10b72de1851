// Amounts as staff type them (euros, Dutch or English notation) to the API's integer cents, and back.

/** "1.250,50", "1250.50", "€ 1250" → cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  let value = text.replace(/[€\s]/g, "");
  if (!/^\d[\d.,]*$/.test(value)) return null;
  const comma = value.lastIndexOf(","), dot = value.lastIndexOf(".");
  const decimal = Math.max(comma, dot);
  // A separator followed by exactly one or two digits is the decimal point; any other is a thousands separator.
  if (decimal >= 0 && value.length - decimal - 1 <= 2) {
    value = value.slice(0, decimal).replace(/[.,]/g, "") + "." + value.slice(decimal + 1);
  } else {
    value = value.replace(/[.,]/g, "");
  }
  const euros = Number(value);
  return Number.isFinite(euros) ? Math.round(euros * 100) : null;
}

/** Cents as a plain number of euros for an input field (no currency sign, no thousands separators). */
export const eurosText = (cents: number | null | undefined) =>
  cents === null || cents === undefined ? "" : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
