import { describe, it, expect } from 'vitest';
import { same } from '../../test/helpers/same-ms.js';
import { format as dateFnsFormat, parse as dateFnsParse } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { UTCDate, utc } from '@date-fns/utc';
import { mulberry32 } from '../../test/helpers/prng.js';
import {
  compileDateFormat,
  dateFormatProblem,
  isHandCompiledDateFormat,
  isValidDateFormat,
  readDayMonthDate,
  readDayMonthDateInto,
  type DayMonthReading,
} from './parse-date.js';

// Every expectation is a Date.UTC constant, so results cannot depend on the machine's TZ.
const U = Date.UTC;

describe('readDayMonthDate', () => {
  it.each([
    ['13/01/2024', U(2024, 0, 13), NaN],
    ['01/13/2024', NaN, U(2024, 0, 13)],
    ['05/06/2024', U(2024, 5, 5), U(2024, 4, 6)],
    ['5/6/2024', U(2024, 5, 5), U(2024, 4, 6)],
    ['1/1/2024', U(2024, 0, 1), U(2024, 0, 1)],
    ['9/8/18 15:29', U(2018, 7, 9, 15, 29), U(2018, 8, 8, 15, 29)],
    ['31-12-2017', U(2017, 11, 31), NaN],
    ['31.12.2017', U(2017, 11, 31), NaN],
    ['31.12.2017 23:59:58', U(2017, 11, 31, 23, 59, 58), NaN],
    ['12/31/2017 23:59', NaN, U(2017, 11, 31, 23, 59)],
    ['1/2/2024 1:05 PM', U(2024, 1, 1, 13, 5), U(2024, 0, 2, 13, 5)],
    ['1/2/2024 1:05 AM', U(2024, 1, 1, 1, 5), U(2024, 0, 2, 1, 5)],
    ['1/2/2024 12:00 AM', U(2024, 1, 1, 0, 0), U(2024, 0, 2, 0, 0)],
    ['1/2/2024 12:30 PM', U(2024, 1, 1, 12, 30), U(2024, 0, 2, 12, 30)],
    ['1/2/2024 11:59:59 pm', U(2024, 1, 1, 23, 59, 59), U(2024, 0, 2, 23, 59, 59)],
    ['1/2/2024 1:05PM', U(2024, 1, 1, 13, 5), U(2024, 0, 2, 13, 5)],
    ['29/02/2024', U(2024, 1, 29), NaN],
    ['02/29/2024', NaN, U(2024, 1, 29)],
    ['29/02/2023', NaN, NaN],
    ['1/1/49', U(2049, 0, 1), U(2049, 0, 1)],
    ['1/1/50', U(1950, 0, 1), U(1950, 0, 1)],
    ['1/1/00', U(2000, 0, 1), U(2000, 0, 1)],
    ['31/1/99', U(1999, 0, 31), NaN],
    [' 13/01/2024 ', U(2024, 0, 13), NaN],
  ])('%j → dmy %d, mdy %d', (raw, dmy, mdy) => {
    const r = readDayMonthDate(raw);
    same(r.dmy, dmy, 'dmy');
    same(r.mdy, mdy, 'mdy');
  });

  it.each([
    '13/13/2024',
    '0/1/2024',
    '32/01/2024',
    '1/2/2024 24:00',
    '1/2/2024 13:00 PM',
    '1/2/2024 0:30 AM',
    '1/2/2024 10:60',
    '1/2/2024 10:5',
    '1/2/2024 10',
    '1/2/2024T10:00',
    '1/2/2024  10:00',
    '1/2/2024 10:00 XM',
    '1/2/2024 10:00 A',
    '1/2-2024',
    '1.2/2024',
    '1/2/024',
    '1/2/20245',
    '1/2/0000',
    '123/1/2024',
    '2024/01/15',
    '2024-01-15',
    '1/2',
    '',
    'a/b/cccc',
  ])('%j → not this shape or invalid both ways', (raw) => {
    const r = readDayMonthDate(raw);
    expect(r.dmy).toBeNaN();
    expect(r.mdy).toBeNaN();
  });

  it('readDayMonthDateInto writes into, and resets, the caller object', () => {
    const out: DayMonthReading = { dmy: 1, mdy: 2 };
    readDayMonthDateInto('13/01/2024', out);
    expect(out.dmy).toBe(U(2024, 0, 13));
    expect(out.mdy).toBeNaN();
    readDayMonthDateInto('nonsense', out);
    expect(out.dmy).toBeNaN();
    expect(out.mdy).toBeNaN();
  });
});

describe('isValidDateFormat', () => {
  it.each([
    'yyyy-MM-dd',
    'dd/MM/yyyy HH:mm',
    'M/d/yyyy H:mm',
    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    'MMM d, yyyy h:mm a',
    'EEEE, MMMM do yyyy',
    'yyyyMMdd',
    'yy',
    'P',
    'Pp',
    "RRRR-'W'II-i",
    't',
  ])('%j is valid', (f) => {
    expect(isValidDateFormat(f)).toBe(true);
    expect(dateFormatProblem(f)).toBeNull();
  });

  it.each([
    '',
    'YYYY-MM-DD',
    'yyyy-MM-DD',
    'YY/MM/dd',
    'HH:mm',
    'dd/MM',
    'yyyy-MM-dd HH:mm a',
    'yyyy-MM-dd Q',
    'yyyy yyyy',
    'yyyy-MM-dd T',
    'yyyy-MM-dd f',
    "yyyy-MM-ddTHH:mm",
    'nonsense',
    '\n',
  ])('%j is not', (f) => {
    expect(isValidDateFormat(f)).toBe(false);
    expect(typeof dateFormatProblem(f)).toBe('string');
  });

  it('compileDateFormat throws a RangeError for formats date-fns rejects', () => {
    expect(() => compileDateFormat('YYYY-MM-DD')).toThrow(RangeError);
    expect(() => compileDateFormat('yyyy-MM-dd HH:mm a')).toThrow(RangeError);
    expect(() => compileDateFormat('')).toThrow(RangeError);
  });
});

describe('compileDateFormat', () => {
  it.each([
    ['M/d/yyyy H:mm', '1/5/2024 9:05', U(2024, 0, 5, 9, 5)],
    ['M/d/yyyy H:mm', '12/25/2024 23:59', U(2024, 11, 25, 23, 59)],
    ['M/d/yyyy H:mm', '2/30/2024 9:05', NaN],
    ['M/d/yyyy H:mm', '2/29/2023 9:05', NaN],
    ['M/d/yyyy H:mm', '2/29/2024 9:05', U(2024, 1, 29, 9, 5)],
    ['dd/MM/yyyy HH:mm', '31/12/2017 23:59', U(2017, 11, 31, 23, 59)],
    ['dd/MM/yyyy HH:mm', '31/12/2017 24:00', NaN],
    ['dd/MM/yyyy HH:mm', '31/12/2017 23:60', NaN],
    ['dd.MM.yyyy', '15.01.2024', U(2024, 0, 15)],
    ['yyyyMMdd', '19970101', U(1997, 0, 1)],
    ['yyyyMMdd', '19971301', NaN],
    ['dd/MM/yy', '01/02/49', U(2049, 1, 1)],
    ['dd/MM/yy', '01/02/50', U(1950, 1, 1)],
    ['d-MMM-yyyy', '5-Jan-2024', U(2024, 0, 5)],
    ['d-MMM-yyyy', '5-jan-2024', U(2024, 0, 5)],
    ['d-MMM-yyyy', '5-SEP-2024', U(2024, 8, 5)],
    ['MMM d, yyyy h:mm a', 'Mar 3, 2024 12:15 AM', U(2024, 2, 3, 0, 15)],
    ['MMM d, yyyy h:mm a', 'Mar 3, 2024 12:15 PM', U(2024, 2, 3, 12, 15)],
    ['MMM d, yyyy h:mm a', 'Mar 3, 2024 1:15 pm', U(2024, 2, 3, 13, 15)],
    ['MMM d, yyyy h:mm a', 'Mar 3, 2024 13:15 PM', NaN],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2024-01-15T10:00:00.250+05:30', U(2024, 0, 15, 4, 30, 0, 250)],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2024-01-15T10:00:00.250Z', U(2024, 0, 15, 10, 0, 0, 250)],
    ['yyyy-MM-dd HH:mm:ss xx', '2024-01-15 10:23:45 -0500', U(2024, 0, 15, 15, 23, 45)],
    ['yyyy-MM-dd HH:mm:ss X', '2024-01-15 10:23:45 +05', U(2024, 0, 15, 5, 23, 45)],
    // fallback through date-fns, in UTC
    ['EEEE, MMMM do yyyy', 'Monday, January 15th 2024', U(2024, 0, 15)],
    ['do MMMM yyyy HH:mm', '1st March 2024 08:30', U(2024, 2, 1, 8, 30)],
  ])('%j reads %j as %d', (format, raw, expected) => {
    same(compileDateFormat(format)(raw), expected);
  });

  it('hand-compiles the common tokens and falls back for the rest', () => {
    for (const f of ['M/d/yyyy H:mm', 'dd/MM/yyyy', 'MMM d, yyyy h:mm a', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'yyyyMMdd', 'P', 'y-M-d']) {
      expect(isHandCompiledDateFormat(f), f).toBe(true);
    }
    for (const f of ['EEEE, MMMM do yyyy', 'MMMM d yyyy', "RRRR-'W'II-i", 't', 'yyyyy-MM-dd', 'PPPP']) {
      expect(isHandCompiledDateFormat(f), f).toBe(false);
    }
  });
});

describe('compileDateFormat fast path ≡ date-fns parse in UTC (differential)', () => {
  const REF = Date.UTC(2000, 0, 1);
  const reference = (raw: string, format: string): number =>
    dateFnsParse(raw, format, REF, { in: utc, locale: enUS }).getTime();

  // Deterministic pseudo-random numbers (mulberry32).
  const rand = mulberry32(0xda7e);
  const pick = <T,>(xs: ArrayLike<T>): T => xs[Math.floor(rand() * xs.length)] as T;
  const NOISE = '0123456789/-.: ,TZ+apmAPMJjDdxo\'\t';
  const OFFSETS = ['Z', '+05:30', '-0500', '+05', '-00:00', '+1400', '+05:30:15', '+053015', 'z', '+5', '-05:3', 'GMT'];
  const EXTRA = [
    '',
    ' ',
    '0',
    '00/00/0000',
    '2/29/2023 1:00',
    '2/29/2024 1:00',
    '29/02/2023 10:00',
    '31/04/2024',
    '13/13/2024',
    '12/31/1999 11:59 PM',
    '1/1/0 0:00',
    '2024-02-29',
    '2023-02-29T10:00:00Z',
    '20240230',
    '2024-01-15T24:00:00.000Z',
    '2024-01-15T23:60:00.000Z',
    'Feb 29, 2023 12:00 PM',
    'Feb 29, 2024 12:00 a.m.',
    'Jan 1, 2024 12:00 noon',
    'Jan 1, 2024 12:00 midnight',
    'Jan 1, 2024 9:00 in the evening',
    'Jan 1, 2024 9:00 at night',
    'Jan 1, 2024 9:00 p',
    'Jan 1, 2024 9:00 n',
    'J 1, 2024 9:00 AM',
    'Sept 1, 2024 9:00 AM',
    '01-Jan-24',
    '1-January-2024',
    '2024-01-15 10:23:45 -0500 ',
    ' 2024-01-15',
    '999-01-15',
    '24-1-5',
  ];

  const formats = [
    'yyyy-MM-dd',
    'dd/MM/yyyy',
    'MM/dd/yyyy',
    'd/M/yyyy',
    'M/d/yyyy H:mm',
    'dd/MM/yyyy HH:mm',
    'dd/MM/yyyy HH:mm:ss',
    'd.M.yy',
    'dd-MM-yy H:m:s',
    'yyyyMMdd',
    'yyyyMMddHHmmss',
    'y-M-d',
    'yyy-MM-dd',
    'MM/yyyy',
    'dd-MMM-yyyy',
    'd MMM yy',
    'MMM d, yyyy h:mm a',
    'M/d/yy h:mm:ss aa',
    'hh:mm a dd/MM/yyyy',
    'yyyy-MM-dd h a',
    'yyyy-MM-dd aaa',
    "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    "yyyy-MM-dd'T'HH:mm:ssxxx",
    'yyyy-MM-dd HH:mm:ss xx',
    'yyyy-MM-dd HH:mm:ss X',
    'yyyy-MM-dd HH:mm:ss x',
    'yyyy-MM-dd HH:mm:ss XXXX',
    'yyyy-MM-dd HH:mm:ssXXXXX',
    'yyyy-MM-dd HH:mm:ss.S',
    'yyyy-MM-dd HH:mm:ss.SS',
    'yyyy-MM-dd HH:mm:ss.SSSSSS',
    "yyyy-MM-dd 'at' HH:mm",
    "dd 'de' MMM yyyy, HH'h'mm",
    "yyyy''MM''dd",
    'P',
  ];

  for (const format of formats) {
    it(`${format}`, () => {
      expect(isHandCompiledDateFormat(format)).toBe(true);
      const fast = compileDateFormat(format);
      const values: string[] = [...EXTRA];
      // Well-formed values: random instants written by date-fns itself.
      const valid: string[] = [];
      for (let i = 0; i < 14; i++) {
        const t = Math.floor(rand() * 4_102_444_800_000) - 1_500_000_000_000; // ~1922–2100
        valid.push(dateFnsFormat(new UTCDate(t), format));
      }
      values.push(...valid);
      // Malformed ones: single edits of well-formed values.
      for (let i = 0; i < 36; i++) {
        const v = pick(valid);
        const at = Math.floor(rand() * (v.length + 1));
        switch (i % 6) {
          case 0:
            values.push(v.slice(0, at) + pick(NOISE) + v.slice(at + 1)); // replace
            break;
          case 1:
            values.push(v.slice(0, at) + v.slice(at + 1)); // delete
            break;
          case 2:
            values.push(v.slice(0, at) + pick(NOISE) + v.slice(at)); // insert
            break;
          case 3:
            values.push(v.replace(/\d\d/, String(Math.floor(rand() * 100)).padStart(2, '0'))); // another 2-digit field
            break;
          case 4:
            values.push(v.replace(/Z$|[+-]\d\d(:?\d\d)?$/, pick(OFFSETS)) + (rand() < 0.3 ? ' ' : '')); // other offsets
            break;
          default:
            values.push(v.replace(/(AM|PM)/, pick(['am', 'pm', 'a.m.', 'P.M.', 'a m', 'A', 'p', 'mi', 'noon', 'NOON', 'midnight', 'in the morning', 'in the afternoon', 'at evening', 'xm'])));
        }
      }
      expect(values.length).toBeGreaterThanOrEqual(50);
      let valid0 = 0;
      for (const raw of values) {
        const expected = reference(raw, format);
        if (!Number.isNaN(expected)) valid0++;
        same(fast(raw), expected, `${format} ← ${JSON.stringify(raw)}`);
      }
      // The differential really covers valid values (`yyy` cannot read what date-fns writes for 4-digit years).
      expect(valid0).toBeGreaterThanOrEqual(format.startsWith('yyy-') ? 1 : 14);
    });
  }
});
