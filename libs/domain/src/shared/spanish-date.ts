import { dayOfWeek, type LocalDate } from './local-date';

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/**
 * "13 de noviembre de 2026" (d de mes de aaaa): how every date reads to people, in messages, e-mails and the board.
 * Written out by hand rather than with Intl so the text is the same on every runtime (workflow sandboxes ship with
 * reduced ICU data).
 */
export function spanishDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} de ${MONTHS[month - 1]} de ${year}`;
}

/** "viernes 13 de noviembre de 2026": with the weekday, where it helps to plan. */
export function spanishLongDate(date: LocalDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${spanishDate(date)}`;
}
