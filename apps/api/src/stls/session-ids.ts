import { type LocalDate } from '@app/domain';

const NUMBER = /^[1-9]\d{0,3}$/;

/**
 * Session ids the API gives: `<date>-<n>`, the n-th session convened for that date (`2027-02-10-1`). Readable,
 * sortable, URL-safe and stable; ids given by others (the seed's `sesion-1`) are left alone.
 */
export function nextSessionId(date: LocalDate, takenIds: Iterable<string>): string {
  const prefix = `${date}-`;
  let highest = 0;
  for (const id of takenIds) {
    const suffix = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    if (NUMBER.test(suffix)) highest = Math.max(highest, Number(suffix));
  }
  return `${prefix}${highest + 1}`;
}
