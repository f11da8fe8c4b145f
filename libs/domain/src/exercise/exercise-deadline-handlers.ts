import { type Decision } from '../shared/decider';
import { escalationFor, reminderFor } from '../shared/escalation';
import { localDateAt } from '../shared/local-date';
import { stlStreamId } from '../shared/stream-ids';
import { type AcknowledgeEscalation, type FireDeadline, type ResolveEscalation } from './exercise-commands';
import { type ExerciseDeadline, exerciseDeadlines, progressReminderSubject } from './exercise-deadlines';
import { exerciseErrors } from './exercise-errors';
import { type EscalationResolved, type ExerciseEvent, type PalReviewDueData } from './exercise-events';
import { type DecisionContext, isBlank } from './exercise-guards';
import {
  evaluationDueMessage,
  evaluationReminderMessage,
  monitoringDueMessage,
  monitoringReminderMessage,
  progressReminderMessage,
  STALL_RESOLUTION,
  TERM_RESOLUTION,
  stallEscalationReason,
  stallReminderMessage,
  termEscalationReason,
  termWarningMessage,
} from './exercise-messages';
import { type OpenExercise, type PalRecord } from './exercise-state';

/** A pending deadline whose time has come becomes its event, once: the event records its id. */
export function decideFireDeadline(
  command: FireDeadline,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { deadlineId } = command.data;
  const deadline = exerciseDeadlines(state, context.policy, context).find((candidate) => candidate.id === deadlineId);
  if (!deadline || Date.parse(deadline.dueAt) > Date.parse(context.now))
    return exerciseErrors.DEADLINE_NOT_DUE(deadlineId);
  return [firedEvent(deadline, state, context)];
}

function firedEvent(deadline: ExerciseDeadline, state: OpenExercise, context: DecisionContext): ExerciseEvent {
  const since = state.progressRecordedOn;
  // PalReview and progress deadlines only exist once the PAL is launched.
  const pal = state.pal as PalRecord;
  switch (deadline.kind) {
    case 'stall_reminder':
      return { type: 'ReminderDue', data: reminderFor(deadline, stallReminderMessage(state, since)) };
    case 'stall_escalation_enlace':
    case 'stall_escalation_coordinador': {
      const level = deadline.kind === 'stall_escalation_enlace' ? 'enlace' : 'coordinador';
      const reason = stallEscalationReason(state, since, localDateAt(context.now));
      return { type: 'EscalationRaised', data: escalationFor(deadline, level, context.now, reason) };
    }
    case 'monitoring_reminder':
      return { type: 'ReminderDue', data: reminderFor(deadline, monitoringReminderMessage(state, pal)) };
    case 'evaluation_reminder':
      return { type: 'ReminderDue', data: reminderFor(deadline, evaluationReminderMessage(state, pal)) };
    case 'term_warning':
      return { type: 'ReminderDue', data: reminderFor(deadline, termWarningMessage(state)) };
    case 'term_escalation': {
      const reason = termEscalationReason(state);
      return { type: 'EscalationRaised', data: escalationFor(deadline, 'coordinador', context.now, reason) };
    }
    case 'progress_reminder': {
      const { from, months, missing } = progressReminderSubject(state, pal, context.policy, deadline.dueOn);
      const message = progressReminderMessage(state, from, deadline.dueOn, missing, months);
      return { type: 'ReminderDue', data: reminderFor(deadline, message) };
    }
    case 'monitoring_due':
      return { type: 'MonitoringDue', data: reviewDue(deadline, state, pal, monitoringDueMessage(state, pal)) };
    case 'evaluation_due': {
      const stlRenewal = {
        stlStreamId: stlStreamId(state.entidad),
        sector: 'sociedad_civil',
        palEndedOn: pal.evaluationDueOn,
      } as const;
      const data = { ...reviewDue(deadline, state, pal, evaluationDueMessage(state, pal)), stlRenewal };
      return { type: 'EvaluationDue', data };
    }
    default: {
      const _exhaustive: never = deadline.kind;
      return _exhaustive;
    }
  }
}

function reviewDue(deadline: ExerciseDeadline, state: OpenExercise, pal: PalRecord, message: string): PalReviewDueData {
  return {
    deadlineId: deadline.id,
    dueOn: deadline.dueOn,
    audience: deadline.audience,
    message,
    entidad: state.entidad,
    exerciseNumber: state.number,
    palLaunchedOn: pal.launchedOn,
  };
}

export function decideAcknowledge(
  command: AcknowledgeEscalation,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { escalationId } = command.data;
  if (isBlank(context.actor)) return exerciseErrors.ACTOR_REQUIRED();
  const escalation = state.escalations.find((candidate) => candidate.id === escalationId);
  if (!escalation) return exerciseErrors.ESCALATION_NOT_FOUND(escalationId);
  if (escalation.status === 'resuelta') return exerciseErrors.ESCALATION_ALREADY_RESOLVED(escalationId);
  // Acknowledging twice changes nothing: the first acknowledgement is the one on record.
  if (escalation.status === 'reconocida') return [];
  return [{ type: 'EscalationAcknowledged', data: { escalationId, by: context.actor as string, at: context.now } }];
}

export function decideResolve(
  command: ResolveEscalation,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  const { escalationId, resolution } = command.data;
  if (isBlank(resolution)) return exerciseErrors.RESOLUTION_REQUIRED();
  if (isBlank(context.actor)) return exerciseErrors.ACTOR_REQUIRED();
  const escalation = state.escalations.find((candidate) => candidate.id === escalationId);
  if (!escalation) return exerciseErrors.ESCALATION_NOT_FOUND(escalationId);
  if (escalation.status === 'resuelta') return exerciseErrors.ESCALATION_ALREADY_RESOLVED(escalationId);
  const data = { escalationId, at: context.now, by: context.actor as string, resolution: resolution.trim() };
  return [{ type: 'EscalationResolved', data }];
}

/**
 * The twelve months watch the way to the launch ("seis pasos mínimos a lo largo de un periodo de 12 meses",
 * seis-pasos-2016.txt); once the PAL is launched its own year is watched by the monitoring and the evaluation, so a
 * late launch closes the escalation the twelve months raised.
 */
export function termResolutions(state: OpenExercise, context: DecisionContext): EscalationResolved[] {
  return state.escalations
    .filter((escalation) => escalation.status !== 'resuelta' && escalation.kind === 'term_escalation')
    .map((escalation) => ({
      type: 'EscalationResolved',
      data: { escalationId: escalation.id, at: context.now, resolution: TERM_RESOLUTION },
    }));
}

/** Stall escalations close by themselves when the exercise moves again (DOMAIN.md "Escalation"). */
export function stallResolutions(state: OpenExercise, context: DecisionContext): EscalationResolved[] {
  return state.escalations
    .filter((escalation) => escalation.status !== 'resuelta' && escalation.kind.startsWith('stall_'))
    .map((escalation) => ({
      type: 'EscalationResolved',
      data: { escalationId: escalation.id, at: context.now, resolution: STALL_RESOLUTION },
    }));
}
