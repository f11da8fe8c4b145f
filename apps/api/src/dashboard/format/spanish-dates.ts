import { type Instant, isLocalDate, type LocalDate, localDateAt, MEXICO_CITY_TIME_ZONE, spanishDate } from '@app/domain';

/** "13 de noviembre de 2026": every date on the board reads like this (d de mes de aaaa); `—` for a missing date. */
export function fechaLarga(date: LocalDate | null | undefined): string {
  return date && isLocalDate(date) ? spanishDate(date) : '—';
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEXICO_CITY_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "13 de noviembre de 2026, 09:05" in Mexico City, for when something was recorded. */
export function fechaYHora(instant: Instant | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) return '—';
  return `${fechaLarga(localDateAt(ms))}, ${clock.format(ms)}`;
}

/** The civil date in Mexico City of an instant (a date column read back as a Date, a timestamp). */
export function fechaDeInstante(instant: Instant | Date | null | undefined): string {
  if (instant === null || instant === undefined) return '—';
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  return Number.isNaN(ms) ? '—' : fechaLarga(localDateAt(ms));
}
