import { type Decision } from '../shared/decider';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { type LocalDate } from '../shared/local-date';
import { type DecideRemoval, type ProposeRemoval, type ResignMember } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type RemovalProposed, type StlEvent } from './stl-events';
import {
  attendanceWithQuorum,
  checkPastDate,
  type DecisionContext,
  findSession,
  firstError,
  unknownMembers,
} from './stl-guards';
import { type GovernanceMechanism } from './governance';
import { type ActBasis, authorize, decisionAbout } from './reserved-acts';
import { type Member, mechanismOn, type RegisteredStl, type RemovalProposal, type Seat, type Session } from './stl-state';
import { isPublicSector, type RemovalCause } from './stl-terms';

/** "cuando se ausenten de las sesiones … en tres ocasiones seguidas" (mecanismo-gobernanza-edomex.md, cap. III, 5 b). */
export const INACTIVITY_ABSENCES = 3;

const PROPOSABLE_CAUSES: readonly RemovalCause[] = ['inactividad', 'probidad', 'incumplimiento_normas', 'afectacion_pal'];

/** A seat's absences as its mechanism counts them: in a row, or all since its titular took it. */
export function countedAbsences(seat: Seat, consecutive: boolean): readonly string[] {
  return consecutive ? seat.consecutiveAbsences : (seat.absences ?? seat.consecutiveAbsences);
}

/**
 * Seats whose titular the mechanism in force today would let a member propose to remove for inactivity
 * ("Por inactividad, cuando se ausenten de las sesiones o reuniones del trabajo del STL en tres ocasiones
 * seguidas", mecanismo-gobernanza-edomex.md, cap. III, 5 b, where the number is the STL's own). A warning and a
 * suggestion only: "alguno de los integrantes del STL propondrán la remoción".
 */
export function inactiveSeats(
  state: RegisteredStl,
  today: LocalDate,
): { readonly seatId: string; readonly titularId: string; readonly absences: readonly string[] }[] {
  return seatsPastThreshold(state, mechanismOn(state, today).removal);
}

export function seatsPastThreshold(
  state: RegisteredStl,
  removal: GovernanceMechanism['removal'],
): { readonly seatId: string; readonly titularId: string; readonly absences: readonly string[] }[] {
  if (removal === null) return [];
  return Object.values(state.seats).flatMap((seat) => {
    const absences = countedAbsences(seat, removal.consecutive);
    if (seat.titularId === null || absences.length < removal.absences) return [];
    return [{ seatId: seat.seatId, titularId: seat.titularId, absences }];
  });
}

/**
 * Absence is counted per seat: a seat whose titular sends the suplente or enlace is not absent (the suplentes are
 * those "en los cuales delegan sus responsabilidades durante su ausencia", cap. I). Every session whose attendance
 * is taken counts, with or without quorum. The third absence in a row proposes removing the seat's titular, once.
 */
export function inactivityProposals(
  state: RegisteredStl,
  session: Session,
  absentSeatIds: readonly string[],
): RemovalProposed[] {
  return absentSeatIds.flatMap((seatId): RemovalProposed[] => {
    const seat = state.seats[seatId];
    const absences = [...seat.consecutiveAbsences, session.sessionId];
    // Absent seats are active seats (quorum.ts): they have a titular.
    const titularId = seat.titularId as string;
    if (absences.length < INACTIVITY_ABSENCES || state.removalProposals[titularId] !== undefined) return [];
    const data = {
      memberId: titularId,
      cause: 'inactividad' as const,
      proposedOn: session.date,
      sessionId: session.sessionId,
      absentSessionIds: absences.slice(-INACTIVITY_ABSENCES),
    };
    return [{ type: 'RemovalProposed', data }];
  });
}

/**
 * Any member may propose a removal for the causes of cap. III, 5, inactivity once the seat's absences reach the
 * mechanism's number; the member is notified to answer.
 */
export function decideProposeRemoval(
  command: ProposeRemoval,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { memberId, cause, proposedBy, proposedOn = context.today } = command.data;
  const error = firstError(
    PROPOSABLE_CAUSES.includes(cause) ? undefined : stlErrors.INVALID_REMOVAL_CAUSE(),
    checkPastDate('proposedOn', proposedOn, context),
    unknownMembers(state, [memberId, proposedBy]),
    state.removalProposals[memberId] === undefined ? undefined : stlErrors.REMOVAL_ALREADY_PROPOSED(memberId),
    cause === 'inactividad' ? checkInactivity(state, memberId, context.today) : undefined,
  );
  if (error) return error;
  if (cause === 'inactividad') {
    const seat = inactiveSeats(state, context.today).find((inactive) => inactive.titularId === memberId);
    const data = { memberId, cause, proposedOn, proposedBy, absentSessionIds: seat?.absences ?? [] };
    return [{ type: 'RemovalProposed', data }];
  }
  return [{ type: 'RemovalProposed', data: { memberId, cause, proposedOn, proposedBy } }];
}

function checkInactivity(state: RegisteredStl, memberId: string, today: LocalDate): DomainError | undefined {
  const removal = mechanismOn(state, today).removal;
  if (removal === null) {
    return stlErrors.NO_REMOVAL_FOR_ABSENCES();
  }
  return inactiveSeats(state, today).some((seat) => seat.titularId === memberId)
    ? undefined
    : stlErrors.ABSENCES_BELOW_THRESHOLD(memberId, removal.absences, removal.consecutive);
}

/**
 * "… con la finalidad de que sea considerado en la próxima sesión": the STL votes on it by its own rule (a decision
 * about this removal, recorded in a later session with quorum), and the removal follows that decision's outcome.
 */
export function decideDecideRemoval(
  command: DecideRemoval,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  if (context.legacyGovernance === true) return decideBareRemoval(command, state);
  const { memberId } = command.data;
  const proposal = state.removalProposals[memberId];
  if (proposal === undefined) {
    return stlErrors.REMOVAL_NOT_PROPOSED(memberId);
  }
  const act = { kind: 'remove_member' as const, memberId };
  const { decision, historical } = command.data;
  if (decision !== undefined && decision !== null) {
    const voted = decisionAbout(state, act, decision);
    if (isDomainError(voted)) return voted;
    const basis = { kind: 'decision' as const, sessionId: decision.sessionId, decisionId: decision.decisionId };
    return removal(state, proposal, voted.decision.approved, voted.session.date, basis, voted.session.sessionId);
  }
  const authorized = authorize(state, act, { historical });
  if (isDomainError(authorized)) return authorized;
  if (typeof command.data.approved !== 'boolean') {
    return stlErrors.FIELD_REQUIRED('approved');
  }
  return removal(state, proposal, command.data.approved, context.today, authorized.basis);
}

function removal(
  state: RegisteredStl,
  proposal: RemovalProposal,
  approved: boolean,
  on: LocalDate,
  basis: ActBasis,
  sessionId?: string,
): StlEvent[] {
  const { memberId } = proposal;
  const decided: StlEvent = {
    type: 'RemovalDecided',
    data: { memberId, approved, ...(sessionId === undefined ? {} : { sessionId }), decidedOn: on, basis },
  };
  if (!approved) return [decided];
  return [
    decided,
    { type: 'MemberRemoved', data: { memberId, on, cause: proposal.cause } },
    ...succession(state, state.members[memberId], on),
  ];
}

/** Runs begun before mechanisms: a bare yes/no at a later session with quorum. */
function decideBareRemoval(command: DecideRemoval, state: RegisteredStl): Decision<StlEvent> {
  const { memberId } = command.data;
  const approved = command.data.approved === true;
  const sessionId = command.data.sessionId ?? '';
  const proposal = state.removalProposals[memberId];
  if (proposal === undefined) return stlErrors.REMOVAL_NOT_PROPOSED(memberId);
  const session = findSession(state, sessionId);
  if (isDomainError(session)) return session;
  const attendance = attendanceWithQuorum(session);
  if (isDomainError(attendance)) return attendance;
  if (session.date <= proposal.proposedOn) {
    return stlErrors.REMOVAL_NOT_AT_LATER_SESSION(proposal.proposedOn, session.date);
  }
  const decided: StlEvent = {
    type: 'RemovalDecided',
    data: { memberId, approved, sessionId, decidedOn: session.date },
  };
  if (!approved) return [decided];
  const member = state.members[memberId];
  return [
    decided,
    { type: 'MemberRemoved', data: { memberId, on: session.date, cause: proposal.cause } },
    ...succession(state, member, session.date),
  ];
}

export function decideResignMember(
  command: ResignMember,
  state: RegisteredStl,
  context: DecisionContext,
): Decision<StlEvent> {
  const { memberId, on } = command.data;
  const error = firstError(unknownMembers(state, [memberId]), checkPastDate('on', on, context));
  if (error) return error;
  return [{ type: 'MemberResigned', data: { memberId, on } }, ...succession(state, state.members[memberId], on)];
}

/**
 * mecanismo-gobernanza-edomex.md, cap. III, 4: a titular who leaves is replaced by the suplente, whose place
 * opens (public institution: the titular designates; civil society: the STL calls); a seat left without titular
 * and suplente opens for a call (civil society) or for the members to propose what to do (public institution).
 * Two resignations at once are the same two steps in a row and end the same way.
 */
export function succession(state: RegisteredStl, member: Member, on: LocalDate): StlEvent[] {
  if (member.seatId === undefined) return [];
  const seat = state.seats[member.seatId];
  const publicSeat = isPublicSector(seat.sector);
  const vacancy = (role: 'titular' | 'suplente'): StlEvent => ({
    type: 'VacancyOpened',
    data: {
      seatId: seat.seatId,
      sector: seat.sector,
      role,
      how: !publicSeat ? 'convocatoria' : role === 'suplente' ? 'designacion' : 'propuesta_del_stl',
      on,
    },
  });
  if (member.role === 'suplente') return [vacancy('suplente')];
  if (member.role !== 'titular') return [];
  if (seat.suplenteId === null) return [vacancy('titular')];
  return [
    {
      type: 'SuplentePromoted',
      data: { seatId: seat.seatId, memberId: seat.suplenteId, formerTitularId: member.memberId, on },
    },
    vacancy('suplente'),
  ];
}
