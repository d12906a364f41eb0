import type { QuoteInput } from '@/lib/quote';

/**
 * docs/DESIGN.md § The quote, transcribed independently of lib/quote.ts (factors in thousandths,
 * money in pence), so a drift in either the default card or the arithmetic shows up here.
 */
const DESIGN = {
  base: {
    web: 15000,
    print: 25000,
    newsletter: 10000,
    broadcast: 20000,
    academic: 5000,
    internal: 7500,
    'ai-train': 2000,
    'ai-input': 1500,
    'ai-index': 500,
  },
  licensee: { commercial: 1000, 'non-profit': 500, education: 400, individual: 300, ai_developer: 1000 },
  territory: { country: 1000, region: 1300, worldwide: 1600 },
  duration: { '30d': 700, '1y': 1000, perpetual: 2000 },
  portion: { excerpt: 400, full: 1000 },
} as const;

function audienceMilli(a: number): number | null {
  if (a > 10_000_000) return null;
  if (a >= 1_000_000) return 2500;
  if (a >= 100_000) return 1600;
  if (a >= 10_000) return 1000;
  return 600;
}

/** The total docs/DESIGN.md gives, or null for a staff quote. */
export function designTotal(q: QuoteInput): number | null {
  const aud = audienceMilli(q.audience);
  if (aud === null || q.articles.some((a) => a.rightsStatus === 'syndicated_in')) return null;
  const shared = [
    DESIGN.licensee[q.licenseeType],
    aud,
    DESIGN.territory[q.territory],
    DESIGN.duration[q.duration],
    DESIGN.portion[q.portion],
  ];
  if (q.translation) shared.push(1250);
  // Exact value in pence × 1000^(factors+1) × 1000 (for the discount).
  let sum = 0n;
  for (const a of q.articles)
    sum += [...shared, a.premiumMilli].reduce((acc, m) => acc * BigInt(m), BigInt(DESIGN.base[q.use]));
  const n = q.articles.length;
  const keep = n >= 5 ? 800n : n >= 2 ? 900n : 1000n;
  const den = 1000n ** BigInt(shared.length + 1) * 1000n * 100n; // …and 100 pence to the pound
  const exactPoundsTimesDen = sum * keep;
  const pounds = (exactPoundsTimesDen * 2n + den) / (den * 2n); // half up
  return Math.max(Number(pounds) * 100, 2500);
}
