/** Medians over the runs, their spread, the targets, and the printed tables. */
import type { Measurement } from './measure';
import type { Row } from './rows';

/** One run: each row's measurement by name. */
export type RunResult = Record<string, Measurement>;

export type RowSummary = {
  name: string;
  label: string;
  runs: number;
  skipped?: string;
  /** Medians over the runs. */
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  cpuMs?: number;
  htmlKB?: number;
  rscKB?: number;
  value?: number;
  unit?: string;
  /** min–max over the runs. */
  rpsSpread?: [number, number];
  cpuSpread?: [number, number];
  /** Median over the runs of (this row ÷ the compared row, same run). */
  ratio?: number;
  cpuRatio?: number;
  errors: number;
  target?: string;
  met?: boolean;
};

export function median(xs: (number | undefined)[]): number | undefined {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1]! + v[m]!) / 2;
}

function spread(xs: (number | undefined)[]): [number, number] | undefined {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? [Math.min(...v), Math.max(...v)] : undefined;
}

export function summarise(rows: Row[], runs: RunResult[]): RowSummary[] {
  return rows.map((row) => {
    const ms = runs.map((r) => r[row.name]).filter((m): m is Measurement => !!m);
    const pick = (k: keyof Measurement) => ms.map((m) => m[k] as number | undefined);
    const of = row.target?.ratioOf ?? 'health';
    const ratios = runs.map((r) => (r[row.name]?.rps ?? NaN) / (r[of]?.rps ?? NaN));
    const cpuRatios = runs.map((r) => (r[row.name]?.cpuMs ?? NaN) / (r[of]?.cpuMs ?? NaN));
    const s: RowSummary = {
      name: row.name,
      label: row.label ?? row.name,
      runs: ms.length,
      skipped: ms.find((m) => m.skipped)?.skipped,
      rps: median(pick('rps')),
      p50: median(pick('p50')),
      p95: median(pick('p95')),
      p99: median(pick('p99')),
      cpuMs: median(pick('cpuMs')),
      htmlKB: median(pick('htmlKB')),
      rscKB: median(pick('rscKB')),
      value: median(pick('value')),
      unit: ms.find((m) => m.unit)?.unit,
      rpsSpread: spread(pick('rps')),
      cpuSpread: spread(pick('cpuMs')),
      ratio: median(ratios),
      cpuRatio: median(cpuRatios),
      errors: ms.reduce((n, m) => n + (m.errors ?? 0), 0),
    };
    const t = row.target;
    if (t && !s.skipped) {
      const parts: string[] = [];
      let met = true;
      if (t.minRatio !== undefined) {
        parts.push(`≥ ${t.minRatio}×`);
        met &&= (s.ratio ?? 0) >= t.minRatio;
      }
      if (t.maxCpuRatio !== undefined) {
        parts.push(`CPU ≤ ${t.maxCpuRatio}×`);
        met &&= (s.cpuRatio ?? Infinity) <= t.maxCpuRatio;
      }
      s.met = met;
      s.target = `${parts.join(', ')}${t.ratioOf ? ` of ${t.ratioOf}` : ''} ${met ? 'ok' : 'MISSED'}`;
    }
    if (row.name === 'health') s.target = 'baseline';
    return s;
  });
}

const f = (x: number | undefined, digits = 1) => (x === undefined ? '' : x.toFixed(digits));
const range = (r: [number, number] | undefined, digits = 0) =>
  r ? `${r[0].toFixed(digits)}–${r[1].toFixed(digits)}` : '';

export function printTable(summaries: RowSummary[], runs: number) {
  console.log(`\nMedians of ${runs} run${runs === 1 ? '' : 's'} (spread: min–max over the runs).`);
  console.log(
    '\n| endpoint | req/s | spread | p50 ms | p95 ms | p99 ms | × baseline | CPU ms/req | spread | CPU × baseline | HTML KB | RSC KB | target |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of summaries) {
    if (s.skipped) {
      console.log(`| ${s.label} | skipped: ${s.skipped} |||||||||||`);
      continue;
    }
    const rate = s.value !== undefined ? `${f(s.value, 0)} ${s.unit ?? ''}`.trim() : f(s.rps, 0);
    console.log(
      `| ${s.label} | ${rate} | ${range(s.rpsSpread)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${f(s.ratio, 2)} | ${f(s.cpuMs, 2)} | ${range(s.cpuSpread, 2)} | ${f(s.cpuRatio, 2)} | ${f(s.htmlKB)} | ${f(s.rscKB)} | ${s.target ?? ''}${s.errors ? ` (${s.errors} errors!)` : ''} |`,
    );
  }
}
