import {
  type Deadline,
  type DeadlinePolicy,
  type ExerciseEvent,
  type ExerciseState,
  exerciseDeadlines,
  type PalReviewDueData,
  type ReminderDueData,
  type StartedExercise,
} from '@app/domain';
import {
  escalationContent,
  escalationResolved,
  pendingOfKind,
  planned,
  type PlannedNotification,
  topicOf,
} from './planned-notification';
import { escalationDueOn } from './escalation-due';

/**
 * An exercise's e-mails: stall reminders and escalations before the PAL, then the monitoring and the evaluation
 * (a reminder before each, and the day itself). Audiences are the domain's.
 */
export function exerciseNotifications(
  events: readonly (ExerciseEvent & { readonly seq: number })[],
  state: ExerciseState,
  policy: DeadlinePolicy,
): PlannedNotification[] {
  if (state.status === 'not_started') return [];
  const pending = exerciseDeadlines(state, policy);
  return events.flatMap((event) => fromEvent(event, state, pending, policy));
}

function fromEvent(
  event: ExerciseEvent & { seq: number },
  state: StartedExercise,
  pending: Deadline[],
  policy: DeadlinePolicy,
): PlannedNotification[] {
  switch (event.type) {
    case 'ReminderDue':
      return reminder(event.data, event.seq, state, pending);
    case 'EscalationRaised': {
      const topic = topicOf(event.data.escalation.kind, state.number);
      const dueOn = escalationDueOn(event.data.escalation, policy, null);
      const content = escalationContent(state.entidad, event.data, topic, pending, dueOn);
      return [planned(event.data.deadlineId, event.seq, event.data.audience, content)];
    }
    case 'EscalationResolved':
      return escalationResolved(state.entidad, event, state.escalations, state.number);
    case 'MonitoringDue':
      return [review('monitoring_due', event.data, event.seq, state)];
    case 'EvaluationDue':
      return [review('evaluation_due', event.data, event.seq, state)];
    default:
      return [];
  }
}

function review(
  kind: 'monitoring_due' | 'evaluation_due',
  data: PalReviewDueData,
  seq: number,
  state: StartedExercise,
): PlannedNotification {
  const content = { kind, entidad: state.entidad, exerciseNumber: state.number, dueOn: data.dueOn, arrived: true, message: data.message };
  return planned(data.deadlineId, seq, data.audience, content);
}

function reminder(data: ReminderDueData, seq: number, state: StartedExercise, pending: Deadline[]): PlannedNotification[] {
  const { entidad, number: exerciseNumber } = state;
  const at = (content: PlannedNotification['content']) => [planned(data.deadlineId, seq, data.audience, content)];
  switch (data.kind) {
    case 'stall_reminder': {
      const actBy = pendingOfKind(pending, 'stall_escalation_enlace')?.dueOn ?? data.dueOn;
      const stalledSince = state.progressRecordedOn;
      return at({ kind: 'stage_stalled', entidad, exerciseNumber, stalledSince, actBy, message: data.message });
    }
    case 'monitoring_reminder': {
      const dueOn = state.pal?.monitoringDueOn ?? data.dueOn;
      return at({ kind: 'monitoring_due', entidad, exerciseNumber, dueOn, arrived: false, message: data.message });
    }
    case 'evaluation_reminder': {
      const dueOn = state.pal?.evaluationDueOn ?? data.dueOn;
      return at({ kind: 'evaluation_due', entidad, exerciseNumber, dueOn, arrived: false, message: data.message });
    }
    default:
      // The exercise has no other reminders (its deadlines are listed in exercise-deadlines.ts).
      return [];
  }
}
