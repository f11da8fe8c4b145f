import { type Decision } from '../shared/decider';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { type RecordDecision } from './stl-commands';
import { stlErrors } from './stl-errors';
import { type StlEvent } from './stl-events';
import { attendanceWithQuorum, checkText, findSession, firstError } from './stl-guards';
import {
  activeSeats,
  type AttendanceRecord,
  canVote,
  type CastVote,
  mechanismOn,
  type RegisteredStl,
  type Session,
} from './stl-state';
import { isReservedActKind, type ReservedAct } from './reserved-acts';
import { decideOutcome, type SeatVote } from './voting';

const VOTE_VALUES: readonly string[] = ['favor', 'contra', 'impedimento'];

/**
 * A decision of a session with quorum (mecanismo-gobernanza-edomex.md, cap. VI and VIII): one vote per seat, by
 * its titular or, when the titular is absent, by its suplente or enlace; facilitador and invitados have voice and
 * no vote; no abstention but a justified impediment; then the STL's rule decides (voting.ts).
 */
export function decideRecordDecision(command: RecordDecision, state: RegisteredStl): Decision<StlEvent> {
  const { sessionId, subject, consensus, votes } = command.data;
  const session = findSession(state, sessionId);
  if (isDomainError(session)) return session;
  const attendance = attendanceWithQuorum(session);
  if (isDomainError(attendance)) return attendance;
  const error = firstError(requireOpen(session), checkText('subject', subject));
  if (error) return error;
  const seatVotes = castBallots(votes, state, attendance);
  if (isDomainError(seatVotes)) return seatVotes;
  const incomplete = consensus ? contradictedConsensus(seatVotes) : missingVotes(state, session, attendance, seatVotes);
  if (incomplete) return incomplete;
  const actError = checkAct(command.data.act, state, session);
  if (actError) return actError;
  const sectors = [...new Set(activeSeats(state).map((seat) => seat.sector))];
  const { decision: mechanism } = mechanismOn(state, session.date);
  const outcome = decideOutcome(mechanism.rule, consensus, seatVotes, sectors, mechanism.tieBreak);
  const act = command.data.act;
  const recorded = {
    sessionId,
    subject: subject.trim(),
    ...(act === undefined || act === null ? {} : { act: actOf(act) }),
    consensus,
    votes: votes.map(cleanVote),
    ...outcome,
  };
  return [{ type: 'DecisionRecorded', data: recorded }];
}

function actOf(act: ReservedAct): ReservedAct {
  return act.memberId === undefined ? { kind: act.kind } : { kind: act.kind, memberId: act.memberId };
}

/**
 * What a decision authorises must be named so it cannot be reused for another act: a titular's or a removed
 * member's id; a removal is voted on only once proposed, at a later session ("con la finalidad de que sea
 * considerado en la próxima sesión", mecanismo-gobernanza-edomex.md, cap. III, 5).
 */
function checkAct(act: ReservedAct | undefined | null, state: RegisteredStl, session: Session): DomainError | undefined {
  if (act === undefined || act === null) return undefined;
  if (!isReservedActKind(act.kind)) {
    return stlErrors.UNKNOWN_RESERVED_ACT(act.kind);
  }
  const needsMember = act.kind === 'add_titular' || act.kind === 'remove_member';
  if (needsMember) {
    const missing = checkText('act.memberId', act.memberId);
    if (missing) return missing;
  }
  if (act.kind !== 'remove_member') return undefined;
  const proposal = state.removalProposals[act.memberId as string];
  if (proposal === undefined) {
    return stlErrors.REMOVAL_NOT_PROPOSED(act.memberId as string);
  }
  return session.date <= proposal.proposedOn
    ? stlErrors.REMOVAL_NOT_AT_LATER_SESSION(proposal.proposedOn, session.date)
    : undefined;
}

/** Once the acta is approved and signed the session is closed. */
export function requireOpen(session: Session): DomainError | undefined {
  return session.minutes === undefined ? undefined : stlErrors.MINUTES_ALREADY_APPROVED(session.sessionId);
}

/** Who may vote, vote by vote; non-voting roles are looked for first, so their votes are always what is refused. */
export function castBallots(
  votes: readonly CastVote[],
  state: RegisteredStl,
  attendance: AttendanceRecord,
): DomainError | SeatVote[] {
  const nonVoting = votes.find((vote) => {
    const member = state.members[vote.memberId];
    return vote.memberId === state.facilitador?.facilitadorId || (member !== undefined && !canVote(member));
  });
  if (nonVoting !== undefined) return stlErrors.NON_VOTING_ROLE(nonVoting.memberId);
  const seatVotes: SeatVote[] = [];
  for (const vote of votes) {
    const seatVote = ballotOf(vote, state, attendance);
    if (isDomainError(seatVote)) return seatVote;
    if (seatVotes.some((cast) => cast.seatId === seatVote.seatId)) {
      return stlErrors.DUPLICATE_SEAT_VOTE(seatVote.seatId);
    }
    seatVotes.push(seatVote);
  }
  return seatVotes;
}

function ballotOf(vote: CastVote, state: RegisteredStl, attendance: AttendanceRecord): DomainError | SeatVote {
  const member = state.members[vote.memberId];
  if (!VOTE_VALUES.includes(vote.vote)) return stlErrors.INVALID_VOTE(vote.memberId);
  if (member?.seatId === undefined) return stlErrors.UNKNOWN_MEMBER(vote.memberId);
  if (vote.vote === 'impedimento' && (vote.reason ?? '').trim() === '') {
    return stlErrors.IMPEDIMENT_REASON_REQUIRED(vote.memberId);
  }
  if (!attendance.present.includes(vote.memberId)) return stlErrors.VOTER_NOT_PRESENT(member.nombre, vote.memberId);
  const seat = state.seats[member.seatId];
  if (seat.titularId === null) return stlErrors.SEAT_VACANT(member.nombre, vote.memberId);
  if (member.role !== 'titular' && attendance.present.includes(seat.titularId)) {
    return stlErrors.TITULAR_PRESENT(member.role, member.nombre, state.members[seat.titularId].nombre, vote.memberId);
  }
  return { seatId: seat.seatId, sector: seat.sector, vote: vote.vote };
}

function contradictedConsensus(seatVotes: readonly SeatVote[]): DomainError | undefined {
  return seatVotes.some((vote) => vote.vote === 'contra') ? stlErrors.CONSENSUS_CONTRADICTED() : undefined;
}

/** Without consensus a majority rule votes, and every seat present must vote (no abstention, cap. VIII, 3). */
function missingVotes(
  state: RegisteredStl,
  session: Session,
  attendance: AttendanceRecord,
  seatVotes: readonly SeatVote[],
): DomainError | undefined {
  const rule = mechanismOn(state, session.date).decision.rule;
  if (rule === 'consensus_only' || rule === 'consensus_by_thematic_tables') return undefined;
  const voted = new Set(seatVotes.map((vote) => vote.seatId));
  const missing = attendance.representedSeatIds.filter(
    (seatId) => !voted.has(seatId) && state.seats[seatId].titularId !== null,
  );
  return missing.length === 0 ? undefined : stlErrors.VOTES_MISSING(missing);
}

function cleanVote(vote: CastVote): CastVote {
  const reason = vote.reason?.trim();
  return reason === undefined || reason === '' ? { memberId: vote.memberId, vote: vote.vote } : { ...vote, reason };
}
