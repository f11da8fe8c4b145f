import { addDays, type Instant, type LocalDate, MEXICO_CITY_TIME_ZONE } from '@app/domain';

/** One event of a calendar: a session of an STL. */
export interface CalendarEvent {
  /** Globally unique and stable: the same session always has the same UID, so calendars update it in place. */
  readonly uid: string;
  readonly date: LocalDate;
  /** `HH:MM`, wall-clock time in Mexico City; without it, an all-day event on `date`. */
  readonly startTime?: string;
  /** For timed events; two hours when absent. */
  readonly durationMinutes?: number;
  readonly summary: string;
  readonly description: string;
  readonly location?: string;
  readonly url?: string;
  readonly cancelled?: boolean;
  /** Incremented when a published event changes (RFC 5545 SEQUENCE). */
  readonly sequence?: number;
}

export interface CalendarOptions {
  /** Shown by calendar applications as the calendar's name. */
  readonly name: string;
  /** DTSTAMP of every event: when the data was produced (passed in, so the output is a pure function). */
  readonly stamp: Instant;
  /** `CANCEL` for the e-mail that cancels a session (RFC 5546); `PUBLISH` otherwise. */
  readonly method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}

const PRODUCT_ID = '-//INAI//Cocreacion desde lo Local//ES';
const MAX_LINE_OCTETS = 75;

/**
 * An iCalendar file (RFC 5545, METHOD:PUBLISH) with one VEVENT per session: CRLF line ends, lines folded at 75
 * octets without splitting a character, TEXT values escaped. Timed events carry TZID America/Mexico_City with its
 * VTIMEZONE (UTC−6 all year since 2022); others are all-day (VALUE=DATE).
 */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const timed = events.some((event) => event.startTime !== undefined);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `X-WR-TIMEZONE:${MEXICO_CITY_TIME_ZONE}`,
    ...(timed ? MEXICO_CITY_VTIMEZONE : []),
    ...events.flatMap((event) => eventLines(event, options.stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

const MEXICO_CITY_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${MEXICO_CITY_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:-0600',
  'TZOFFSETTO:-0600',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(event: CalendarEvent, stamp: Instant): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcDateTime(stamp)}`,
    ...when(event),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location === undefined ? [] : [`LOCATION:${escapeText(event.location)}`]),
    ...(event.url === undefined ? [] : [`URL:${uriValue(event.url)}`]),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

function when(event: CalendarEvent): string[] {
  if (event.startTime === undefined) {
    return [`DTSTART;VALUE=DATE:${basicDate(event.date)}`, `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`];
  }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(event.startTime);
  if (!match) throw new RangeError(`Hora inválida: ${event.startTime} (se espera HH:MM)`);
  const startMinutes = Number(match[1]) * 60 + Number(match[2]);
  const endMinutes = startMinutes + (event.durationMinutes ?? 120);
  const endDate = addDays(event.date, Math.floor(endMinutes / 1440));
  const local = (date: LocalDate, minutes: number) =>
    `${basicDate(date)}T${pad((Math.floor(minutes / 60) % 24))}${pad(minutes % 60)}00`;
  return [
    `DTSTART;TZID=${MEXICO_CITY_TIME_ZONE}:${local(event.date, startMinutes)}`,
    `DTEND;TZID=${MEXICO_CITY_TIME_ZONE}:${local(endDate, endMinutes % 1440)}`,
  ];
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A URI value (RFC 5545 3.3.13, RFC 3986): characters outside printable ASCII percent-encoded as UTF-8. */
function uriValue(url: string): string {
  return Array.from(url.replace(/[\r\n]/g, ''))
    .map((char) => (/^[\x21-\x7e]$/.test(char) ? char : encodeURIComponent(char)))
    .join('');
}

const basicDate = (date: LocalDate) => date.replace(/-/g, '');

function utcDateTime(instant: Instant): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return withoutControls(value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n'));
}

/**
 * RFC 5545 allows no control character but HTAB in a value. Any line break left (a bare CR, U+2028…) would let
 * text written by a garante open a line of its own (`URL:`, `ATTACH:`, a whole VEVENT); they become spaces.
 */
function withoutControls(value: string): string {
  return Array.from(value, (char) => (isBreakOrControl(char.codePointAt(0)!) ? ' ' : char)).join('');
}

function isBreakOrControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: at most 75 octets a line; continuation lines start with one space. */
function fold(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      pieces.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n');
}
