import fc from 'fast-check';
import { addDays, dayOfWeek, type LocalDate } from '../shared/local-date';
import { businessCalendar, federalRestDays, NOTICE_BUSINESS_DAYS, noticeDeadline } from './business-calendar';

// Ley Federal del Trabajo, art. 74, as amended in 2023, written out by hand (not computed) so the rule is pinned.
const MANDATORY_REST_DAYS: Record<number, readonly LocalDate[]> = {
  2024: [
    '2024-01-01',
    '2024-02-05',
    '2024-03-18',
    '2024-05-01',
    '2024-09-16',
    '2024-10-01',
    '2024-11-18',
    '2024-12-25',
  ],
  2025: ['2025-01-01', '2025-02-03', '2025-03-17', '2025-05-01', '2025-09-16', '2025-11-17', '2025-12-25'],
  2026: ['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25'],
  2027: ['2027-01-01', '2027-02-01', '2027-03-15', '2027-05-01', '2027-09-16', '2027-11-15', '2027-12-25'],
  2028: ['2028-01-01', '2028-02-07', '2028-03-20', '2028-05-01', '2028-09-16', '2028-11-20', '2028-12-25'],
  2029: ['2029-01-01', '2029-02-05', '2029-03-19', '2029-05-01', '2029-09-16', '2029-11-19', '2029-12-25'],
  2030: [
    '2030-01-01',
    '2030-02-04',
    '2030-03-18',
    '2030-05-01',
    '2030-09-16',
    '2030-10-01',
    '2030-11-18',
    '2030-12-25',
  ],
  2031: ['2031-01-01', '2031-02-03', '2031-03-17', '2031-05-01', '2031-09-16', '2031-11-17', '2031-12-25'],
};

const federal = businessCalendar();
const FIRST_DAY = '2024-01-01';
const DAYS_2024_TO_2031 = 2921;

const anyDate = fc.integer({ min: 0, max: DAYS_2024_TO_2031 }).map((offset) => addDays(FIRST_DAY, offset));
const anyBusinessDay = anyDate.filter((date) => federal.isBusinessDay(date));
const someBusinessDays = fc.integer({ min: 1, max: 60 });

describe('federalRestDays — DOMAIN.md "Business days" (LFT art. 74)', () => {
  it.each(Object.entries(MANDATORY_REST_DAYS))('pins the mandatory rest days of %s', (year, expected) => {
    expect([...federalRestDays(Number(year)).keys()].sort()).toEqual(expected);
  });

  it('names each rest day in Spanish', () => {
    expect(federalRestDays(2026).get('2026-11-16')).toBe('Día de la Revolución');
    expect(federalRestDays(2030).get('2030-10-01')).toBe('Transmisión del Poder Ejecutivo Federal');
  });

  it('keeps 1 December as the handover before the 2023 reform and 1 October every six years after 2024', () => {
    expect(federalRestDays(2018).get('2018-12-01')).toBe('Transmisión del Poder Ejecutivo Federal');
    expect(federalRestDays(2036).has('2036-10-01')).toBe(true);
    expect(federalRestDays(2024).has('2024-12-01')).toBe(false);
  });
});

describe('businessCalendar — días hábiles (mecanismo-gobernanza-edomex.md)', () => {
  it('treats weekends and mandatory rest days as non-working, with the reason', () => {
    expect(federal.nonWorkingReason('2026-11-21')).toBe('sábado');
    expect(federal.nonWorkingReason('2026-11-22')).toBe('domingo');
    expect(federal.nonWorkingReason('2026-11-16')).toBe('Día de la Revolución');
    expect(federal.nonWorkingReason('2026-11-17')).toBeUndefined();
    expect(federal.isBusinessDay('2026-11-17')).toBe(true);
  });

  it('adds the non-working days an STL declares (holy week, local holidays), ignoring malformed entries', () => {
    const jalisco = businessCalendar(['2026-04-02', '2026-04-03', 'no-es-fecha']);
    expect(jalisco.nonWorkingReason('2026-04-02')).toBe('día inhábil del STL');
    expect(jalisco.isBusinessDay('2026-04-03')).toBe(false);
    expect(federal.isBusinessDay('2026-04-03')).toBe(true);
    expect(jalisco.addBusinessDays('2026-04-01', 1)).toBe('2026-04-06');
  });

  it('counts business days in a half-open range, negative when reversed', () => {
    expect(federal.businessDaysBetween('2026-11-13', '2026-11-23')).toBe(5);
    expect(federal.businessDaysBetween('2026-11-23', '2026-11-13')).toBe(-5);
    expect(federal.businessDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('refuses a count that is not a whole number instead of looping for ever', () => {
    expect(() => federal.addBusinessDays('2026-11-23', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => federal.addBusinessDays('2026-11-23', 1.5)).toThrow(RangeError);
    expect(federal.addBusinessDays('2026-11-21', 0)).toBe('2026-11-21');
  });
});

describe('noticeDeadline — five business days of notice (mecanismo-gobernanza-edomex.md, DOMAIN.md "Notice")', () => {
  it('gives Fri 2026-11-13 for a session on Mon 2026-11-23, because Mon 2026-11-16 is a rest day', () => {
    expect(noticeDeadline('2026-11-23', federal)).toBe('2026-11-13');
  });

  it('moves earlier when the STL declares one of those days non-working', () => {
    expect(noticeDeadline('2026-11-23', businessCalendar(['2026-11-20']))).toBe('2026-11-12');
  });

  it('always falls on a business day', () => {
    fc.assert(fc.property(anyDate, (session) => federal.isBusinessDay(noticeDeadline(session, federal))));
  });

  it('leaves exactly five business days in [deadline, session)', () => {
    fc.assert(
      fc.property(anyDate, (session) => {
        const deadline = noticeDeadline(session, federal);
        return federal.businessDaysBetween(deadline, session) === NOTICE_BUSINESS_DAYS;
      }),
    );
  });

  it('is the latest such date: the next business day leaves only four', () => {
    fc.assert(
      fc.property(anyDate, (session) => {
        const nextDay = federal.addBusinessDays(noticeDeadline(session, federal), 1);
        return federal.businessDaysBetween(nextDay, session) === NOTICE_BUSINESS_DAYS - 1;
      }),
    );
  });
});

describe('addBusinessDays and businessDaysBetween — properties', () => {
  it('lands on a business day whatever the start', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
        (date, count) => federal.isBusinessDay(federal.addBusinessDays(date, count)),
      ),
    );
  });

  it('round-trips from a business day: adding then subtracting n gives the day back', () => {
    fc.assert(
      fc.property(anyBusinessDay, someBusinessDays, (date, count) => {
        const there = federal.addBusinessDays(date, count);
        return federal.addBusinessDays(there, -count) === date && federal.addBusinessDays(date, -count) !== date;
      }),
    );
  });

  it('agrees with addBusinessDays in both directions from a business day', () => {
    fc.assert(
      fc.property(anyBusinessDay, someBusinessDays, (date, count) => {
        const forward = federal.businessDaysBetween(date, federal.addBusinessDays(date, count));
        const backward = federal.businessDaysBetween(date, federal.addBusinessDays(date, -count));
        return forward === count && backward === -count;
      }),
    );
  });

  it('counts one day fewer forward from a non-working day, which is itself never counted', () => {
    const nonWorkingDay = anyDate.filter((date) => !federal.isBusinessDay(date));
    fc.assert(
      fc.property(nonWorkingDay, someBusinessDays, (date, count) => {
        return federal.businessDaysBetween(date, federal.addBusinessDays(date, count)) === count - 1;
      }),
    );
  });

  it('is additive over adjacent ranges', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        return (
          federal.businessDaysBetween(a, b) + federal.businessDaysBetween(b, c) === federal.businessDaysBetween(a, c)
        );
      }),
      // Each run walks up to eight years day by day; fifty runs keep the suite fast.
      { numRuns: 50 },
    );
  });

  it('never counts a weekend day', () => {
    fc.assert(fc.property(anyDate, (date) => ![0, 6].includes(dayOfWeek(date)) || !federal.isBusinessDay(date)));
  });
});
