/**
 * Business dates of the method are civil dates in Mexico City ("YYYY-MM-DD"), never instants:
 * a stage completed "on 10 November" is that day for everyone, whatever the server's zone.
 */
export type LocalDate = string;

/** An instant in ISO 8601 UTC ("2026-11-22T15:04:05.000Z"): when something happened. */
export type Instant = string;

export const MEXICO_CITY_TIME_ZONE = 'America/Mexico_City';

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtcMidnight(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`Fecha inválida: ${String(date)}`);
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function localDate(year: number, month: number, day: number): LocalDate {
  return fromUtcMidnight(Date.UTC(year, month - 1, day));
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** Calendar months, clamped to the last day of a shorter month (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return localDate(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const mexicoCityParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: MEXICO_CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsInMexicoCity(ms: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of mexicoCityParts.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The civil date in Mexico City at an instant. */
export function localDateAt(instant: Instant | number): LocalDate {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const parts = partsInMexicoCity(ms);
  return localDate(parts.year, parts.month, parts.day);
}

/** The instant at which a Mexico City wall-clock time occurs on a date (e.g. reminders at 09:00). */
export function instantAt(date: LocalDate, hour = 0, minute = 0): Instant {
  const wallClockAsUtc = toUtcMidnight(date) + (hour * 60 + minute) * 60_000;
  // The zone's offset at that moment; one correction is enough because Mexico City changes offset at night.
  const parts = partsInMexicoCity(wallClockAsUtc);
  const shownAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return new Date(wallClockAsUtc + (wallClockAsUtc - shownAsUtc)).toISOString();
}
