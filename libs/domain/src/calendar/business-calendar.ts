import {
  addDays,
  compareDates,
  dayOfWeek,
  isLocalDate,
  localDate,
  type LocalDate,
  yearOf,
} from '../shared/local-date';

/**
 * Días hábiles: Monday to Friday minus the mandatory rest days of the Ley Federal del Trabajo, art. 74, minus the
 * days each STL declares non-working (holy week, December recess, local holidays). Election days (art. 74, IX)
 * are Sundays by law, so they never remove a business day.
 */
export interface BusinessCalendar {
  isBusinessDay(date: LocalDate): boolean;
  /** `count` business days after `date` (before it when negative); `date` itself is never counted. */
  addBusinessDays(date: LocalDate, count: number): LocalDate;
  /** Business days in the half-open range [from, to); negative when `to` precedes `from`. */
  businessDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The mandatory rest day or STL non-working day that `date` is, if any. */
  nonWorkingReason(date: LocalDate): string | undefined;
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): LocalDate {
  const first = localDate(year, month, 1);
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return addDays(first, offset + (nth - 1) * 7);
}

const MONDAY = 1;
const FIRST_TERM_FROM_OCTOBER = 2024;

/** Art. 74 LFT, as amended in 2023 (the presidential term now starts on 1 October). */
export function federalRestDays(year: number): ReadonlyMap<LocalDate, string> {
  const days = new Map<LocalDate, string>([
    [localDate(year, 1, 1), 'Año Nuevo'],
    [nthWeekdayOfMonth(year, 2, MONDAY, 1), 'Día de la Constitución'],
    [nthWeekdayOfMonth(year, 3, MONDAY, 3), 'Natalicio de Benito Juárez'],
    [localDate(year, 5, 1), 'Día del Trabajo'],
    [localDate(year, 9, 16), 'Día de la Independencia'],
    [nthWeekdayOfMonth(year, 11, MONDAY, 3), 'Día de la Revolución'],
    [localDate(year, 12, 25), 'Navidad'],
  ]);
  const yearsFromFirstOctoberTerm = year - FIRST_TERM_FROM_OCTOBER;
  if (yearsFromFirstOctoberTerm % 6 === 0) {
    const handover = yearsFromFirstOctoberTerm >= 0 ? localDate(year, 10, 1) : localDate(year, 12, 1);
    days.set(handover, 'Transmisión del Poder Ejecutivo Federal');
  }
  return days;
}

export function businessCalendar(extraNonWorkingDays: readonly LocalDate[] = []): BusinessCalendar {
  const extra = new Set(extraNonWorkingDays.filter(isLocalDate));
  const restDaysByYear = new Map<number, ReadonlyMap<LocalDate, string>>();
  const restDaysOf = (year: number) => {
    let days = restDaysByYear.get(year);
    if (!days) {
      days = federalRestDays(year);
      restDaysByYear.set(year, days);
    }
    return days;
  };

  const nonWorkingReason = (date: LocalDate): string | undefined => {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return weekday === 0 ? 'domingo' : 'sábado';
    return restDaysOf(yearOf(date)).get(date) ?? (extra.has(date) ? 'día inhábil del STL' : undefined);
  };
  const isBusinessDay = (date: LocalDate) => nonWorkingReason(date) === undefined;

  const addBusinessDays = (date: LocalDate, count: number): LocalDate => {
    // A fractional or infinite count (a misconfigured policy) would otherwise loop for ever.
    if (!Number.isInteger(count)) throw new RangeError(`Número de días hábiles inválido: ${count}`);
    const step = count < 0 ? -1 : 1;
    let remaining = Math.abs(count);
    let current = date;
    while (remaining > 0) {
      current = addDays(current, step);
      if (isBusinessDay(current)) remaining -= 1;
    }
    return current;
  };

  const businessDaysBetween = (from: LocalDate, to: LocalDate): number => {
    const order = compareDates(from, to);
    if (order > 0) return -businessDaysBetween(to, from);
    let count = 0;
    for (let current = from; compareDates(current, to) < 0; current = addDays(current, 1)) {
      if (isBusinessDay(current)) count += 1;
    }
    return count;
  };

  return { isBusinessDay, addBusinessDays, businessDaysBetween, nonWorkingReason };
}

/** Días hábiles of notice a convocation needs (mecanismo de gobernanza del Estado de México). */
export const NOTICE_BUSINESS_DAYS = 5;

/**
 * The latest valid convocation date: the fifth business day preceding the session, the session date not counted
 * (DOMAIN.md, "Notice"). Session Mon 2026-11-23, with Mon 2026-11-16 a rest day → Fri 2026-11-13.
 */
export function noticeDeadline(
  sessionDate: LocalDate,
  calendar: BusinessCalendar,
  businessDays: number = NOTICE_BUSINESS_DAYS,
): LocalDate {
  return calendar.addBusinessDays(sessionDate, -businessDays);
}
