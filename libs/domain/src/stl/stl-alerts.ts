import { type Decision } from '../shared/decider';
import { type DeadlineKind } from '../shared/deadline';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { type Escalation, escalationFor, reminderFor } from '../shared/escalation';
import { type Instant, localDateAt } from '../shared/local-date';
import { type StlAcknowledgeEscalation, type StlFireDeadline, type StlResolveEscalation } from './stl-commands';
import { plannedDeadlines } from './stl-deadlines';
import { stlErrors } from './stl-errors';
import { type StlEscalationResolved, type StlEvent } from './stl-events';
import { checkText, type DecisionContext } from './stl-guards';
import { type RegisteredStl } from './stl-state';

/**
 * A due pending deadline becomes ReminderDue or EscalationRaised, after which its id is never listed again:
 * firing the same id twice (a retried workflow activity, a restart) is refused, so each goes out exactly once.
 */
export function decideFireDeadline(
  command: StlFireDeadline,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { deadlineId } = command.data;
  const planned = plannedDeadlines(state, context.policy).find((candidate) => candidate.deadline.id === deadlineId);
  if (planned === undefined) return stlErrors.DEADLINE_NOT_FOUND(deadlineId);
  const { deadline, effect } = planned;
  const text = planned.text(localDateAt(context.now));
  if (Date.parse(deadline.dueAt) > Date.parse(context.now)) {
    return stlErrors.DEADLINE_NOT_DUE(deadlineId, deadline.dueAt);
  }
  return effect === 'reminder'
    ? [{ type: 'ReminderDue', data: reminderFor(deadline, text) }]
    : [{ type: 'EscalationRaised', data: escalationFor(deadline, 'enlace', context.now, text) }];
}

export function decideAcknowledgeEscalation(
  command: StlAcknowledgeEscalation,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const escalation = openEscalation(state, command.data.escalationId);
  if (isDomainError(escalation)) return escalation;
  const by = command.data.by ?? command.metadata.actor;
  const error = checkText('by', by);
  if (error) return error;
  // Acknowledging twice changes nothing: the first acknowledgement is the one on record.
  if (escalation.status === 'reconocida') return [];
  return [
    {
      type: 'EscalationAcknowledged',
      data: { escalationId: command.data.escalationId, by: by as string, at: context.now },
    },
  ];
}

export function decideResolveEscalation(
  command: StlResolveEscalation,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const escalation = openEscalation(state, command.data.escalationId);
  if (isDomainError(escalation)) return escalation;
  const error = checkText('resolution', command.data.resolution);
  if (error) return error;
  const by = command.data.by ?? command.metadata.actor;
  const data = {
    escalationId: command.data.escalationId,
    at: context.now,
    resolution: command.data.resolution.trim(),
    ...(by === undefined ? {} : { by }),
  };
  return [{ type: 'EscalationResolved', data }];
}

function openEscalation(state: RegisteredStl, escalationId: string): DomainError | Escalation {
  const escalation = state.escalations.find((candidate) => candidate.id === escalationId);
  if (escalation === undefined) return stlErrors.ESCALATION_NOT_FOUND(escalationId);
  return escalation.status === 'resuelta' ? stlErrors.ESCALATION_ALREADY_RESOLVED(escalationId) : escalation;
}

/** Escalations that end by themselves when their cause goes away (vacancy filled, session convened). */
export function resolveOpenEscalations(
  state: RegisteredStl,
  kind: DeadlineKind,
  at: Instant,
  resolution: string,
): StlEscalationResolved[] {
  return state.escalations
    .filter((escalation) => escalation.kind === kind && escalation.status !== 'resuelta')
    .map((escalation) => ({ type: 'EscalationResolved', data: { escalationId: escalation.id, at, resolution } }));
}
