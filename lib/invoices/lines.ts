/**
 * An invoice's lines from the request's quote and the agreed fee. Pure. The lines always add up
 * to the fee exactly: each article at its quoted amount, then the volume discount, the rounding
 * (and minimum) of the total, and — when the desk agreed a different fee (a counter-offer, an
 * adjusted approval) — the difference, each as a line of its own. A request priced only by staff
 * has no per-article amounts: its articles are listed and the fee is one line.
 */
import type { Duration, Portion, Territory, Use } from '@/db/enums';
import { isCatalogueQuote, type CatalogueQuote } from '@/lib/catalogue-licences/quote';
import { formatFactor, type Quote } from '@/lib/quote';
import { DURATION_LABELS, factorLabel, PORTION_LABELS, TERRITORY_LABELS, USE_LABELS } from '@/lib/requests/labels';

export type InvoiceLine = {
  description: string;
  /** The quote's factors in words. */
  detail: string;
  /** Minor units, VAT included where charged; null for a line that only lists an article. */
  amount: number | null;
};

export type LineUse = {
  use: Use;
  territory: Territory;
  duration: Duration;
  portion: Portion;
  translation: boolean;
};

export function invoiceLines(q: Quote, use: LineUse, fee: number): InvoiceLine[] {
  const scope = [
    `${USE_LABELS[use.use]} use`,
    TERRITORY_LABELS[use.territory].toLowerCase(),
    DURATION_LABELS[use.duration].toLowerCase(),
    PORTION_LABELS[use.portion].toLowerCase(),
    ...(use.translation ? ['translation'] : []),
  ].join(', ');
  const detailOf = (l: Quote['lines'][number]) =>
    [`base ${(l.base / 100).toFixed(2)}`, ...l.factors.map((f) => `${factorLabel(f)} ${formatFactor(f.milli)}`)].join(
      ' · ',
    );

  if (isCatalogueQuote(q)) return catalogueLines(q, use, fee);
  if (q.total === null) {
    return [
      ...q.lines.map((l) => ({ description: `“${l.title}” — ${scope}`, detail: 'Priced by the desk', amount: null })),
      {
        description: `Licence fee agreed with the desk for ${plural(q.lines.length, 'article')}`,
        detail: '',
        amount: fee,
      },
    ];
  }
  const lines: InvoiceLine[] = q.lines.map((l) => ({
    description: `“${l.title}” — ${scope}`,
    detail: detailOf(l),
    amount: l.amount,
  }));
  // The lines are each rounded to the penny and the total only once: the rounding line takes the difference.
  let sum = linesTotal(lines);
  if (q.discount.amount) {
    lines.push({
      description: `Volume discount, ${plural(q.lines.length, 'article')}`,
      detail: `−${q.discount.milli / 10} %`,
      amount: -q.discount.amount,
    });
    sum -= q.discount.amount;
  }
  if (q.total !== sum) {
    lines.push({
      description: q.minimumApplied ? 'Raised to the minimum fee' : 'Rounding of the total',
      detail: '',
      amount: q.total - sum,
    });
    sum = q.total;
  }
  if (fee !== sum) {
    lines.push({ description: 'Fee agreed with the desk', detail: '', amount: fee - sum });
  }
  return lines;
}

/** A catalogue licence: one line per volume tier (no article is listed: there may be thousands). */
function catalogueLines(q: CatalogueQuote, use: LineUse, fee: number): InvoiceLine[] {
  const scope = [
    `${USE_LABELS[use.use]} use`,
    TERRITORY_LABELS[use.territory].toLowerCase(),
    DURATION_LABELS[use.duration].toLowerCase(),
  ].join(', ');
  const c = q.catalogue;
  const what = `Catalogue licence, ${plural(c.articles, 'article')}${c.ongoing ? ' (including a year’s new articles)' : ''}`;
  if (q.total === null) return [{ description: `${what} — ${scope}`, detail: 'Fee agreed with the desk', amount: fee }];
  const lines: InvoiceLine[] = c.tiers.map((t) => ({
    description: `${what}: articles ${t.from.toLocaleString('en-GB')}–${t.to.toLocaleString('en-GB')} — ${scope}`,
    detail: `${plural(t.articles, 'article')} at ${(t.rate / 100).toFixed(2)} (${t.milli / 10} % of the rate)`,
    amount: t.amount,
  }));
  let sum = linesTotal(lines);
  if (q.total !== sum) {
    lines.push({
      description: q.minimumApplied ? 'Raised to the minimum fee' : 'Rounding of the total',
      detail: '',
      amount: q.total - sum,
    });
    sum = q.total;
  }
  if (fee !== sum) lines.push({ description: 'Fee agreed with the desk', detail: '', amount: fee - sum });
  return lines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const linesTotal = (lines: InvoiceLine[]) => lines.reduce((s, l) => s + (l.amount ?? 0), 0);
