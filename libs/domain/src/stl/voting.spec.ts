import { type RecordDecision } from './stl-commands';
import { type StlEvent } from './stl-events';
import { type CastVote, type RegisteredStl } from './stl-state';
import { type DecisionRule } from './stl-terms';
import {
  ALL_PRESENT,
  command,
  decideOn,
  edomexInstalled,
  given,
  heldSession,
  ruledBy,
  withEnlaceSinVoto,
} from './testing/stl-fixtures';
import { type TieBreak } from './governance';
import { decideOutcome, tally } from './voting';

/** Estado de México's casting vote (mecanismo-gobernanza-edomex.md, cap. VIII, 4). */
const CIVIL_SOCIETY_CASTS: TieBreak = { kind: 'sector', sector: 'sociedad_civil' };

const everyone = [...ALL_PRESENT, 'sup-gob-1', 'inv-1', 'fac-1'];

function withRule(rule: DecisionRule, present: readonly string[] = everyone): StlEvent[] {
  const ruled = [
    ...edomexInstalled,
    ruledBy(rule),
  ];
  return heldSession(ruled, 's1', '2026-11-18', present);
}

function decision(votes: CastVote[], consensus = false, data: Partial<RecordDecision['data']> = {}) {
  return command('RecordDecision', {
    sessionId: 's1',
    subject: 'Aprobar el programa de trabajo 2027',
    consensus,
    votes,
    ...data,
  });
}

const favor = (memberId: string): CastVote => ({ memberId, vote: 'favor' });
const contra = (memberId: string): CastVote => ({ memberId, vote: 'contra' });
const impedimento = (memberId: string, reason = 'Conflicto de interés: su organización es proveedora'): CastVote => ({
  memberId,
  vote: 'impedimento',
  reason,
});

function outcomeOf(events: readonly StlEvent[], votes: CastVote[], consensus = false) {
  const [recorded] = given(events).when(decision(votes, consensus)).decision as StlEvent[];
  return recorded.type === 'DecisionRecorded' ? recorded.data : undefined;
}

describe('RecordDecision: the STL’s rule decides (mecanismo-gobernanza-edomex.md, cap. VIII; guia-instalacion-stl.txt, tabla 2)', () => {
  it('approves by consensus under every rule, with no vote needed', () => {
    const state = given(withRule('consensus_only'))
      .when(decision([], true, { subject: '  Orden del día  ' }))
      .then([
        {
          type: 'DecisionRecorded',
          data: {
            sessionId: 's1',
            subject: 'Orden del día',
            consensus: true,
            votes: [],
            approved: true,
            rule: 'consensus_only',
            via: 'consenso',
            tally: { favor: 0, contra: 0, impedimento: 0, bySector: {} },
          },
        },
      ]) as RegisteredStl;
    expect(state.sessions.s1.decisions).toHaveLength(1);
  });

  it('without consensus, approves by the majority of the votes of the seats present (consensus_then_majority)', () => {
    const votes = [favor('gob-1'), favor('gob-2'), contra('sc-1'), favor('sc-2'), contra('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority'), votes)).toMatchObject({
      approved: true,
      via: 'mayoria',
      tally: { favor: 3, contra: 2 },
    });
    const lost = [contra('gob-1'), contra('gob-2'), favor('sc-1'), favor('sc-2'), contra('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority'), lost)).toMatchObject({
      approved: false,
      code: 'NO_MAJORITY',
    });
  });

  it('records a justified impediment with its reason; it is no vote (cap. VIII, 3)', () => {
    const votes = [
      favor('gob-1'),
      favor('gob-2'),
      contra('sc-1'),
      contra('sc-2'),
      impedimento('gar-1', '  Conflicto de interés '),
    ];
    const outcome = outcomeOf(withRule('consensus_then_majority'), votes);
    expect(outcome?.votes[4]).toEqual({ memberId: 'gar-1', vote: 'impedimento', reason: 'Conflicto de interés' });
    expect(outcome?.tally).toEqual({
      favor: 2,
      contra: 2,
      impedimento: 1,
      bySector: {
        gobierno: { favor: 2, contra: 0, impedimento: 0 },
        sociedad_civil: { favor: 0, contra: 2, impedimento: 0 },
        garante: { favor: 0, contra: 0, impedimento: 1 },
      },
    });
  });

  it('breaks a tie with the civil-society casting vote, either way (cap. VIII, 4: voto de calidad)', () => {
    const forCivil = [contra('gob-1'), contra('gob-2'), favor('sc-1'), favor('sc-2'), impedimento('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority'), forCivil)).toMatchObject({
      approved: true,
      via: 'voto_de_calidad',
      code: 'TIE_CASTING_VOTE',
    });
    const againstCivil = [favor('gob-1'), favor('gob-2'), contra('sc-1'), contra('sc-2'), impedimento('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority'), againstCivil)).toMatchObject({
      approved: false,
      code: 'TIE_CASTING_VOTE',
    });
  });

  it('leaves the tie standing when civil society itself splits evenly', () => {
    const split = [favor('gob-1'), contra('gob-2'), favor('sc-1'), contra('sc-2'), impedimento('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority'), split)).toMatchObject({
      approved: false,
      code: 'TIE_UNRESOLVED',
    });
  });

  it('does not approve when every vote is an impediment', () => {
    const none = ALL_PRESENT.map((memberId) => impedimento(memberId));
    expect(outcomeOf(withRule('consensus_then_majority'), none)).toMatchObject({
      approved: false,
      code: 'NO_MAJORITY',
    });
  });

  it('needs a civil-society vote in favour under Jalisco’s rule (…with_civil_society_vote)', () => {
    const withoutCivil = [favor('gob-1'), favor('gob-2'), contra('sc-1'), contra('sc-2'), favor('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority_with_civil_society_vote'), withoutCivil)).toMatchObject({
      approved: false,
      code: 'NO_CIVIL_SOCIETY_VOTE',
    });
    const withCivil = [favor('gob-1'), favor('gob-2'), favor('sc-1'), contra('sc-2'), contra('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority_with_civil_society_vote'), withCivil)).toMatchObject({
      approved: true,
    });
  });

  it('needs a vote in favour from each sector under Morelos’ and Sinaloa’s rule (…with_each_sector_vote)', () => {
    const withoutGarante = [favor('gob-1'), favor('gob-2'), favor('sc-1'), contra('sc-2'), contra('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority_with_each_sector_vote'), withoutGarante)).toMatchObject({
      approved: false,
      code: 'NO_EACH_SECTOR_VOTE',
    });
    const everySector = [favor('gob-1'), contra('gob-2'), favor('sc-1'), contra('sc-2'), favor('gar-1')];
    expect(outcomeOf(withRule('consensus_then_majority_with_each_sector_vote'), everySector)).toMatchObject({
      approved: true,
      via: 'mayoria',
    });
  });

  it.each<DecisionRule>(['consensus_only', 'consensus_by_thematic_tables'])(
    'never falls back to a majority under %s (San Luis Potosí; Veracruz: back to the thematic tables)',
    (rule) => {
      const unanimousButNoConsensus = ALL_PRESENT.map(favor);
      expect(outcomeOf(withRule(rule), unanimousButNoConsensus)).toMatchObject({
        approved: false,
        code: 'NO_CONSENSUS',
      });
      expect(outcomeOf(withRule(rule), [])).toMatchObject({ approved: false, code: 'NO_CONSENSUS' });
    },
  );
});

describe('RecordDecision: who votes (cap. IV and VI, 3: un voto por representación)', () => {
  const held = withRule('consensus_then_majority');

  it('refuses the vote of an enlace named without vote, like the facilitador’s', () => {
    const present = ['enl-gob-1b', 'gob-2', 'sc-1', 'sc-2', 'gar-1'];
    const session = heldSession(withEnlaceSinVoto(edomexInstalled), 's1', '2026-11-18', present);
    const votes = [favor('enl-gob-1b'), favor('gob-2'), favor('sc-1'), favor('sc-2'), favor('gar-1')];
    expect(given(session).when(decision(votes)).then('NON_VOTING_ROLE').details).toEqual({ memberId: 'enl-gob-1b' });
  });

  it('lets the suplente or enlace vote for an absent titular', () => {
    const substitutes = withRule('consensus_then_majority', ['sup-gob-1', 'gob-2', 'sup-sc-1', 'gar-1']);
    const outcome = outcomeOf(substitutes, [favor('sup-gob-1'), favor('gob-2'), favor('sup-sc-1'), contra('gar-1')]);
    expect(outcome).toMatchObject({ approved: true, tally: { favor: 3, contra: 1 } });
    const byEnlace = withRule('consensus_then_majority', ['enl-gob-1', 'sc-1', 'gar-1']);
    expect(outcomeOf(byEnlace, [favor('enl-gob-1'), favor('sc-1'), favor('gar-1')])).toMatchObject({ approved: true });
  });

  it.each<[string, CastVote[], string, 'invalid' | 'conflict']>([
    ['the facilitador (voz, pero no voto)', [favor('fac-1')], 'NON_VOTING_ROLE', 'invalid'],
    [
      'an invitado (únicamente derecho a voz, cap. IV, VII)',
      [...ALL_PRESENT.map(favor), contra('inv-1')],
      'NON_VOTING_ROLE',
      'invalid',
    ],
    ['the suplente while the titular is present', [favor('sup-gob-1')], 'TITULAR_PRESENT', 'conflict'],
    ['two votes of one seat', [favor('gob-1'), favor('gob-1')], 'DUPLICATE_SEAT_VOTE', 'invalid'],
    ['a stranger', [favor('nadie')], 'UNKNOWN_MEMBER', 'conflict'],
    [
      'an abstention with a blank reason',
      [{ memberId: 'gob-1', vote: 'impedimento', reason: ' ' }],
      'IMPEDIMENT_REASON_REQUIRED',
      'invalid',
    ],
    [
      'an abstention with no reason at all',
      [{ memberId: 'gob-1', vote: 'impedimento' }],
      'IMPEDIMENT_REASON_REQUIRED',
      'invalid',
    ],
    [
      'an abstention that is not an impediment',
      [{ memberId: 'gob-1', vote: 'abstencion' as never }],
      'INVALID_VOTE',
      'invalid',
    ],
    ['a member who did not attend', [favor('sup-sc-1')], 'VOTER_NOT_PRESENT', 'conflict'],
    [
      'a vote when some seats present did not vote (no abstention)',
      [favor('gob-1'), favor('sc-1')],
      'VOTES_MISSING',
      'invalid',
    ],
  ])('refuses a vote by %s', (_case, votes, code, category) => {
    expect(given(held).when(decision(votes)).then(code).category).toBe(category);
  });

  it('names the suplente whose vote is refused and the titular who attended (issue 21: people by name)', () => {
    const error = given(held).when(decision([favor('sup-gob-1')])).then('TITULAR_PRESENT');
    expect(error.message).toBe('«suplente sup-gob-1» es suplente y su titular, «Titular gob-1», está presente: el suplente tiene voz, pero no voto.');
  });

  it('names the seats whose votes are missing', () => {
    expect(
      given(held)
        .when(decision([favor('gob-1'), favor('sc-1'), favor('gar-1')]))
        .then('VOTES_MISSING').details,
    ).toEqual({
      seatIds: ['gob-2', 'sc-2'],
    });
  });

  it('refuses a "consensus" with votes against', () => {
    given(held)
      .when(decision([favor('gob-1'), contra('sc-1')], true))
      .then('CONSENSUS_CONTRADICTED');
  });

  it('refuses the vote of an enlace whose seat is vacant', () => {
    const emptied = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command('ResignMember', { memberId: 'sup-gob-1', on: '2026-10-01' }),
        command('ResignMember', { memberId: 'gob-1', on: '2026-10-01' }),
      ]),
    ];
    const session = heldSession(emptied, 's1', '2026-11-18', ['enl-gob-1', 'gob-2', 'sc-1', 'sc-2', 'gar-1']);
    given(session)
      .when(decision([favor('enl-gob-1')]))
      .then('SEAT_VACANT');
  });

  it('decides only in a session with recorded attendance and quorum, before its acta is approved', () => {
    const noQuorum = withRule('consensus_then_majority', ['gob-1', 'gob-2', 'gar-1']);
    expect(given(noQuorum).when(decision([], true)).then('NO_QUORUM').category).toBe('conflict');
    const convenedOnly = held.filter((event) => event.type !== 'AttendanceRecorded');
    given(convenedOnly).when(decision([], true)).then('ATTENDANCE_NOT_RECORDED');
    given(held)
      .when(decision([], true, { sessionId: 'nope' }))
      .then('SESSION_NOT_FOUND');
    given(held)
      .when(decision([], true, { subject: ' ' }))
      .then('FIELD_REQUIRED');
    const closed = [
      ...held,
      ...decideOn(held, [
        command('ApproveMinutes', {
          sessionId: 's1',
          approvedOn: '2026-11-18',
          signedBy: [...ALL_PRESENT, 'sup-gob-1'],
        }),
      ]),
    ];
    given(closed).when(decision([], true)).then('MINUTES_ALREADY_APPROVED');
  });
});

describe('decideOutcome and tally (pure)', () => {
  it('counts a fourth sector among "each sector" when it has seats (Morelos)', () => {
    const votes = [
      { seatId: 'g', sector: 'gobierno' as const, vote: 'favor' as const },
      { seatId: 's', sector: 'sociedad_civil' as const, vote: 'favor' as const },
      { seatId: 'o', sector: 'garante' as const, vote: 'favor' as const },
      { seatId: 'a', sector: 'adicional' as const, vote: 'contra' as const },
    ];
    const sectors = ['gobierno', 'sociedad_civil', 'garante', 'adicional'] as const;
    expect(decideOutcome('consensus_then_majority_with_each_sector_vote', false, votes, sectors, CIVIL_SOCIETY_CASTS)).toMatchObject({
      approved: false,
      code: 'NO_EACH_SECTOR_VOTE',
    });
    expect(tally(votes).bySector.adicional).toEqual({ favor: 0, contra: 1, impedimento: 0 });
  });
});
