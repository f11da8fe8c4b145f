import { type AggregateKind, type AppendOf } from '@app/contracts';
import { AGGREGATES, type DeadlinePolicy, type EventOf, type Instant, type LocalDate, localDateAt, type StateOf } from '@app/domain';
import { exerciseNotifications } from './exercise-notifications';
import { type NotificationContent } from './notification-content';
import { type AppendedEvents, planned, type PlannedNotification, topicOf } from './planned-notification';
import { stlNotifications } from './stl-notifications';

/**
 * The e-mails that one append of events calls for: which kind, to which audience, about what. Pure: the same
 * events and state always give the same plan, so a retried append can never plan differently.
 */
export function planNotifications(appended: AppendedEvents): PlannedNotification[] {
  const today = localDateAt(appended.occurredAt);
  const history = new Set(appended.firesHistory);
  return [
    ...planFor(appended).filter((notification) => !history.has(notification.ref) && stillAhead(notification.content, today)),
    ...historySummary(appended, today),
  ];
}

/**
 * Facts recorded after the fact (the seed, an import, an STL registered months after its installation) bring
 * deadlines that were overdue before anyone could act: the workflow still fires them (the board shows the
 * escalations) but none is mailed (`firesHistory`); the coordinación is told once, here, what was overdue.
 */
function historySummary(appended: AppendedEvents, recordedOn: LocalDate): PlannedNotification[] {
  const overdue = appended.arrivedOverdue ?? [];
  if (overdue.length === 0) return [];
  const entidad = entidadOf(appended);
  if (entidad === undefined) return [];
  const seq = appended.firstSeq + appended.events.length - 1;
  const items = overdue.map(({ kind, dueOn }) => ({ kind, dueOn, topic: topicOf(kind) }));
  return [planned(`historial@${seq}`, seq, ['coordinador'], { kind: 'history_recorded', entidad, recordedOn, overdue: items })];
}

/** One aggregate's e-mails for its events, given the state after them and the policy its workflow runs with. */
export type AggregateNotificationPlan<K extends AggregateKind> = (
  events: readonly (EventOf<K> & { readonly seq: number })[],
  state: StateOf<K>,
  policy: DeadlinePolicy,
  occurredAt: Instant,
) => PlannedNotification[];

/** Every aggregate's e-mails, by kind: a kind without a plan does not compile. */
export const NOTIFICATION_PLANS: { readonly [K in AggregateKind]: AggregateNotificationPlan<K> } = {
  exercise: exerciseNotifications,
  stl: stlNotifications,
};

function planFor<K extends AggregateKind>(appended: AppendOf<K>): PlannedNotification[] {
  const events = appended.events.map((event, index) => ({ ...event, seq: appended.firstSeq + index }));
  return NOTIFICATION_PLANS[appended.aggregate](events, appended.state, appended.policy, appended.occurredAt);
}

function entidadOf<K extends AggregateKind>(appended: AppendOf<K>) {
  return AGGREGATES[appended.aggregate].entidadOf(appended.state);
}

/**
 * No mail about the past (issue 22): a reminder, convocation or request whose date is already gone when it is
 * written — history being recorded (the seed, a backdated act), or a deadline past when the fact that starts it was
 * recorded — would ask people to do what can no longer be done. It is not sent; where something is overdue, the
 * escalation that follows says so. Escalations and the flag of a vacancy are facts and always go.
 */
export function stillAhead(content: NotificationContent, today: LocalDate): boolean {
  switch (content.kind) {
    case 'convene_session':
      return content.convokeBy >= today;
    case 'session_convened':
    case 'session_cancelled':
    case 'session_rescheduled':
    case 'convocation_reminder':
      return content.session.date >= today;
    case 'session_tomorrow':
      return content.session === null || content.session.date > today;
    case 'stage_stalled':
      return content.actBy >= today;
    case 'facilitador_vacant':
      return !content.followUp || content.escalatesOn === null || content.escalatesOn >= today;
    case 'monitoring_due':
    case 'evaluation_due':
      return content.dueOn >= today;
    case 'term_warning':
      // Once the twelve months are over, their escalation says so.
      return content.termEndsOn >= today;
    case 'progress_reminder':
      // A reminder left behind by the next bimester's (a worker down for months): the newer one says it all.
      return content.nextReminderOn === null || content.nextReminderOn > today;
    case 'minutes_ready':
      return content.signBy === null || content.signBy >= today;
    case 'escalation_enlace':
    case 'escalation_coordinador':
    case 'escalation_resolved':
    case 'history_recorded':
      return true;
    default: {
      const _exhaustive: never = content;
      return Boolean(_exhaustive);
    }
  }
}
