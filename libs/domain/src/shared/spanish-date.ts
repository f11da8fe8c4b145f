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
 * "viernes 13 de noviembre de 2026": how a date reads in messages and reminders. Written out by hand rather than
 * with Intl so the text is the same on every runtime (workflow sandboxes ship with reduced ICU data).
 */
export function spanishLongDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} de ${MONTHS[month - 1]} de ${year}`;
}
