import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { edomex2019, minimosGuia } from './governance';
import { inactiveSeats } from './membership';
import { stlDeciderWith } from './stl-decider';
import { type StlEvent } from './stl-events';
import { type CastVote, type RegisteredStl } from './stl-state';
import {
  ALL_PRESENT,
  appointFunes,
  command,
  decideOn,
  edomexInstalled,
  edomexMembers,
  given,
  heldSession,
  history,
  on,
  registerEdomex,
  ruledBy,
  stateOf,
} from './testing/stl-fixtures';

const favor = (memberId: string): CastVote => ({ memberId, vote: 'favor' });
const contra = (memberId: string): CastVote => ({ memberId, vote: 'contra' });

const withoutGob2 = ['gob-1', 'sc-1', 'sc-2', 'gar-1'];
const s1 = heldSession(edomexInstalled, 's1', '2026-09-23', withoutGob2);
const s2 = heldSession(s1, 's2', '2026-10-21', withoutGob2);
const s3Convened = heldSession(s2, 's3', '2026-11-18', withoutGob2).filter(
  (event) =>
    !(event.type === 'AttendanceRecorded' && event.data.sessionId === 's3') && event.type !== 'RemovalProposed',
);
const s3 = heldSession(s2, 's3', '2026-11-18', withoutGob2);
const s4 = heldSession(s3, 's4', '2026-11-20', withoutGob2);

function seats(events: readonly StlEvent[]) {
  return (stateOf(events) as RegisteredStl).seats;
}

const legacy = stlDeciderWith(DEFAULT_DEADLINE_POLICY, { legacyGovernance: true });

/** s4 after gob-2's removal was proposed by a member on 2026-11-19, with the STL's vote on it recorded. */
function votedOn(votes: readonly CastVote[]): StlEvent[] {
  const proposed = [
    ...s3,
    ...decideOn(s3, [
      command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }, on('2026-11-19')),
    ]),
  ];
  const held = heldSession(proposed, 's4', '2026-11-20', withoutGob2);
  const vote = command('RecordDecision', {
    sessionId: 's4',
    subject: 'Remoción de gob-2 por inactividad',
    act: { kind: 'remove_member', memberId: 'gob-2' },
    consensus: false,
    votes: [...votes],
  });
  return [...held, ...decideOn(held, [vote])];
}

describe('Inactivity (mecanismo-gobernanza-edomex.md, cap. III, 5 b: "cuando se ausenten de las sesiones … en tres ocasiones seguidas")', () => {
  it('warns and suggests past the mechanism’s number of absences, and never proposes the removal on its own', () => {
    // "alguno de los integrantes del STL propondrán la remoción del cargo" (cap. III, 5): a member proposes, not the system.
    expect(s3.some((event) => event.type === 'RemovalProposed')).toBe(false);
    expect(inactiveSeats(stateOf(s3) as RegisteredStl, '2026-11-18')).toEqual([
      { seatId: 'gob-2', titularId: 'gob-2', absences: ['s1', 's2', 's3'] },
    ]);
    expect(inactiveSeats(stateOf(s2) as RegisteredStl, '2026-10-21')).toEqual([]);
  });

  it('does not count a seat as absent when its suplente or enlace attends (they stand in for the titular, cap. I)', () => {
    const bySuplente = ['sup-gob-1', 'gob-2', 'sc-1', 'sc-2', 'gar-1'];
    const three = heldSession(
      heldSession(heldSession(edomexInstalled, 's1', '2026-09-23', bySuplente), 's2', '2026-10-21', bySuplente),
      's3',
      '2026-11-18',
      bySuplente,
    );
    expect(inactiveSeats(stateOf(three) as RegisteredStl, '2026-11-18')).toEqual([]);
    expect(seats(three)['gob-1'].consecutiveAbsences).toEqual([]);
  });

  it('starts counting again when the seat attends', () => {
    const back = heldSession(s2, 's3', '2026-11-18', [...withoutGob2, 'gob-2']);
    const again = heldSession(back, 's4', '2026-11-20', withoutGob2);
    expect(inactiveSeats(stateOf(again) as RegisteredStl, '2026-11-20')).toEqual([]);
    expect(seats(again)['gob-2'].consecutiveAbsences).toEqual(['s4']);
  });

  it('counts sessions without quorum too', () => {
    const noQuorum = heldSession(
      heldSession(heldSession(edomexInstalled, 'a', '2026-09-23', ['gob-1']), 'b', '2026-10-21', ['gob-1']),
      'c',
      '2026-11-18',
      ['gob-1'],
    );
    expect(inactiveSeats(stateOf(noQuorum) as RegisteredStl, '2026-11-18').map((seat) => seat.titularId)).toEqual([
      'gob-2',
      'sc-1',
      'sc-2',
      'gar-1',
    ]);
    expect(noQuorum.some((event) => event.type === 'RemovalProposed')).toBe(false);
  });

  it('counts absences not in a row when the mechanism says so', () => {
    const twoInAll: StlEvent = {
      ...ruledBy('consensus_then_majority'),
      data: { ...ruledBy('consensus_then_majority').data, mechanism: { ...edomex2019('consensus_then_majority'), removal: { absences: 2, consecutive: false } } },
    } as StlEvent;
    const base = [...edomexInstalled, twoInAll];
    const apart = heldSession(
      heldSession(heldSession(base, 's1', '2026-09-23', withoutGob2), 's2', '2026-10-21', ALL_PRESENT),
      's3',
      '2026-11-18',
      withoutGob2,
    );
    expect(inactiveSeats(stateOf(apart) as RegisteredStl, '2026-11-18')).toEqual([
      { seatId: 'gob-2', titularId: 'gob-2', absences: ['s1', 's3'] },
    ]);
  });

  it('reuniones de trabajo are recorded apart and never count as absences (MG cap. VI, 5)', () => {
    const meeting = command('RecordWorkingMeeting', {
      meetingId: 'rt-1',
      date: '2026-10-01',
      topic: 'Mesa técnica del compromiso 3',
      participants: ['gob-1', 'sc-1', 'fac-1'],
    });
    const withMeeting = [...s2, ...decideOn(s2, [meeting])];
    const state = stateOf(withMeeting) as RegisteredStl;
    expect(state.workingMeetings).toEqual([
      { meetingId: 'rt-1', date: '2026-10-01', topic: 'Mesa técnica del compromiso 3', participants: ['gob-1', 'sc-1', 'fac-1'] },
    ]);
    expect(state.seats['gob-2'].consecutiveAbsences).toEqual(['s1', 's2']);
    given(withMeeting).when(meeting).then('WORKING_MEETING_EXISTS');
    given(s2)
      .when(command('RecordWorkingMeeting', { meetingId: 'rt-2', date: '2026-10-01', topic: 'x', participants: ['nadie'] }))
      .then('UNKNOWN_MEMBER');
  });

  it('runs begun before mechanisms keep the system’s proposal at the third absence in a row, as they recorded it', () => {
    const state = stateOf(s3Convened);
    expect(legacy.decide(command('RecordAttendance', { sessionId: 's3', present: withoutGob2 }), state)).toEqual([
      expect.objectContaining({ type: 'AttendanceRecorded' }),
      {
        type: 'RemovalProposed',
        data: {
          memberId: 'gob-2',
          cause: 'inactividad',
          proposedOn: '2026-11-18',
          sessionId: 's3',
          absentSessionIds: ['s1', 's2', 's3'],
        },
      },
    ]);
  });
});

describe('ProposeRemoval by inactivity: "alguno de los integrantes del STL propondrán la remoción del cargo" (MG cap. III, 5)', () => {
  it('a named member proposes once the seat reached the mechanism’s absences', () => {
    given(s3)
      .when(command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }))
      .then([
        {
          type: 'RemovalProposed',
          data: {
            memberId: 'gob-2',
            cause: 'inactividad',
            proposedOn: '2026-11-23',
            proposedBy: 'sc-1',
            absentSessionIds: ['s1', 's2', 's3'],
          },
        },
      ]);
  });

  it('refuses below the threshold, and where the mechanism has no removal for absences (the guide’s minimum)', () => {
    expect(
      given(s2)
        .when(command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }))
        .then('ABSENCES_BELOW_THRESHOLD').details,
    ).toEqual({ memberId: 'gob-2', absences: 3, consecutive: true });
    const guide: StlEvent = { ...ruledBy('consensus_then_majority'), data: { ...ruledBy('consensus_then_majority').data, mechanism: minimosGuia('consensus_then_majority') } } as StlEvent;
    given([...s3, guide])
      .when(command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }))
      .then('NO_REMOVAL_FOR_ABSENCES');
  });
});

describe('DecideRemoval: "sea considerado en la próxima sesión", decided by the STL’s vote (MG cap. III, 5 and 7)', () => {
  it('removes the member when the session’s decision about that removal is approved; the seat opens (cap. III, 4 d)', () => {
    const voted = votedOn([favor('gob-1'), favor('sc-1'), favor('sc-2'), contra('gar-1')]);
    const state = given(voted)
      .when(command('DecideRemoval', { memberId: 'gob-2', decision: { sessionId: 's4', decisionId: '1' } }))
      .then([
        {
          type: 'RemovalDecided',
          data: {
            memberId: 'gob-2',
            approved: true,
            sessionId: 's4',
            decidedOn: '2026-11-20',
            basis: { kind: 'decision', sessionId: 's4', decisionId: '1' },
          },
        },
        { type: 'MemberRemoved', data: { memberId: 'gob-2', on: '2026-11-20', cause: 'inactividad' } },
        {
          type: 'VacancyOpened',
          data: { seatId: 'gob-2', sector: 'gobierno', role: 'titular', how: 'propuesta_del_stl', on: '2026-11-20' },
        },
        {
          type: 'CompositionWarningsChanged',
          data: {
            warnings: [
              expect.objectContaining({ code: 'SECTOR_IMBALANCE', details: { gobierno: 1, sociedad_civil: 2 } }),
            ],
          },
        },
      ]) as RegisteredStl;
    expect(state.members['gob-2']).toBeUndefined();
    expect(state.removalProposals).toEqual({});
  });

  it('keeps the member when the vote does not approve it (a 2–2 tie broken by civil society against), and the seat counts again', () => {
    const voted = votedOn([favor('gob-1'), contra('sc-1'), contra('sc-2'), favor('gar-1')]);
    const state = given(voted)
      .when(command('DecideRemoval', { memberId: 'gob-2', decision: { sessionId: 's4', decisionId: '1' } }))
      .then([
        {
          type: 'RemovalDecided',
          data: {
            memberId: 'gob-2',
            approved: false,
            sessionId: 's4',
            decidedOn: '2026-11-20',
            basis: { kind: 'decision', sessionId: 's4', decisionId: '1' },
          },
        },
      ]) as RegisteredStl;
    expect(state.seats['gob-2'].consecutiveAbsences).toEqual([]);
    expect(state.members['gob-2']).toBeDefined();
  });

  it('refuses a bare yes/no, a decision about something else, and a vote on a removal never proposed or at the proposing session', () => {
    const voted = votedOn([favor('gob-1'), favor('sc-1'), favor('sc-2'), favor('gar-1')]);
    given(voted).when(command('DecideRemoval', { memberId: 'gob-2', approved: true, sessionId: 's4' })).then('DECISION_REQUIRED');
    given(voted)
      .when(command('DecideRemoval', { memberId: 'gob-2', decision: { sessionId: 's4', decisionId: '2' } }))
      .then('DECISION_NOT_FOUND');
    given(s4)
      .when(command('DecideRemoval', { memberId: 'gob-2', decision: { sessionId: 's4', decisionId: '1' } }))
      .then('REMOVAL_NOT_PROPOSED');
    given(s4)
      .when(
        command('RecordDecision', {
          sessionId: 's4',
          subject: 'Remoción',
          act: { kind: 'remove_member', memberId: 'gob-2' },
          consensus: true,
          votes: [],
        }),
      )
      .then('REMOVAL_NOT_PROPOSED');
  });

  it('records a removal decided in a session never registered as a historical act, with its justification', () => {
    const proposed = [
      ...s3,
      ...decideOn(s3, [command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }, on('2026-11-19'))]),
    ];
    const justification = 'Acordada en la sesión del 20 de noviembre, cuya acta se perdió.';
    given(proposed)
      .when(command('DecideRemoval', { memberId: 'gob-2', approved: false, historical: { justification } }))
      .then([
        {
          type: 'RemovalDecided',
          data: { memberId: 'gob-2', approved: false, decidedOn: '2026-11-23', basis: { kind: 'historico', justification } },
        },
      ]);
  });

  it('runs begun before mechanisms decide by a bare yes/no at a later session with quorum, as they recorded it', () => {
    const legacyS4 = [...s3, ...decideOn(s3, [command('ProposeRemoval', { memberId: 'gob-2', cause: 'probidad', proposedBy: 'sc-1' }, on('2026-11-19'))])];
    const held = heldSession(legacyS4, 's4', '2026-11-20', withoutGob2);
    expect(legacy.decide(command('DecideRemoval', { memberId: 'gob-2', approved: false, sessionId: 's4' }), stateOf(held))).toEqual([
      { type: 'RemovalDecided', data: { memberId: 'gob-2', approved: false, sessionId: 's4', decidedOn: '2026-11-20' } },
    ]);
  });
});

describe('ProposeRemoval (cap. III, 5: probidad, normas, afectación del PAL)', () => {
  const propose = (data: Partial<{ memberId: string; cause: 'probidad'; proposedBy: string }>) =>
    command('ProposeRemoval', { memberId: 'sc-2', cause: 'probidad', proposedBy: 'gob-1', ...data });

  it('lets any member propose a removal for another cause; it is decided like the others', () => {
    const state = given(edomexInstalled)
      .when(propose({}))
      .then([
        {
          type: 'RemovalProposed',
          data: { memberId: 'sc-2', cause: 'probidad', proposedOn: '2026-11-23', proposedBy: 'gob-1' },
        },
      ]) as RegisteredStl;
    expect(state.removalProposals['sc-2']).toEqual({
      memberId: 'sc-2',
      cause: 'probidad',
      proposedOn: '2026-11-23',
      proposedBy: 'gob-1',
    });
  });

  it('refuses an unknown cause, strangers, a second proposal, and an STL not installed', () => {
    given(edomexInstalled)
      .when(propose({ cause: 'antipatia' as never }))
      .then('INVALID_REMOVAL_CAUSE');
    given(edomexInstalled)
      .when(propose({ proposedBy: 'nadie' }))
      .then('UNKNOWN_MEMBER');
    given(edomexInstalled)
      .when(propose({ memberId: 'nadie' }))
      .then('UNKNOWN_MEMBER');
    given([...edomexInstalled, ...decideOn(edomexInstalled, [propose({})])])
      .when(propose({}))
      .then('REMOVAL_ALREADY_PROPOSED');
    given(history(registerEdomex, ...edomexMembers, appointFunes))
      .when(propose({}))
      .then('STL_NOT_INSTALLED');
  });
});

describe('ResignMember (mecanismo-gobernanza-edomex.md, cap. III, 4)', () => {
  const resign = (memberId: string, on = '2026-11-20') => command('ResignMember', { memberId, on });

  it('a titular resigns → the suplente becomes titular; a public institution designates a new suplente (4 a, 4 b)', () => {
    const state = given(edomexInstalled)
      .when(resign('gob-1'))
      .then([
        { type: 'MemberResigned', data: { memberId: 'gob-1', on: '2026-11-20' } },
        {
          type: 'SuplentePromoted',
          data: { seatId: 'gob-1', memberId: 'sup-gob-1', formerTitularId: 'gob-1', on: '2026-11-20' },
        },
        {
          type: 'VacancyOpened',
          data: { seatId: 'gob-1', sector: 'gobierno', role: 'suplente', how: 'designacion', on: '2026-11-20' },
        },
      ]) as RegisteredStl;
    expect(state.members['sup-gob-1'].role).toBe('titular');
    expect(state.seats['gob-1']).toMatchObject({ titularId: 'sup-gob-1', suplenteId: null, enlaceId: 'enl-gob-1' });
  });

  it('a civil-society titular or suplente resigns → the STL issues a call for the suplente (4 b)', () => {
    const [, , titularVacancy] = given(edomexInstalled).when(resign('sc-1')).decision as StlEvent[];
    expect(titularVacancy).toMatchObject({ data: { role: 'suplente', how: 'convocatoria' } });
    given(edomexInstalled)
      .when(resign('sup-sc-1'))
      .then([
        { type: 'MemberResigned', data: { memberId: 'sup-sc-1', on: '2026-11-20' } },
        {
          type: 'VacancyOpened',
          data: { seatId: 'sc-1', sector: 'sociedad_civil', role: 'suplente', how: 'convocatoria', on: '2026-11-20' },
        },
      ]);
    const [, publicSuplente] = given(edomexInstalled).when(resign('sup-gar-1')).decision as StlEvent[];
    expect(publicSuplente).toMatchObject({ data: { role: 'suplente', how: 'designacion' } });
  });

  it('titular and suplente resign at once → civil society: call for new members (4 c); public institution: the members propose (4 d)', () => {
    const civil = [...edomexInstalled, ...decideOn(edomexInstalled, [resign('sc-1')])];
    const [, civilVacancy] = given(civil).when(resign('sup-sc-1')).decision as StlEvent[];
    expect(civilVacancy).toEqual({
      type: 'VacancyOpened',
      data: { seatId: 'sc-1', sector: 'sociedad_civil', role: 'titular', how: 'convocatoria', on: '2026-11-20' },
    });
    const government = [...edomexInstalled, ...decideOn(edomexInstalled, [resign('gob-1')])];
    const [, publicVacancy] = given(government).when(resign('sup-gob-1')).decision as StlEvent[];
    expect(publicVacancy).toMatchObject({ data: { role: 'titular', how: 'propuesta_del_stl' } });
  });

  it('an enlace or invitado leaves without succession; their pending removal proposal goes with them', () => {
    given(edomexInstalled)
      .when(resign('enl-gob-1'))
      .then([{ type: 'MemberResigned', data: { memberId: 'enl-gob-1', on: '2026-11-20' } }]);
    const proposed = [
      ...s4,
      ...decideOn(s4, [command('ProposeRemoval', { memberId: 'inv-1', cause: 'afectacion_pal', proposedBy: 'sc-1' })]),
    ];
    expect(Object.keys((stateOf(proposed) as RegisteredStl).removalProposals)).toEqual(['inv-1']);
    const state = given(proposed)
      .when(resign('inv-1'))
      .then([{ type: 'MemberResigned', data: { memberId: 'inv-1', on: '2026-11-20' } }]) as RegisteredStl;
    expect(state.removalProposals).toEqual({});
  });

  it('fills the vacancies: a new suplente for the promoted titular, a new titular for an empty seat', () => {
    const promoted = [...edomexInstalled, ...decideOn(edomexInstalled, [resign('gob-1')])];
    const newSuplente = command('AddMember', {
      memberId: 'sup-gob-1b',
      sector: 'gobierno',
      role: 'suplente',
      nombre: 'Nuevo suplente',
      organizacion: 'Contraloría',
      titularId: 'sup-gob-1',
      joinedOn: '2026-11-23',
    });
    const afterSuplente = given(promoted)
      .when(newSuplente)
      .then([expect.objectContaining({ type: 'MemberAdded' })]) as RegisteredStl;
    expect(afterSuplente.seats['gob-1']).toMatchObject({ suplenteId: 'sup-gob-1b', vacancy: null });
    const empty = [...promoted, ...decideOn(promoted, [resign('sup-gob-1')])];
    const newTitular = command('AddMember', {
      memberId: 'gob-1b',
      sector: 'gobierno',
      role: 'titular',
      nombre: 'Nueva titular',
      organizacion: 'Contraloría',
      seatId: 'gob-1',
      joinedOn: '2026-11-23',
    });
    const filled = given(empty)
      .when(newTitular)
      .then([
        expect.objectContaining({ type: 'MemberAdded', data: expect.objectContaining({ seatId: 'gob-1' }) }),
        // The seat was empty: 1 government titular against 2 of civil society; now balanced again.
        { type: 'CompositionWarningsChanged', data: { warnings: [] } },
      ]) as RegisteredStl;
    expect(filled.seats['gob-1']).toMatchObject({ titularId: 'gob-1b', vacancy: null, enlaceId: 'enl-gob-1' });
  });

  it('refuses strangers and dates in the future', () => {
    given(edomexInstalled).when(resign('nadie')).then('UNKNOWN_MEMBER');
    given(edomexInstalled).when(resign('gob-1', '2026-12-01')).then('DATE_IN_FUTURE');
  });
});
