import { type Decision } from '../shared/decider';
import { entidadName } from '../shared/entidades';
import { type Escalation } from '../shared/escalation';
import { type ReportUndeliverableMail } from './stl-commands';
import { type StlEvent } from './stl-events';
import { type DecisionContext } from './stl-guards';
import { type RegisteredStl } from './stl-state';

const MAX_REASON = 300;

/**
 * Mail that will never arrive is the coordinación's business: one escalation "correo no entregado" per state at a
 * time. While one is open, later reports add nothing (the rows keep their reasons in `GET /api/notifications`), and
 * the escalation's own e-mail, refused in turn, cannot raise another: no loop while the server keeps refusing.
 */
export function decideReportUndeliverableMail(
  command: ReportUndeliverableMail,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const id = `correo-no-entregado:${command.data.reportId}`;
  const covered = state.escalations.some(
    (escalation) => escalation.id === id || (escalation.kind === 'mail_undeliverable' && escalation.status !== 'resuelta'),
  );
  if (covered) return [];
  const escalation: Escalation = {
    id,
    kind: 'mail_undeliverable',
    level: 'coordinador',
    raisedAt: context.now,
    reason: undeliverableReason(state, command.data.undeliverable, command.data.reason),
    status: 'abierta',
  };
  return [{ type: 'EscalationRaised', data: { deadlineId: id, audience: ['coordinador'], escalation } }];
}

function undeliverableReason(state: RegisteredStl, count: number, serverReason: string): string {
  const what = count === 1 ? 'Un correo' : `${count} correos`;
  const reason = serverReason.length > MAX_REASON ? `${serverReason.slice(0, MAX_REASON - 1)}…` : serverReason;
  return `Correo no entregado: ${what} de ${entidadName(state.entidad)} no se ${count === 1 ? 'pudo' : 'pudieron'} entregar y no se reintentará. Motivo: ${reason}`;
}
