import { noticeDeadline } from '../calendar/business-calendar';
import { type Decision } from '../shared/decider';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { requireOpen } from './ballot';
import { inactivityProposals } from './membership';
import { assessQuorum } from './quorum';
import { resolveOpenEscalations } from './stl-alerts';
import { stlCalendar } from './stl-calendar';
import {
  type ApproveMinutes,
  type CancelSession,
  type ConveneSession,
  type RecordAttendance,
  type RescheduleSession,
} from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { type Check, checkDate, checkPastDate, checkText, type DecisionContext, findSession, firstError } from './stl-guards';
import { canVote, mechanismOn, type RegisteredStl, type Seat, seatList, type Session } from './stl-state';
import { isSessionKind } from './stl-terms';

/**
 * mecanismo-gobernanza-edomex.md, cap. VI, 6: "Las convocatorias a las sesiones se emitirán con un mínimo de cinco
 * días hábiles de anticipación y deberán ser acompañadas del orden del día". The number of days is the STL's
 * mechanism's, in force on the convocation's date. No exception for extraordinary sessions, so both kinds need the
 * notice. Convening cures a missed bimonthly cadence.
 */
export function decideConveneSession(
  command: ConveneSession,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  // `historical: null` (a client's way of saying "none") means a convocation made now, never an act without reason.
  const { historical, ...rest } = command.data;
  const data: ConveneSession['data'] = historical === undefined || historical === null ? rest : { ...rest, historical };
  const error = firstError(
    checkText('sessionId', data.sessionId),
    state.sessions[data.sessionId] === undefined ? undefined : stlErrors.SESSION_ALREADY_EXISTS(data.sessionId),
    checkDate('date', data.date),
    isSessionKind(data.kind) ? undefined : stlErrors.INVALID_SESSION_KIND(),
    data.agenda.some((item) => item.trim() !== '') ? undefined : stlErrors.AGENDA_REQUIRED(),
    checkPastDate('convokedOn', data.convokedOn, context),
    checkConvokedOn(data, context),
    checkSessionTimes(data.startTime, data.endTime),
  );
  if (error) return error;
  const { businessDays } = mechanismOn(state, data.convokedOn).notice;
  const deadline = noticeDeadline(data.date, stlCalendar(state), businessDays);
  if (data.convokedOn > deadline) return stlErrors.NOTICE_TOO_SHORT(data.date, deadline, data.convokedOn, businessDays);
  const agenda = data.agenda.map((item) => item.trim()).filter((item) => item !== '');
  const convened: StlEvent = {
    type: 'SessionConvened',
    data: {
      sessionId: data.sessionId,
      date: data.date,
      kind: data.kind,
      convokedOn: data.convokedOn,
      agenda,
      ...(data.startTime === undefined ? {} : { startTime: data.startTime }),
      ...(data.endTime === undefined ? {} : { endTime: data.endTime }),
      ...(data.place === undefined ? {} : { place: data.place }),
      ...(data.link === undefined ? {} : { link: data.link }),
      noticeDeadline: deadline,
      convenedAt: context.now,
      ...(data.historical === undefined ? {} : { historical: { justification: data.historical.justification.trim() } }),
    },
  };
  const resolution = `Se convocó la sesión ${data.kind} del ${spanishLongDate(data.date)}.`;
  return [convened, ...resolveOpenEscalations(state, 'cadence_escalation', context.now, resolution)];
}

const WALL_CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A convocation states its hour (Mexico City): `HH:MM`, and an end only after a start and later than it. */
function checkSessionTimes(startTime: unknown, endTime: unknown): Check {
  if (startTime === undefined) return endTime === undefined ? undefined : stlErrors.INVALID_SESSION_TIME('endTime', endTime);
  if (typeof startTime !== 'string' || !WALL_CLOCK.test(startTime)) return stlErrors.INVALID_SESSION_TIME('startTime', startTime);
  if (endTime === undefined) return undefined;
  const valid = typeof endTime === 'string' && WALL_CLOCK.test(endTime) && endTime > startTime;
  return valid ? undefined : stlErrors.INVALID_SESSION_TIME('endTime', endTime);
}

/**
 * The notice runs from the moment the convocation is recorded (and mailed): a new one is dated today. An earlier
 * date is a historical act, accepted only with its justification, so nobody shortens the members' notice by
 * backdating it.
 */
function checkConvokedOn(data: ConveneSession['data'], context: DecisionContext): Check {
  if (data.historical !== undefined) {
    const justification = (data.historical as { justification?: unknown }).justification;
    return checkText('historical.justification', justification);
  }
  if (data.convokedOn >= context.today || context.backdatedNoticeAccepted === true) return undefined;
  return stlErrors.CONVOCATION_BACKDATED(data.convokedOn, context.today);
}

export function decideCancelSession(
  command: CancelSession,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const session = findSession(state, command.data.sessionId);
  if (isDomainError(session)) return session;
  if (session.status === 'cancelada') return [];
  const error = firstError(
    session.attendance === undefined ? undefined : stlErrors.SESSION_ALREADY_HELD(session.sessionId),
    checkText('reason', command.data.reason),
  );
  if (error) return error;
  const data = { sessionId: session.sessionId, cancelledOn: context.today, reason: command.data.reason.trim() };
  return [{ type: 'SessionCancelled', data }];
}

/**
 * A convened session moved to another day, with the reason. The change reaches the members today, so the new date
 * needs five business days of notice counted from today; a session held or cancelled cannot move.
 */
export function decideRescheduleSession(
  command: RescheduleSession,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const session = findSession(state, command.data.sessionId);
  if (isDomainError(session)) return session;
  const { date, reason } = command.data;
  const error = firstError(
    session.status === 'convocada' && session.attendance === undefined
      ? undefined
      : stlErrors.SESSION_NOT_RESCHEDULABLE(session.sessionId, session.status),
    checkDate('date', date),
    checkText('reason', reason),
    date === session.date ? stlErrors.SAME_SESSION_DATE(date) : undefined,
  );
  if (error) return error;
  const { businessDays } = mechanismOn(state, context.today).notice;
  const deadline = noticeDeadline(date, stlCalendar(state), businessDays);
  if (context.today > deadline) return stlErrors.NOTICE_TOO_SHORT(date, deadline, context.today, businessDays);
  const data = {
    sessionId: session.sessionId,
    previousDate: session.date,
    date,
    reason: reason.trim(),
    rescheduledOn: context.today,
    rescheduledAt: context.now,
    noticeDeadline: deadline,
  };
  return [{ type: 'SessionRescheduled', data }];
}

/**
 * Attendance is recorded even without quorum (the event says so, with the reason), judged by the mechanism in
 * force on the session's day. Absences past the mechanism's number only warn and suggest (stl-summary.ts); runs
 * begun before mechanisms proposed the removal on a third absence in a row (membership.ts).
 */
export function decideRecordAttendance(
  command: RecordAttendance,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const session = findSession(state, command.data.sessionId);
  if (isDomainError(session)) return session;
  const present = [...new Set(command.data.present)];
  const error = firstError(
    sessionCanTakeAttendance(session, context.today),
    unknownAttendees(state, present),
    present.length === 0 && command.data.withoutAttendees !== true && context.emptyAttendanceAccepted !== true
      ? stlErrors.ATTENDANCE_EMPTY(session.sessionId)
      : undefined,
  );
  if (error) return error;
  const { civilSocietyRequired } = mechanismOn(state, session.date).quorum;
  const assessment = assessQuorum(seatsWithDecisionCapacity(state), present, civilSocietyRequired);
  if (session.attendance !== undefined) {
    return [{ type: 'AttendanceAmended', data: { sessionId: session.sessionId, present, ...assessment } }];
  }
  const recorded: StlEvent = { type: 'AttendanceRecorded', data: { sessionId: session.sessionId, present, ...assessment } };
  return context.legacyGovernance === true
    ? [recorded, ...inactivityProposals(state, session, assessment.absentSeatIds)]
    : [recorded];
}

/** "… o de sus suplentes o enlaces, mismos que deberán tener capacidad de toma de decisiones" (cap. VI, 2). */
export function seatsWithDecisionCapacity(state: RegisteredStl): Seat[] {
  return seatList(state).map((seat) =>
    seat.enlaceId !== null && !canVote(state.members[seat.enlaceId]) ? { ...seat, enlaceId: null } : seat,
  );
}

function sessionCanTakeAttendance(session: Session, today: LocalDate): DomainError | undefined {
  if (session.status === 'cancelada') return stlErrors.SESSION_CANCELLED(session.sessionId);
  // A second roll call (late arrivals) amends the first until the session decides anything or approves its acta.
  const amendable = session.decisions.length === 0 && session.minutes === undefined;
  if (session.attendance !== undefined && !amendable) return stlErrors.ATTENDANCE_ALREADY_RECORDED(session.sessionId);
  return session.date > today ? stlErrors.SESSION_NOT_YET_HELD(session.sessionId, session.date) : undefined;
}

/** The facilitador attends with voice; anyone else must be a member. */
function unknownAttendees(state: RegisteredStl, present: readonly string[]): DomainError | undefined {
  const unknown = present.filter(
    (memberId) => state.members[memberId] === undefined && memberId !== state.facilitador?.facilitadorId,
  );
  return unknown.length === 0 ? undefined : stlErrors.UNKNOWN_MEMBER(unknown);
}

/**
 * The acta is "aprobada, rubricada en cada hoja y firmada al calce por todos los integrantes del STL que asistieron"
 * (mecanismo-gobernanza-edomex.md, cap. VI, 7): every attending integrante (titular, suplente or enlace still in
 * the STL) must sign; invitados and the facilitador who attended may sign too, nobody absent may.
 */
export function decideApproveMinutes(
  command: ApproveMinutes,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { sessionId, approvedOn, signedBy } = command.data;
  const session = findSession(state, sessionId);
  if (isDomainError(session)) return session;
  const attendance = session.attendance;
  if (attendance === undefined) return stlErrors.ATTENDANCE_NOT_RECORDED(sessionId);
  const signers = [...new Set(signedBy)];
  const intruders = signers.filter((memberId) => !attendance.present.includes(memberId));
  const missing = attendance.present.filter((memberId) => mustSign(state, memberId) && !signers.includes(memberId));
  const error = firstError(
    requireOpen(session),
    checkPastDate('approvedOn', approvedOn, context),
    approvedOn < session.date ? stlErrors.MINUTES_BEFORE_SESSION() : undefined,
    intruders.length === 0 ? undefined : stlErrors.SIGNER_NOT_PRESENT(intruders),
    missing.length === 0 ? undefined : stlErrors.MISSING_SIGNATURES(missing),
  );
  if (error) return error;
  return [{ type: 'MinutesApproved', data: { sessionId, approvedOn, signedBy: signers } }];
}

function mustSign(state: RegisteredStl, memberId: string): boolean {
  const member = state.members[memberId];
  return member !== undefined && member.role !== 'invitado';
}
