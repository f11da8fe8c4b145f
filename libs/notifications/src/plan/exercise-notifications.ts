import {
  addMonths,
  type Deadline,
  type DeadlinePolicy,
  type ExerciseEvent,
  type ExerciseState,
  exerciseDeadlines,
  type Instant,
  type LocalDate,
  localDateAt,
  type OpenExercise,
  type PalRecord,
  type PalReviewDueData,
  progressReminderSubject,
  type ReminderDueData,
  type StartedExercise,
  TERM_MONTHS,
  whereItStands,
} from '@app/domain';
import { type CommitmentWithoutProgress } from './notification-content';
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
 * An exercise's e-mails: stall reminders and escalations before the PAL, the warning of month 11 and the escalation
 * of month 12 of the six steps, then the monitoring and the evaluation (a reminder before each, and the day itself)
 * and the bimonthly reminder of commitments without progress. Audiences are the domain's, except where a reminder
 * asks for an act only the garante does (below).
 */
export function exerciseNotifications(
  events: readonly (ExerciseEvent & { readonly seq: number })[],
  state: ExerciseState,
  policy: DeadlinePolicy,
  occurredAt: Instant,
): PlannedNotification[] {
  if (state.status === 'not_started') return [];
  const context: ExerciseContext = { state, pending: exerciseDeadlines(state, policy), policy, writtenOn: localDateAt(occurredAt) };
  return events.flatMap((event) => fromEvent(event, context));
}

interface ExerciseContext {
  readonly state: StartedExercise;
  /** The deadlines still pending after these events: what the e-mails announce as "by when". */
  readonly pending: Deadline[];
  readonly policy: DeadlinePolicy;
  /** The day the events were recorded (Mexico City): the e-mails' tense is counted from it. */
  readonly writtenOn: LocalDate;
}

function fromEvent(event: ExerciseEvent & { seq: number }, context: ExerciseContext): PlannedNotification[] {
  const { state, pending, policy } = context;
  switch (event.type) {
    case 'ReminderDue':
      return reminder(event.data, event.seq, context);
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

function reminder(data: ReminderDueData, seq: number, context: ExerciseContext): PlannedNotification[] {
  const { state, pending } = context;
  const { entidad, number: exerciseNumber } = state;
  const at = (content: PlannedNotification['content']) => [planned(data.deadlineId, seq, data.audience, content)];
  // The twelve months' warning asks for what the garante does: it runs the steps with the STL; the enlace hears of
  // them from their escalation. A commitment's progress is reported to the STL, "que dará seguimiento"
  // (mecanismo-gobernanza-edomex.md, cap. X, 3), and published on the garante's micrositio: both hear of it.
  const toGarante = (content: PlannedNotification['content']) => [planned(data.deadlineId, seq, ['garante'], content)];
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
    case 'term_warning':
      return toGarante(termWarning(data, state, context.writtenOn));
    case 'progress_reminder':
      return state.status === 'open' && state.pal ? at(progressReminder(data, state, state.pal, context)) : [];
    default:
      // The exercise has no other reminders (its deadlines are listed in exercise-deadlines.ts).
      return [];
  }
}

function termWarning(data: ReminderDueData, state: StartedExercise, writtenOn: LocalDate): PlannedNotification['content'] {
  const { entidad, number: exerciseNumber, startedOn } = state;
  const termEndsOn = addMonths(startedOn, TERM_MONTHS);
  return { kind: 'term_warning', entidad, exerciseNumber, startedOn, warningOn: data.dueOn, termEndsOn, standing: whereItStands(state), writtenOn };
}

/** The period that ended on the reminder's day, its commitments without a report, and when the next is checked. */
function progressReminder(
  data: ReminderDueData,
  state: OpenExercise,
  pal: PalRecord,
  context: ExerciseContext,
): PlannedNotification['content'] {
  const { from: periodFrom, months: periodMonths, missing, nextReminderOn } = progressReminderSubject(state, pal, context.policy, data.dueOn);
  const commitments = state.commitments
    .filter((commitment) => missing.includes(commitment.id))
    .map((commitment): CommitmentWithoutProgress => ({ id: commitment.id, title: commitment.title, lastReportedOn: commitment.reportedOn ?? null }));
  const { entidad, number: exerciseNumber } = state;
  return { kind: 'progress_reminder', entidad, exerciseNumber, launchedOn: pal.launchedOn, periodFrom, periodTo: data.dueOn, periodMonths, commitments, nextReminderOn, writtenOn: context.writtenOn };
}
