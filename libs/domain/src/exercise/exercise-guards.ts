import { type DomainError } from '../shared/domain-error';
import { compareDates, isLocalDate, type LocalDate } from '../shared/local-date';
import { exerciseErrors } from './exercise-errors';

import { type DecisionContext } from '../shared/decider';

export { type DecisionContext };

export type Check = DomainError | undefined;

/** Checks are written as `a ?? b ?? c`, so the first failure wins and the rest are never evaluated. */
export function checkDate(field: string, value: unknown): Check {
  return isLocalDate(value) ? undefined : exerciseErrors.INVALID_DATE(field, value);
}

/** A date someone reports happened already, and not before `notBefore` (the previous record) when given. */
export function checkReportedDate(
  field: string,
  value: unknown,
  context: DecisionContext,
  notBefore?: LocalDate,
): Check {
  return (
    checkDate(field, value) ??
    (compareDates(value as LocalDate, context.today) > 0
      ? exerciseErrors.DATE_IN_FUTURE(field, value as LocalDate, context.today)
      : undefined) ??
    (notBefore !== undefined && compareDates(value as LocalDate, notBefore) < 0
      ? exerciseErrors.DATE_BEFORE_PREVIOUS(field, value as LocalDate, notBefore)
      : undefined)
  );
}

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Evidence and documents are links to what the garante publishes on the micrositio. */
export function checkUrls(field: string, urls: unknown): Check {
  if (urls === undefined) return undefined;
  if (!Array.isArray(urls)) return exerciseErrors.INVALID_URL(field, urls);
  const wrong: unknown = urls.find((url) => !isUrl(url));
  return wrong === undefined ? undefined : exerciseErrors.INVALID_URL(field, wrong);
}

export function isUrl(value: unknown): boolean {
  return typeof value === 'string' && URL_PATTERN.test(value);
}

export function isBlank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}
