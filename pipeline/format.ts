/** How values are written for people, the same in reports, summaries and the CLI. */

/** A number with thousands separators, the same on every machine and locale. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A figure's value as people write it: 20000000000 USD → "20 billion USD", 80 percent → "80%". */
export function describeValue(value: number, unit: string): string {
  const scaled =
    Math.abs(value) >= 1e9 ? `${+(value / 1e9).toFixed(3)} billion` : Math.abs(value) >= 1e6 ? `${+(value / 1e6).toFixed(3)} million` : formatNumber(+value.toFixed(3));
  if (unit === 'count') return scaled;
  if (unit === 'percent') return `${scaled}%`;
  return `${scaled} ${unit}`;
}
