import { type StlEvent } from './stl-events';
import { type RegisteredStl } from './stl-state';
import {
  appointFunes,
  command,
  decideOn,
  edomexInstalled,
  edomexMembers,
  given,
  heldSession,
  history,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

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

describe('Inactivity (mecanismo-gobernanza-edomex.md, cap. III, 5 b: tres ocasiones seguidas)', () => {
  it('proposes the removal of the titular whose seat missed the third session in a row, with that attendance', () => {
    given(s3Convened)
      .when(command('RecordAttendance', { sessionId: 's3', present: withoutGob2 }))
      .then([
        expect.objectContaining({
          type: 'AttendanceRecorded',
          data: expect.objectContaining({ absentSeatIds: ['gob-2'] }),
        }),
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

  it('does not count a seat as absent when its suplente or enlace attends (they stand in for the titular, cap. I)', () => {
    const bySuplente = ['sup-gob-1', 'gob-2', 'sc-1', 'sc-2', 'gar-1'];
    const three = heldSession(
      heldSession(heldSession(edomexInstalled, 's1', '2026-09-23', bySuplente), 's2', '2026-10-21', bySuplente),
      's3',
      '2026-11-18',
      bySuplente,
    );
    expect(three.some((event) => event.type === 'RemovalProposed')).toBe(false);
    expect(seats(three)['gob-1'].consecutiveAbsences).toEqual([]);
  });

  it('starts counting again when the seat attends', () => {
    const back = heldSession(s2, 's3', '2026-11-18', [...withoutGob2, 'gob-2']);
    const again = heldSession(back, 's4', '2026-11-20', withoutGob2);
    expect(again.some((event) => event.type === 'RemovalProposed')).toBe(false);
    expect(seats(again)['gob-2'].consecutiveAbsences).toEqual(['s4']);
  });

  it('counts sessions without quorum too, and proposes only once while the proposal is pending', () => {
    const noQuorum = heldSession(
      heldSession(heldSession(edomexInstalled, 'a', '2026-09-23', ['gob-1']), 'b', '2026-10-21', ['gob-1']),
      'c',
      '2026-11-18',
      ['gob-1'],
    );
    expect(noQuorum.filter((event) => event.type === 'RemovalProposed').map((event) => event.data)).toEqual([
      expect.objectContaining({ memberId: 'gob-2' }),
      expect.objectContaining({ memberId: 'sc-1' }),
      expect.objectContaining({ memberId: 'sc-2' }),
      expect.objectContaining({ memberId: 'gar-1' }),
    ]);
    expect(s4.filter((event) => event.type === 'RemovalProposed')).toHaveLength(1);
  });
});

describe('DecideRemoval ("sea considerado en la próxima sesión")', () => {
  it('removes the member at a later session with quorum; the seat without suplente opens for the members to propose (cap. III, 4 d)', () => {
    const state = given(s4)
      .when(command('DecideRemoval', { memberId: 'gob-2', approved: true, sessionId: 's4' }))
      .then([
        {
          type: 'RemovalDecided',
          data: { memberId: 'gob-2', approved: true, sessionId: 's4', decidedOn: '2026-11-20' },
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
    expect(state.formerMemberIds).toContain('gob-2');
    expect(state.seats['gob-2']).toMatchObject({
      titularId: null,
      vacancy: { role: 'titular', how: 'propuesta_del_stl', since: '2026-11-20' },
    });
    expect(state.removalProposals).toEqual({});
  });

  it('keeps the member when the STL rejects the removal, and the seat starts counting again', () => {
    const state = given(s4)
      .when(command('DecideRemoval', { memberId: 'gob-2', approved: false, sessionId: 's4' }))
      .then([
        {
          type: 'RemovalDecided',
          data: { memberId: 'gob-2', approved: false, sessionId: 's4', decidedOn: '2026-11-20' },
        },
      ]) as RegisteredStl;
    expect(state.seats['gob-2'].consecutiveAbsences).toEqual([]);
    expect(state.members['gob-2']).toBeDefined();
  });

  it('refuses without a pending proposal, at the proposing session itself, or at a session without quorum', () => {
    given(s4)
      .when(command('DecideRemoval', { memberId: 'sc-1', approved: true, sessionId: 's4' }))
      .then('REMOVAL_NOT_PROPOSED');
    expect(
      given(s4)
        .when(command('DecideRemoval', { memberId: 'gob-2', approved: true, sessionId: 's3' }))
        .then('REMOVAL_NOT_AT_LATER_SESSION').details,
    ).toEqual({
      proposedOn: '2026-11-18',
      sessionDate: '2026-11-18',
    });
    given(s4)
      .when(command('DecideRemoval', { memberId: 'gob-2', approved: true, sessionId: 'x' }))
      .then('SESSION_NOT_FOUND');
    const withoutQuorum = heldSession(s3, 's4', '2026-11-20', ['gob-1']);
    given(withoutQuorum)
      .when(command('DecideRemoval', { memberId: 'gob-2', approved: true, sessionId: 's4' }))
      .then('NO_QUORUM');
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

  it('refuses inactividad (the system proposes it), strangers, a second proposal, and an STL not installed', () => {
    given(edomexInstalled)
      .when(propose({ cause: 'inactividad' as never }))
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
    const state = given(proposed)
      .when(resign('inv-1'))
      .then([{ type: 'MemberResigned', data: { memberId: 'inv-1', on: '2026-11-20' } }]) as RegisteredStl;
    expect(Object.keys(state.removalProposals)).toEqual(['gob-2']);
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
