import { addDays, addMonths, type DeadlinePolicy, type Escalation, type LocalDate, localDateAt, TERM_MONTHS } from '@app/domain';

const DATE = /\d{4}-\d{2}-\d{2}/g;

/**
 * The day the escalated deadline fell due, which the subject names: an escalation may be raised long after it
 * (a worker that was down, history recorded at once), and then its raising day would be a false date. The deadline
 * ids carry their dates (`facilitador-vacante:<since>:escalamiento:<due>`, `stall:<since>:enlace`,
 * `doce-meses:<startedOn>:escalamiento`); the cadence mark
 * is the STL's, passed in. What has no deadline (mail undeliverable) fell due the day it was raised.
 */
export function escalationDueOn(escalation: Escalation, policy: DeadlinePolicy, cadenceMark: LocalDate | null): LocalDate {
  const raisedOn = localDateAt(escalation.raisedAt);
  const dates = escalation.id.match(DATE) ?? [];
  switch (escalation.kind) {
    case 'vacancy_escalation':
      return dates[1] ?? raisedOn;
    case 'cadence_escalation':
      return cadenceMark ?? raisedOn;
    case 'stall_escalation_enlace':
      return dates[0] === undefined ? raisedOn : addDays(dates[0], policy.stallEnlaceEscalationDays);
    case 'stall_escalation_coordinador':
      return dates[0] === undefined ? raisedOn : addDays(dates[0], policy.stallCoordinadorEscalationDays);
    case 'term_escalation':
      return dates[0] === undefined ? raisedOn : addMonths(dates[0], TERM_MONTHS);
    default:
      return raisedOn;
  }
}
