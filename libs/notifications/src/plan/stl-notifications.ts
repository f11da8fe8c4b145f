import {
  addDays,
  type Deadline,
  type Instant,
  type DeadlinePolicy,
  nextSessionDueOn,
  noticeDeadline,
  type RegisteredStl,
  type ReminderDueData,
  type Session,
  sessionList,
  stlCalendar,
  stlDeadlines,
  type StlEvent,
  type StlState,
  stlSummary,
  unansweredOf,
} from '@app/domain';
import { escalationDueOn } from './escalation-due';
import { type SessionFacts } from './notification-content';
import {
  escalationContent,
  escalationResolved,
  pendingOfKind,
  planned,
  type PlannedNotification,
  topicOf,
} from './planned-notification';

type StlEventAt = StlEvent & { readonly seq: number };

/**
 * An STL's e-mails: the facilitador vacancy (flagged at once to the garante and the enlace INAI, then its reminder
 * and escalations), the bimonthly cadence, convocations (every member, with an .ics), the eve of a session, and the
 * acta of a session held with quorum, to be signed by those who attended.
 */
export function stlNotifications(
  events: readonly StlEventAt[],
  state: StlState,
  policy: DeadlinePolicy,
  occurredAt: Instant,
): PlannedNotification[] {
  if (state.status === 'unregistered') return [];
  const context: StlContext = { state, pending: stlDeadlines(state, policy), policy, occurredAt };
  return events.flatMap((event) => fromEvent(event, context));
}

interface StlContext {
  readonly state: RegisteredStl;
  /** The deadlines still pending after these events: what the e-mails announce as "by when". */
  readonly pending: readonly Deadline[];
  readonly policy: DeadlinePolicy;
  /** When the events were recorded (workflow time). */
  readonly occurredAt: Instant;
}

function fromEvent(event: StlEventAt, context: StlContext): PlannedNotification[] {
  const { state, pending, policy } = context;
  const { entidad } = state;
  const ref = `${event.type}@${event.seq}`;
  switch (event.type) {
    case 'FacilitadorVacated': {
      const escalatesOn = pendingOfKind(pending, 'vacancy_escalation')?.dueOn ?? null;
      const { vacatedOn: vacantSince, reason } = event.data;
      const content = { kind: 'facilitador_vacant', entidad, vacantSince, escalatesOn, reason: reason ?? null, followUp: false } as const;
      return [planned(ref, event.seq, ['garante', 'enlace'], content)];
    }
    case 'SessionConvened': {
      // A historical convocation was delivered back then, by its own means: recording it tells nobody anything.
      if (event.data.historical !== undefined) return [];
      const { convokedOn, convenedAt } = event.data;
      const content = { kind: 'session_convened', entidad, session: sessionFacts(event.data), convokedOn, convenedAt } as const;
      return [planned(ref, event.seq, ['integrantes', 'facilitador'], content)];
    }
    case 'SessionCancelled':
      return sessionCancelled(event, state, context.occurredAt);
    case 'SessionRescheduled': {
      const session = state.sessions[event.data.sessionId];
      if (session === undefined) return [];
      const { previousDate, reason, rescheduledAt } = event.data;
      const content = { kind: 'session_rescheduled', entidad, session: sessionFacts(session), previousDate, reason, rescheduledAt } as const;
      return [planned(ref, event.seq, ['integrantes', 'facilitador'], content)];
    }
    case 'AttendanceRecorded':
      return minutesToSign(event, state, policy);
    case 'ReminderDue':
      return reminder(event.data, event.seq, context);
    case 'EscalationRaised': {
      const mark = state.status === 'instalado' ? nextSessionDueOn(state, policy) : null;
      const dueOn = escalationDueOn(event.data.escalation, policy, mark);
      const content = escalationContent(entidad, event.data, topicOf(event.data.escalation.kind), pending, dueOn);
      return [planned(event.data.deadlineId, event.seq, event.data.audience, content)];
    }
    case 'EscalationResolved':
      return escalationResolved(entidad, event, state.escalations);
    default:
      return [];
  }
}

/** Everyone convened is told, with an .ics that cancels the entry the convocation put in their calendar. */
function sessionCancelled(
  event: StlEventAt & { type: 'SessionCancelled' },
  state: RegisteredStl,
  cancelledAt: Instant,
): PlannedNotification[] {
  const session = state.sessions[event.data.sessionId];
  if (session === undefined) return [];
  const { cancelledOn, reason } = event.data;
  const content = { kind: 'session_cancelled', entidad: state.entidad, session: sessionFacts(session), cancelledOn, reason, cancelledAt } as const;
  return [planned(`${event.type}@${event.seq}`, event.seq, ['integrantes', 'facilitador'], content)];
}

/** Held with quorum: the acta must be approved and signed by everyone who attended (cap. VI, 7). */
function minutesToSign(
  event: StlEventAt & { type: 'AttendanceRecorded' },
  state: RegisteredStl,
  policy: DeadlinePolicy,
): PlannedNotification[] {
  const session = state.sessions[event.data.sessionId];
  // The acta of a session convened as history is history too: it was signed (or not) back then.
  if (!event.data.quorum || session === undefined || session.historical !== undefined) return [];
  const signBy = state.status === 'instalado' ? nextSessionDueOn(state, policy) : null;
  const content = { kind: 'minutes_ready', entidad: state.entidad, session: sessionFacts(session), signBy } as const;
  return [{ ...planned(`${event.type}@${event.seq}`, event.seq, [], content), attendees: event.data.present }];
}

function reminder(data: ReminderDueData, seq: number, { state, pending, policy }: StlContext): PlannedNotification[] {
  const { entidad } = state;
  const at = (content: PlannedNotification['content']) => [planned(data.deadlineId, seq, data.audience, content)];
  switch (data.kind) {
    case 'cadence_reminder': {
      const sessionDueOn = state.status === 'instalado' ? nextSessionDueOn(state, policy) : data.dueOn;
      const convokeBy = noticeDeadline(sessionDueOn, stlCalendar(state));
      return at({ kind: 'convene_session', entidad, sessionDueOn, convokeBy, message: data.message });
    }
    case 'session_tomorrow':
      return at({ kind: 'session_tomorrow', entidad, session: sessionOnTheEve(state, data), message: data.message });
    case 'confirmation_reminder':
      return convocationReminder(data, seq, state);
    case 'vacancy_reminder': {
      const vacantSince = stlSummary(state, policy)?.vacantSince ?? data.dueOn;
      const escalatesOn = pendingOfKind(pending, 'vacancy_escalation')?.dueOn ?? null;
      return at({ kind: 'facilitador_vacant', entidad, vacantSince, escalatesOn, reason: null, followUp: true });
    }
    default:
      // The STL has no other reminders (its deadlines are listed in stl-deadlines.ts).
      return [];
  }
}

/** To those convened who still have not answered (the deadline id names the session and its date). */
function convocationReminder(data: ReminderDueData, seq: number, state: RegisteredStl): PlannedNotification[] {
  const session = sessionList(state).find((candidate) => data.deadlineId === `sesion:${candidate.sessionId}:${candidate.date}:confirmacion`);
  if (session === undefined || session.status !== 'convocada') return [];
  const people = unansweredOf(state, session);
  if (people.length === 0) return [];
  const content = { kind: 'convocation_reminder', entidad: state.entidad, session: sessionFacts(session), message: data.message } as const;
  return [{ ...planned(data.deadlineId, seq, data.audience, content), people }];
}

/** The convened session the day after the reminder (the deadline id names it when two share a date). */
function sessionOnTheEve(state: RegisteredStl, data: ReminderDueData): SessionFacts | null {
  const candidates = sessionList(state).filter((session) => session.date === addDays(data.dueOn, 1));
  const session = candidates.find((candidate) => data.deadlineId.includes(candidate.sessionId)) ?? candidates[0];
  return session === undefined ? null : sessionFacts(session);
}

function sessionFacts(
  session: Pick<Session, 'sessionId' | 'date' | 'kind' | 'agenda' | 'startTime' | 'endTime' | 'place' | 'link' | 'reschedulings'>,
): SessionFacts {
  return {
    ...(session.reschedulings === undefined ? {} : { sequence: session.reschedulings.length }),
    sessionId: session.sessionId,
    date: session.date,
    kind: session.kind,
    agenda: session.agenda,
    ...(session.startTime === undefined ? {} : { startTime: session.startTime }),
    ...(session.endTime === undefined ? {} : { endTime: session.endTime }),
    ...(session.place === undefined ? {} : { place: session.place }),
    ...(session.link === undefined ? {} : { link: session.link }),
  };
}
