/**
 * How values are written for people, the same in reports, summaries and the CLI. Every number goes
 * through Intl.NumberFormat with a fixed locale, so output is the same on every machine, and counts in
 * prose and tables agree ("5,454 words" and "5,454"). signDisplay 'negative' keeps a value that rounds
 * to zero from showing as "-0".
 */

const EXACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, signDisplay: 'negative' });
const UP_TO_3_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, signDisplay: 'negative' });
const FIXED = new Map<number, Intl.NumberFormat>();

/** A number with thousands separators and every decimal it has: 1234567.25 → "1,234,567.25". */
export function formatNumber(value: number): string {
  return EXACT.format(value);
}

/** A number with exactly `digits` decimals and thousands separators: formatFixed(1234.5, 2) → "1,234.50". */
export function formatFixed(value: number, digits: number): string {
  let format = FIXED.get(digits);
  if (!format) FIXED.set(digits, (format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' })));
  return format.format(value);
}

/** A figure's value as people write it: 20000000000 USD → "20 billion USD", 80 percent → "80%". */
export function describeValue(value: number, unit: string): string {
  const scaled =
    Math.abs(value) >= 1e9 ? `${UP_TO_3_DECIMALS.format(value / 1e9)} billion` : Math.abs(value) >= 1e6 ? `${UP_TO_3_DECIMALS.format(value / 1e6)} million` : UP_TO_3_DECIMALS.format(value);
  if (unit === 'count') return scaled;
  if (unit === 'percent') return `${scaled}%`;
  return `${scaled} ${unit}`;
}
