/**
 * An exact decimal string of `n / 10^places` (integers only, no floating point), trimmed to at least
 * two decimals: 2_000_000 over 5 places → "20.00", 1_280_000_00 over 7 → "12.80".
 */
export function exactDecimal(n: bigint, places: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  let frac = places ? digits.slice(digits.length - places) : '';
  frac = frac.replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** A rate in minor units × factors in thousandths, as major units (pounds): base × Π(milli / 1000) / 100. */
export function rateInMajorUnits(minor: number, millis: number[]): string {
  const n = millis.reduce((acc, m) => acc * BigInt(m), BigInt(minor));
  return exactDecimal(n, 2 + 3 * millis.length);
}
