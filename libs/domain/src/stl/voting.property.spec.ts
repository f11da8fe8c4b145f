import fc from 'fast-check';
import { isDomainError } from '../shared/domain-error';
import { assessQuorum, type SeatHolders } from './quorum';
import { type StlEvent } from './stl-events';
import { type CastVote } from './stl-state';
import { DECISION_RULES, type DecisionRule, SECTORS, type VoteValue } from './stl-terms';
import { command, edomexInstalled, given, heldSession, ruledBy, stateOf } from './testing/stl-fixtures';
import { type TieBreak } from './governance';
import { decideOutcome, type SeatVote } from './voting';

/** Estado de México's casting vote (mecanismo-gobernanza-edomex.md, cap. VIII, 4). */
const CIVIL_SOCIETY_CASTS: TieBreak = { kind: 'sector', sector: 'sociedad_civil' };

const MEMBERS = [
  'gob-1',
  'sup-gob-1',
  'enl-gob-1',
  'gob-2',
  'sc-1',
  'sup-sc-1',
  'sc-2',
  'gar-1',
  'sup-gar-1',
  'inv-1',
  'fac-1',
];
const NON_VOTING = ['inv-1', 'fac-1'];
const CIVIL_SOCIETY = new Set(['sc-1', 'sup-sc-1', 'sc-2']);

const voteValue = fc.constantFrom<VoteValue>('favor', 'contra', 'impedimento');
const castVote = fc.record({
  memberId: fc.constantFrom(...MEMBERS),
  vote: voteValue,
  reason: fc.constant('Conflicto de interés'),
});
const ruleArb = fc.constantFrom<DecisionRule>(...DECISION_RULES);

/** Valid ballots of the fixture: each seat absent, or present through one of its holders, who votes. */
const SEATS = [['gob-1', 'sup-gob-1', 'enl-gob-1'], ['gob-2'], ['sc-1', 'sup-sc-1'], ['sc-2'], ['gar-1', 'sup-gar-1']];
const ballots = fc
  .tuple(...SEATS.map((holders) => fc.option(fc.tuple(fc.constantFrom(...holders), voteValue), { nil: undefined })))
  .map((seats) => {
    const cast = seats.filter((seat): seat is [string, VoteValue] => seat !== undefined);
    return {
      present: cast.map(([memberId]) => memberId),
      votes: cast.map(([memberId, vote]): CastVote => ({ memberId, vote, reason: 'Conflicto de interés' })),
    };
  });

function sessionWith(rule: DecisionRule, present: readonly string[]): StlEvent[] {
  const ruled: StlEvent[] = [
    ...edomexInstalled,
    ruledBy(rule),
  ];
  return heldSession(ruled, 's1', '2026-11-18', present);
}

function decide(events: readonly StlEvent[], votes: CastVote[], consensus: boolean) {
  return given(events).when(command('RecordDecision', { sessionId: 's1', subject: 'Asunto', consensus, votes }))
    .decision;
}

describe('voting properties (mecanismo-gobernanza-edomex.md, cap. IV, VI and VIII; guia-instalacion-stl.txt, tabla 2)', () => {
  it('no rule ever lets the facilitador or an invitado vote: any ballot with their vote is refused', () => {
    const intruder = fc.record({
      memberId: fc.constantFrom(...NON_VOTING),
      vote: voteValue,
      reason: fc.constant('Interés'),
    });
    let refusedForRole = 0;
    fc.assert(
      fc.property(
        ruleArb,
        ballots,
        intruder,
        fc.nat(),
        fc.boolean(),
        (rule, { present, votes }, extra, at, consensus) => {
          const withIntruder = [
            ...votes.slice(0, at % (votes.length + 1)),
            extra,
            ...votes.slice(at % (votes.length + 1)),
          ];
          const decision = decide(sessionWith(rule, [...present, extra.memberId]), withIntruder, consensus);
          expect(isDomainError(decision)).toBe(true);
          if (isDomainError(decision) && decision.code === 'NON_VOTING_ROLE') refusedForRole += 1;
          else expect(decision).toMatchObject({ code: 'NO_QUORUM' });
        },
      ),
      { numRuns: 300 },
    );
    expect(refusedForRole).toBeGreaterThan(0);
  });

  it('a recorded decision never holds a non-voting vote and counts each seat once (at most five seats)', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.subarray(MEMBERS),
        fc.array(castVote, { maxLength: 8 }),
        fc.boolean(),
        (rule, present, votes, consensus) => {
          const decision = decide(sessionWith(rule, present), votes, consensus);
          if (isDomainError(decision)) return;
          const [recorded] = decision;
          if (recorded.type !== 'DecisionRecorded') return;
          const { favor, contra, impedimento } = recorded.data.tally;
          expect(recorded.data.votes.every((vote) => !NON_VOTING.includes(vote.memberId))).toBe(true);
          expect(favor + contra + impedimento).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the civil-society rule never approves by vote without a civil-society vote in favour (Jalisco)', () => {
    let approvals = 0;
    fc.assert(
      fc.property(ballots, ({ present, votes }) => {
        const decision = decide(sessionWith('consensus_then_majority_with_civil_society_vote', present), votes, false);
        if (isDomainError(decision)) return;
        const [recorded] = decision;
        if (recorded.type !== 'DecisionRecorded' || !recorded.data.approved) return;
        approvals += 1;
        expect(votes.some((vote) => CIVIL_SOCIETY.has(vote.memberId) && vote.vote === 'favor')).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(approvals).toBeGreaterThan(0);
  });

  it('the pure rule agrees: with_civil_society_vote approves only with a civil-society favour; each_sector only with all sectors', () => {
    const seatVote = fc.record({
      seatId: fc.string({ minLength: 1, maxLength: 3 }),
      sector: fc.constantFrom(...SECTORS),
      vote: voteValue,
    });
    fc.assert(
      fc.property(fc.uniqueArray(seatVote, { selector: (vote) => vote.seatId, maxLength: 9 }), (votes: SeatVote[]) => {
        const sectors = [...new Set(votes.map((vote) => vote.sector))];
        const civil = decideOutcome('consensus_then_majority_with_civil_society_vote', false, votes, sectors, CIVIL_SOCIETY_CASTS);
        if (civil.approved)
          expect(votes.some((vote) => vote.sector === 'sociedad_civil' && vote.vote === 'favor')).toBe(true);
        const each = decideOutcome('consensus_then_majority_with_each_sector_vote', false, votes, sectors, CIVIL_SOCIETY_CASTS);
        if (each.approved) {
          for (const sector of sectors)
            expect(votes.some((vote) => vote.sector === sector && vote.vote === 'favor')).toBe(true);
        }
      }),
    );
  });

  it('quorum never holds without a civil-society representative present (cap. VI, 2), through the decider', () => {
    fc.assert(
      fc.property(fc.subarray(MEMBERS), (present) => {
        const [recorded] = given(
          sessionWith('consensus_then_majority', []).filter((event) => event.type !== 'AttendanceRecorded'),
        ).when(command('RecordAttendance', { sessionId: 's1', present, withoutAttendees: present.length === 0 })).decision as StlEvent[];
        if (recorded.type === 'AttendanceRecorded' && recorded.data.quorum) {
          expect(present.some((memberId) => CIVIL_SOCIETY.has(memberId))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('quorum never holds without a civil-society seat represented, for any composition', () => {
    const holder = fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { nil: null });
    const seat = fc.record<SeatHolders>({
      seatId: fc.string({ minLength: 1, maxLength: 4 }),
      sector: fc.constantFrom(...SECTORS),
      titularId: holder,
      suplenteId: holder,
      enlaceId: holder,
    });
    fc.assert(
      fc.property(
        fc.array(seat, { maxLength: 10 }),
        fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']),
        (seats, present) => {
          const result = assessQuorum(seats, present, true);
          if (result.quorum) {
            const represented = seats.filter((candidate) => result.representedSeatIds.includes(candidate.seatId));
            expect(represented.some((candidate) => candidate.sector === 'sociedad_civil')).toBe(true);
            expect(result.seatsPresent * 2).toBeGreaterThan(result.seatsActive);
          }
        },
      ),
    );
  });

  it('the fixture is what the properties assume', () => {
    expect(Object.keys((stateOf(edomexInstalled) as { members: object }).members).sort()).toEqual(
      MEMBERS.filter((id) => id !== 'fac-1').sort(),
    );
  });
});
