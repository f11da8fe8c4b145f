import { addDays, localDateAt, type LocalDate } from '@app/domain';

/** Today in Mexico City, as the system judges "not in the future". */
export function todayInMexicoCity(): LocalDate {
  return localDateAt(Date.now());
}

export function daysFromToday(days: number): LocalDate {
  return addDays(todayInMexicoCity(), days);
}
