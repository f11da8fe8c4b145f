import { acknowledge, resolve } from '../shared/escalation';
import { withVersion } from './governance';
import { type LocalDate } from '../shared/local-date';
import { type ActBasis, decisionKey } from './reserved-acts';
import { type AttendanceAmended, type AttendanceRecorded, type MemberAdded, type StlEvent, type StlRegistered } from './stl-events';
import { governanceVersions, type HistoricalReservedAct, type Member, type RegisteredStl, type Seat, type Session, type StlState } from './stl-state';

/** Deadline ids of the facilitador vacancy series; forgotten once the post is filled (a new vacancy starts anew). */
export const VACANCY_DEADLINE_PREFIX = 'facilitador-vacante:';

export function evolveStl(state: StlState, event: StlEvent): StlState {
  if (event.type === 'StlRegistered') return registered(event);
  if (state.status === 'unregistered') return state;
  return evolveRegistered(state, event);
}

function registered(event: StlRegistered): StlState {
  return {
    status: 'en_integracion',
    entidad: event.data.entidad,
    decisionRule: event.data.decisionRule,
    extraNonWorkingDays: event.data.extraNonWorkingDays,
    extraSectorName: event.data.extraSectorName,
    members: {},
    formerMemberIds: [],
    seats: {},
    facilitador: null,
    facilitadorVacatedOn: null,
    warnings: [],
    sessions: {},
    removalProposals: {},
    renewal: null,
    escalations: [],
    firedDeadlineIds: [],
    governance: [],
    usedDecisions: [],
    workingMeetings: [],
  };
}

/** A reserved act spends the decision it rests on; one recorded without its session is kept to be shown as such. */
function restingOn(state: RegisteredStl, basis: ActBasis | undefined, act: HistoricalReservedAct['act'], on: LocalDate): RegisteredStl {
  if (basis === undefined) return state;
  if (basis.kind === 'decision') return { ...state, usedDecisions: [...(state.usedDecisions ?? []), decisionKey(basis)] };
  const recorded: HistoricalReservedAct = { act, on, justification: basis.justification };
  return { ...state, actsWithoutSession: [...(state.actsWithoutSession ?? []), recorded] };
}

function evolveRegistered(state: RegisteredStl, event: Exclude<StlEvent, StlRegistered>): RegisteredStl {
  switch (event.type) {
    case 'DecisionRuleChanged':
      return { ...state, decisionRule: event.data.to };
    case 'GovernanceMechanismAdopted': {
      const { mechanism, validFrom, basis } = event.data;
      // The registration's version is the first; any later one follows the versions so far (the earlier rules' one
      // for a stream that recorded none).
      const versions = basis.kind === 'registro' ? [] : governanceVersions(state);
      const governance = withVersion(versions, mechanism, validFrom, basis);
      const adopted = { ...state, decisionRule: mechanism.decision.rule, governance };
      return basis.kind === 'decision' || basis.kind === 'historico'
        ? restingOn(adopted, basis, { kind: 'change_mechanism' }, validFrom)
        : adopted;
    }
    case 'WorkingMeetingRecorded':
      return { ...state, workingMeetings: [...(state.workingMeetings ?? []), event.data] };
    case 'NonWorkingDaysSet':
      return { ...state, extraNonWorkingDays: event.data.dates };
    case 'MemberAdded':
      return restingOn(
        memberAdded(state, event),
        event.data.authorizedBy,
        { kind: 'add_titular', memberId: event.data.memberId },
        event.data.joinedOn,
      );
    case 'StlInstalled':
      return { ...state, status: 'instalado', installedOn: event.data.installedOn, actaUrl: event.data.actaUrl };
    case 'FacilitadorAppointed':
      return restingOn(
        {
          ...state,
          facilitador: event.data,
          facilitadorVacatedOn: null,
          firedDeadlineIds: state.firedDeadlineIds.filter((id) => !id.startsWith(VACANCY_DEADLINE_PREFIX)),
        },
        event.data.authorizedBy,
        { kind: 'appoint_facilitador' },
        event.data.appointedOn,
      );
    case 'FacilitadorVacated':
      return { ...state, facilitador: null, facilitadorVacatedOn: event.data.vacatedOn };
    case 'FacilitadorSelectionConcluded':
      return { ...state, facilitadorSelectionConcludedOn: event.data.concludedOn };
    case 'CompositionWarningsChanged':
      return { ...state, warnings: event.data.warnings };
    case 'SessionConvened': {
      const { noticeDeadline: _deadline, ...session } = event.data;
      return withSession(state, { ...session, status: 'convocada', decisions: [] });
    }
    case 'SessionCancelled':
      return updateSession(state, event.data.sessionId, (session) => ({
        ...session,
        status: 'cancelada',
        cancellation: { cancelledOn: event.data.cancelledOn, reason: event.data.reason },
      }));
    case 'SessionRescheduled':
      return updateSession(state, event.data.sessionId, (session) => ({
        ...session,
        date: event.data.date,
        reschedulings: [
          ...(session.reschedulings ?? []),
          { from: event.data.previousDate, reason: event.data.reason, at: event.data.rescheduledAt },
        ],
      }));
    case 'ConvocationAnswered':
      return updateSession(state, event.data.sessionId, (session) => ({
        ...session,
        answers: { ...session.answers, [event.data.memberId]: { answer: event.data.answer, at: event.data.answeredAt } },
      }));
    case 'AttendanceRecorded':
    case 'AttendanceAmended':
      return rollCall(state, event);
    case 'DecisionRecorded': {
      const { sessionId, ...decision } = event.data;
      return updateSession(state, sessionId, (session) => ({
        ...session,
        decisions: [...session.decisions, decision],
      }));
    }
    case 'MinutesApproved':
      return updateSession(state, event.data.sessionId, (session) => ({
        ...session,
        minutes: { approvedOn: event.data.approvedOn, signedBy: event.data.signedBy },
      }));
    case 'RemovalProposed': {
      const { absentSessionIds: _absences, ...proposal } = event.data;
      return { ...state, removalProposals: { ...state.removalProposals, [proposal.memberId]: proposal } };
    }
    case 'RemovalDecided':
      return restingOn(
        removalDecided(state, event.data.memberId, event.data.approved),
        event.data.basis,
        { kind: 'remove_member', memberId: event.data.memberId },
        event.data.decidedOn,
      );
    case 'MemberResigned':
    case 'MemberRemoved':
      return memberLeft(state, event.data.memberId);
    case 'SuplentePromoted':
      return suplentePromoted(state, event.data.seatId, event.data.memberId);
    case 'VacancyOpened':
      return updateSeat(state, event.data.seatId, (seat) => ({
        ...seat,
        vacancy: { role: event.data.role, how: event.data.how, since: event.data.on },
      }));
    case 'CivilSocietyRenewalStarted':
      return { ...state, renewal: { palEndedOn: event.data.palEndedOn } };
    case 'CivilSocietyRenewalCompleted':
      return { ...state, renewal: null };
    case 'ReminderDue':
      return { ...state, firedDeadlineIds: [...state.firedDeadlineIds, event.data.deadlineId] };
    case 'EscalationRaised':
      return {
        ...state,
        firedDeadlineIds: [...state.firedDeadlineIds, event.data.deadlineId],
        escalations: [...state.escalations, event.data.escalation],
      };
    case 'EscalationAcknowledged':
      return { ...state, escalations: acknowledge(state.escalations, event.data) };
    case 'EscalationResolved':
      return { ...state, escalations: resolve(state.escalations, event.data) };
    default:
      return unknownEvent(event, state);
  }
}

/** Exhaustive at compile time; at run time an unknown event (a newer writer) leaves the state as it is. */
function unknownEvent(_event: never, state: RegisteredStl): RegisteredStl {
  return state;
}

function withSession(state: RegisteredStl, session: Session): RegisteredStl {
  return { ...state, sessions: { ...state.sessions, [session.sessionId]: session } };
}

function updateSession(state: RegisteredStl, sessionId: string, change: (session: Session) => Session): RegisteredStl {
  const session = state.sessions[sessionId];
  return session === undefined ? state : withSession(state, change(session));
}

function updateSeat(state: RegisteredStl, seatId: string, change: (seat: Seat) => Seat): RegisteredStl {
  const seat = state.seats[seatId];
  return seat === undefined ? state : { ...state, seats: { ...state.seats, [seatId]: change(seat) } };
}

function updateMember(state: RegisteredStl, memberId: string, change: (member: Member) => Member): RegisteredStl {
  const member = state.members[memberId];
  return member === undefined ? state : { ...state, members: { ...state.members, [memberId]: change(member) } };
}

function memberAdded(state: RegisteredStl, event: MemberAdded): RegisteredStl {
  const member = event.data;
  const withMember: RegisteredStl = { ...state, members: { ...state.members, [member.memberId]: member } };
  if (member.seatId === undefined) return withMember;
  const seatId = member.seatId;
  if (member.role === 'titular') {
    const seat: Seat = withMember.seats[seatId] ?? emptySeat(seatId, member);
    const filled: Seat = { ...freshStart(seat), titularId: member.memberId, vacancy: null };
    return { ...withMember, seats: { ...withMember.seats, [seatId]: filled } };
  }
  if (member.role === 'suplente') {
    return updateSeat(withMember, seatId, (seat) => ({
      ...seat,
      suplenteId: member.memberId,
      vacancy: seat.vacancy?.role === 'suplente' ? null : seat.vacancy,
    }));
  }
  // Only an enlace is left: invitados have no seat.
  return updateSeat(withMember, seatId, (seat) => ({ ...seat, enlaceId: member.memberId }));
}

function emptySeat(seatId: string, titular: Member): Seat {
  return {
    seatId,
    sector: titular.sector,
    titularId: null,
    suplenteId: null,
    enlaceId: null,
    consecutiveAbsences: [],
    absences: [],
    vacancy: null,
  };
}

/**
 * A roll call, first or amended (an amendment replaces the first, as if it had been the first). Seats represented end
 * their absence streak and no longer count this session among their absences; seats absent count it once, whichever
 * roll call said so, after the streak they had before this session's first roll call.
 */
function rollCall(state: RegisteredStl, event: AttendanceRecorded | AttendanceAmended): RegisteredStl {
  const { sessionId, code: _code, ...attendance } = event.data;
  let next = updateSession(state, sessionId, (session) => ({
    ...session,
    attendance,
    status: attendance.quorum ? 'celebrada' : 'sin_quorum',
  }));
  const streakBefore = (seat: Seat) => ({
    sessionId,
    absences:
      seat.streakBefore?.sessionId === sessionId
        ? seat.streakBefore.absences
        : seat.consecutiveAbsences.filter((absence) => absence !== sessionId),
  });
  for (const seatId of attendance.representedSeatIds) {
    next = updateSeat(next, seatId, (seat) => ({
      ...seat,
      consecutiveAbsences: [],
      absences: (seat.absences ?? []).filter((absence) => absence !== sessionId),
      streakBefore: streakBefore(seat),
    }));
  }
  const once = (sessions: readonly string[]) => (sessions.includes(sessionId) ? [...sessions] : [...sessions, sessionId]);
  for (const seatId of attendance.absentSeatIds) {
    next = updateSeat(next, seatId, (seat) => {
      const before = streakBefore(seat);
      return { ...seat, consecutiveAbsences: [...before.absences, sessionId], absences: once(seat.absences ?? []), streakBefore: before };
    });
  }
  return next;
}

/** A new titular, or a removal the STL rejected: the seat's absences start again, and no roll call brings them back. */
function freshStart(seat: Seat): Seat {
  const { streakBefore: _before, ...rest } = seat;
  return { ...rest, consecutiveAbsences: [], absences: [] };
}

function removalDecided(state: RegisteredStl, memberId: string, approved: boolean): RegisteredStl {
  const { [memberId]: _decided, ...removalProposals } = state.removalProposals;
  const next = { ...state, removalProposals };
  const seatId = state.members[memberId]?.seatId;
  // A rejected inactivity proposal gives the seat a fresh start; an approved one is followed by MemberRemoved.
  if (approved || seatId === undefined) return next;
  return updateSeat(next, seatId, (seat) => (seat.titularId === memberId ? freshStart(seat) : seat));
}

function memberLeft(state: RegisteredStl, memberId: string): RegisteredStl {
  const member = state.members[memberId];
  if (member === undefined) return state;
  const { [memberId]: _left, ...members } = state.members;
  const { [memberId]: _proposal, ...removalProposals } = state.removalProposals;
  const next: RegisteredStl = {
    ...state,
    members,
    removalProposals,
    formerMemberIds: [...state.formerMemberIds, memberId],
  };
  if (member.seatId === undefined) return next;
  return updateSeat(next, member.seatId, (seat) => ({
    ...(seat.titularId === memberId ? freshStart(seat) : seat),
    titularId: seat.titularId === memberId ? null : seat.titularId,
    suplenteId: seat.suplenteId === memberId ? null : seat.suplenteId,
    enlaceId: seat.enlaceId === memberId ? null : seat.enlaceId,
  }));
}

function suplentePromoted(state: RegisteredStl, seatId: string, memberId: string): RegisteredStl {
  const promoted = updateMember(state, memberId, (member) => ({ ...member, role: 'titular' }));
  return updateSeat(promoted, seatId, (seat) => ({ ...freshStart(seat), titularId: memberId, suplenteId: null }));
}
