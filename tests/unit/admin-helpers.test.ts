import { describe, expect, it } from 'vitest';
import { formatAge, isOverdue, workingDaysSince } from '@/lib/requests/age';
import { csvCell, csvLine } from '@/lib/requests/csv';
import { decimalToInt, intToDecimal } from '@/lib/validation/amounts';

describe('working days', () => {
  // 2026-03-06 is a Friday.
  const fri = '2026-03-06T15:00:00.000Z';
  const at = (day: string) => new Date(`${day}T09:00:00.000Z`);

  it('skips weekends', () => {
    expect(workingDaysSince(fri, at('2026-03-06'))).toBe(0);
    expect(workingDaysSince(fri, at('2026-03-07'))).toBe(0); // Saturday
    expect(workingDaysSince(fri, at('2026-03-08'))).toBe(0); // Sunday
    expect(workingDaysSince(fri, at('2026-03-09'))).toBe(1); // Monday
    expect(workingDaysSince(fri, at('2026-03-11'))).toBe(3);
    expect(workingDaysSince(fri, at('2026-03-20'))).toBe(10);
    expect(workingDaysSince(fri, at('2026-03-01'))).toBe(0); // clock skew: never negative
  });

  it('matches a day-by-day count over many starts and spans', () => {
    const slow = (from: Date, to: Date) => {
      let n = 0;
      for (
        let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + 86_400_000;
        t <= to.getTime();
        t += 86_400_000
      ) {
        const dow = new Date(t).getUTCDay();
        if (dow !== 0 && dow !== 6) n += 1;
      }
      return n;
    };
    for (let s = 0; s < 14; s += 1) {
      for (let span = 0; span < 40; span += 3) {
        const from = new Date(Date.UTC(2026, 0, 1 + s, 12));
        const to = new Date(from.getTime() + span * 86_400_000);
        expect(workingDaysSince(from, to)).toBe(slow(from, to));
      }
    }
  });

  it('overdue: waiting on staff for more than two working days', () => {
    expect(isOverdue('submitted', fri, at('2026-03-10'))).toBe(false); // Tuesday: 2
    expect(isOverdue('submitted', fri, at('2026-03-11'))).toBe(true); // Wednesday: 3
    expect(isOverdue('in_review', fri, at('2026-03-11'))).toBe(true);
    expect(isOverdue('countered', fri, at('2026-03-11'))).toBe(false); // waiting on the publisher
    expect(isOverdue('approved', fri, at('2026-03-11'))).toBe(false);
  });

  it('formats ages', () => {
    const now = new Date('2026-03-06T15:30:00.000Z');
    expect(formatAge('2026-03-06T15:00:00.000Z', now)).toBe('30 min');
    expect(formatAge('2026-03-05T15:30:00.000Z', now)).toBe('24 h');
    expect(formatAge('2026-03-01T15:30:00.000Z', now)).toBe('5 days');
  });
});

describe('CSV cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(true)).toBe('yes');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvLine(['x', 1, null])).toBe('x,1,\r\n');
  });
});

describe('amounts', () => {
  it('parses decimals exactly', () => {
    expect(decimalToInt('150', 2)).toBe(15000);
    expect(decimalToInt('150.5', 2)).toBe(15050);
    expect(decimalToInt('0.29', 2)).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(decimalToInt('1.125', 3)).toBe(1125);
    expect(decimalToInt('1.1255', 3)).toBeNull();
    expect(decimalToInt('-1', 2)).toBeNull();
    expect(decimalToInt('1e3', 2)).toBeNull();
    expect(intToDecimal(1250, 3)).toBe('1.25');
    expect(intToDecimal(15000, 2)).toBe('150');
    expect(intToDecimal(15050, 2)).toBe('150.5');
  });
});
