import { dayOfWeek, type LocalDate } from '@app/domain';

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

// Written out by hand like the domain's own formatter (not exported from @app/domain), so the text is the same
// on every runtime whatever ICU data it ships.

/** "13 de noviembre de 2026": for subjects. */
export function dateInWords(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} de ${MONTHS[month - 1]} de ${year}`;
}

/** "viernes 13 de noviembre de 2026": for bodies, where the weekday helps to plan. */
export function longDateInWords(date: LocalDate): string {
  return `${WEEKDAYS[dayOfWeek(date)]} ${dateInWords(date)}`;
}
