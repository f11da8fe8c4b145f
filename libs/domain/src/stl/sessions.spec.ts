import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { givenWhenThen } from '../test-support/given-when-then';
import { stlDeciderWith } from './stl-decider';
import { type ConveneSession } from './stl-commands';
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
  NOW,
  on,
  registerEdomex,
  stateOf,
  withEnlaceSinVoto,
} from './testing/stl-fixtures';

function convene(data: Partial<ConveneSession['data']>) {
  return command('ConveneSession', {
    sessionId: 'ord-6',
    date: '2026-11-30',
    kind: 'ordinaria',
    convokedOn: '2026-11-23',
    agenda: [' Lista de asistencia ', '', 'Seguimiento de compromisos del PAL'],
    ...data,
  });
}

const convened = [...edomexInstalled, ...decideOn(edomexInstalled, [convene({})])];
const pastSession = [
  ...edomexInstalled,
  ...decideOn(edomexInstalled, [
    command(
      'ConveneSession',
      { sessionId: 's1', date: '2026-11-18', kind: 'ordinaria', convokedOn: '2026-11-04', agenda: ['PAL'] },
      on('2026-11-04'),
    ),
  ]),
];

describe('ConveneSession (mecanismo-gobernanza-edomex.md, cap. VI, 6: cinco días hábiles y orden del día)', () => {
  it('convenes a session with its agenda when the convocation goes out on the fifth business day before it', () => {
    given(edomexInstalled)
      .when(convene({ place: 'Sala de plenos del INFOEM', link: 'https://meet.ejemplo.org.mx/stl' }))
      .then([
        {
          type: 'SessionConvened',
          data: {
            sessionId: 'ord-6',
            date: '2026-11-30',
            kind: 'ordinaria',
            convokedOn: '2026-11-23',
            agenda: ['Lista de asistencia', 'Seguimiento de compromisos del PAL'],
            place: 'Sala de plenos del INFOEM',
            link: 'https://meet.ejemplo.org.mx/stl',
            noticeDeadline: '2026-11-23',
            convenedAt: NOW,
          },
        },
      ]);
  });

  it('states the hour of the session in Mexico City time, with an optional end', () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, 6: "Las convocatorias a las sesiones se emitirán con un mínimo de cinco
    // días hábiles de anticipación y deberán ser acompañadas del orden del día correspondiente".
    const [event] = given(edomexInstalled).when(convene({ startTime: '10:00', endTime: '12:30' })).decision as never[];
    expect(event).toMatchObject({ type: 'SessionConvened', data: { startTime: '10:00', endTime: '12:30' } });
    const state = given(edomexInstalled).when(convene({ startTime: '17:05' })).then([expect.objectContaining({ type: 'SessionConvened' })]) as RegisteredStl;
    expect(state.sessions['ord-6']).toMatchObject({ startTime: '17:05' });
    expect(state.sessions['ord-6']).not.toHaveProperty('endTime');
  });

  it.each([
    ['a start that is no HH:MM', { startTime: '10h' }, 'startTime'],
    ['an hour past 23', { startTime: '24:00' }, 'startTime'],
    ['an end before the start', { startTime: '10:00', endTime: '09:30' }, 'endTime'],
    ['an end without a start', { endTime: '12:00' }, 'endTime'],
  ])('refuses %s: 422 INVALID_SESSION_TIME', (_case, times, field) => {
    const error = given(edomexInstalled).when(convene(times)).then('INVALID_SESSION_TIME');
    expect(error).toMatchObject({ category: 'invalid', details: { field } });
  });

  it('counts business days on the federal calendar: session Mon 2026-11-23, Mon 16 is a rest day → Fri 2026-11-13 (DOMAIN.md)', () => {
    const lateOn16 = command(
      'ConveneSession',
      { sessionId: 'x', date: '2026-11-23', kind: 'extraordinaria', convokedOn: '2026-11-16', agenda: ['Asunto urgente'] },
      on('2026-11-16'),
    );
    const error = given(edomexInstalled).when(lateOn16).then('NOTICE_TOO_SHORT');
    expect(error).toMatchObject({
      category: 'invalid',
      details: { deadline: '2026-11-13', sessionDate: '2026-11-23', convokedOn: '2026-11-16' },
      message:
        'La convocatoria requiere cinco días hábiles de anticipación: para la sesión del lunes 23 de noviembre de 2026 ' +
        'debió emitirse a más tardar el viernes 13 de noviembre de 2026.',
    });
    const [ok] = given(edomexInstalled).when({ ...lateOn16, data: { ...lateOn16.data, convokedOn: '2026-11-13' }, metadata: { now: on('2026-11-13') } })
      .decision as never[];
    expect(ok).toMatchObject({ type: 'SessionConvened', data: { noticeDeadline: '2026-11-13' } });
  });

  it('counts the notice from the recording: a backdated convokedOn is refused unless it is a historical act with its justification', () => {
    const backdated = convene({ convokedOn: '2026-11-13', date: '2026-11-25' });
    const error = given(edomexInstalled).when(backdated).then('CONVOCATION_BACKDATED');
    expect(error).toMatchObject({ category: 'invalid', details: { convokedOn: '2026-11-13', today: '2026-11-23', field: 'convokedOn' } });
    expect(error.message).toContain('regístrela como acto histórico con su justificación');

    const historical = { ...backdated, data: { ...backdated.data, historical: { justification: ' Convocada por oficio ' } } };
    const [convenedAsHistory] = given(edomexInstalled).when(historical).decision as never[];
    expect(convenedAsHistory).toMatchObject({ type: 'SessionConvened', data: { convokedOn: '2026-11-13', historical: { justification: 'Convocada por oficio' } } });
    const blank = { ...backdated, data: { ...backdated.data, historical: { justification: ' ' } } };
    expect(given(edomexInstalled).when(blank).then('FIELD_REQUIRED').details).toEqual({ field: 'historical.justification' });
  });

  it('takes `historical: null` (a client saying "none") as a convocation made now, never as an act without reason (fuzz, null fields)', () => {
    const none = (data: Partial<ConveneSession['data']>) => convene({ ...data, historical: null as never });
    given(edomexInstalled).when(none({ convokedOn: '2026-11-13', date: '2026-11-25' })).then('CONVOCATION_BACKDATED');
    const [convened] = given(edomexInstalled).when(none({ convokedOn: '2026-11-23', date: '2026-12-04' })).decision as unknown as { data: object }[];
    expect(convened.data).not.toHaveProperty('historical');
  });

  it('a historical convocation still needed its five business days of notice', () => {
    const short = convene({ convokedOn: '2026-11-20', date: '2026-11-25', historical: { justification: 'Convocada por oficio' } });
    given(edomexInstalled).when(short).then('NOTICE_TOO_SHORT');
  });

  it('runs begun before the rule (replayed histories) still take a backdated convokedOn', () => {
    const legacy = givenWhenThen(stlDeciderWith(DEFAULT_DEADLINE_POLICY, { backdatedNoticeAccepted: true }));
    legacy(edomexInstalled).when(convene({ convokedOn: '2026-11-13', date: '2026-11-25' })).then([
      expect.objectContaining({ type: 'SessionConvened' }),
    ]);
  });

  it('counts the STL’s own non-working days too (DOMAIN.md: each STL may add its own)', () => {
    const withDayOff = [...edomexInstalled, { type: 'NonWorkingDaysSet' as const, data: { dates: ['2026-11-25'] } }];
    expect(given(withDayOff).when(convene({})).then('NOTICE_TOO_SHORT').details).toMatchObject({
      deadline: '2026-11-20',
    });
  });

  it.each<[string, Partial<ConveneSession['data']>, string]>([
    ['an empty agenda', { agenda: [] }, 'AGENDA_REQUIRED'],
    ['an agenda of blank items', { agenda: [' ', ''] }, 'AGENDA_REQUIRED'],
    ['a convocation dated in the future', { convokedOn: '2026-11-24', date: '2026-12-15' }, 'DATE_IN_FUTURE'],
    ['an invalid session date', { date: '2026-11-31' }, 'INVALID_DATE'],
    ['an unknown kind of session', { kind: 'solemne' as never }, 'INVALID_SESSION_KIND'],
    ['a blank id', { sessionId: '' }, 'FIELD_REQUIRED'],
  ])('refuses %s', (_case, change, code) => {
    expect(given(edomexInstalled).when(convene(change)).then(code).category).toBe('invalid');
  });

  it('refuses a session id already used', () => {
    expect(given(convened).when(convene({})).then('SESSION_ALREADY_EXISTS').category).toBe('conflict');
  });

  it('refuses sessions of an STL not yet installed', () => {
    const integrating = history(registerEdomex, ...edomexMembers, appointFunes);
    expect(given(integrating).when(convene({})).then('STL_NOT_INSTALLED').category).toBe('conflict');
  });
});

describe('CancelSession', () => {
  it('cancels a convened session, once', () => {
    const cancel = command('CancelSession', { sessionId: 'ord-6', reason: ' Falta de quórum previsible ' });
    const state = given(convened)
      .when(cancel)
      .then([
        {
          type: 'SessionCancelled',
          data: { sessionId: 'ord-6', cancelledOn: '2026-11-23', reason: 'Falta de quórum previsible' },
        },
      ]);
    given([...convened, ...decideOn(convened, [cancel])])
      .when(cancel)
      .then([]);
    expect((state as RegisteredStl).sessions['ord-6'].status).toBe('cancelada');
  });

  it('refuses an unknown session, a session already held, and a cancellation without reason', () => {
    given(convened)
      .when(command('CancelSession', { sessionId: 'nope', reason: 'x' }))
      .then('SESSION_NOT_FOUND');
    const held = heldSession(edomexInstalled, 's1', '2026-11-18', ['gob-1', 'sc-1', 'gar-1']);
    given(held)
      .when(command('CancelSession', { sessionId: 's1', reason: 'x' }))
      .then('SESSION_ALREADY_HELD');
    given(convened)
      .when(command('CancelSession', { sessionId: 'ord-6', reason: '' }))
      .then('FIELD_REQUIRED');
  });
});

describe('RecordAttendance (mecanismo-gobernanza-edomex.md, cap. VI, 2: mayoría de integrantes activos y siempre sociedad civil)', () => {
  const attendance = (present: string[]) => command('RecordAttendance', { sessionId: 's1', present });

  it('holds quorum with a majority of the active seats, one of them civil society', () => {
    const state = given(pastSession)
      .when(attendance(['gob-1', 'sc-1', 'gar-1']))
      .then([
        {
          type: 'AttendanceRecorded',
          data: {
            sessionId: 's1',
            present: ['gob-1', 'sc-1', 'gar-1'],
            representedSeatIds: ['gob-1', 'sc-1', 'gar-1'],
            absentSeatIds: ['gob-2', 'sc-2'],
            seatsPresent: 3,
            seatsActive: 5,
            civilSocietyPresent: true,
            quorum: true,
          },
        },
      ]) as RegisteredStl;
    expect(state.sessions.s1.status).toBe('celebrada');
    expect(state.seats['gob-2'].consecutiveAbsences).toEqual(['s1']);
  });

  it('counts a seat through its suplente or enlace, and each seat once ("o de sus suplentes o enlaces")', () => {
    const [bySubstitutes] = given(pastSession).when(attendance(['sup-gob-1', 'sup-sc-1', 'sup-gar-1']))
      .decision as never[];
    expect(bySubstitutes).toMatchObject({ data: { seatsPresent: 3, quorum: true } });
    const [sameSeat] = given(pastSession).when(attendance(['gob-1', 'sup-gob-1', 'enl-gob-1', 'sc-1', 'sc-1']))
      .decision as never[];
    expect(sameSeat).toMatchObject({
      data: { present: ['gob-1', 'sup-gob-1', 'enl-gob-1', 'sc-1'], seatsPresent: 2, quorum: false, code: 'NO_QUORUM' },
    });
  });

  it('records attendance without quorum when no civil-society representative is present ("Siempre deberá estar presente…")', () => {
    const state = given(pastSession)
      .when(attendance(['gob-1', 'gob-2', 'gar-1']))
      .then([
        {
          type: 'AttendanceRecorded',
          data: {
            sessionId: 's1',
            present: ['gob-1', 'gob-2', 'gar-1'],
            representedSeatIds: ['gob-1', 'gob-2', 'gar-1'],
            absentSeatIds: ['sc-1', 'sc-2'],
            seatsPresent: 3,
            seatsActive: 5,
            civilSocietyPresent: false,
            quorum: false,
            code: 'NO_CIVIL_SOCIETY_PRESENT',
          },
        },
      ]) as RegisteredStl;
    expect(state.sessions.s1.status).toBe('sin_quorum');
  });

  it('amends the roll call for late arrivals until the first decision, and recomputes the quorum', () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, 2: "Para que se lleve a cabo una sesión se deberá contar con la presencia
    // de la mayoría de los integrantes … Siempre deberá estar presente un representante de sociedad civil."
    const firstCall = [...pastSession, ...decideOn(pastSession, [attendance(['gob-1', 'gob-2', 'gar-1'])])];
    const state = given(firstCall)
      .when(attendance(['gob-1', 'gob-2', 'gar-1', 'sc-1']))
      .then([
        {
          type: 'AttendanceAmended',
          data: {
            sessionId: 's1',
            present: ['gob-1', 'gob-2', 'gar-1', 'sc-1'],
            representedSeatIds: ['gob-1', 'gob-2', 'sc-1', 'gar-1'],
            absentSeatIds: ['sc-2'],
            seatsPresent: 4,
            seatsActive: 5,
            civilSocietyPresent: true,
            quorum: true,
          },
        },
      ]) as RegisteredStl;
    expect(state.sessions.s1).toMatchObject({ status: 'celebrada', attendance: { present: ['gob-1', 'gob-2', 'gar-1', 'sc-1'] } });
    expect(state.seats['sc-1'].consecutiveAbsences).toEqual([]);
    expect(state.seats['sc-2'].consecutiveAbsences).toEqual(['s1']);
    // The late arrival is no absence for a mechanism that counts them in total either; the one still absent counts once.
    expect(state.seats['sc-1'].absences ?? []).toEqual([]);
    expect(state.seats['sc-2'].absences).toEqual(['s1']);
  });

  it('does not count an enlace without decision capacity ("mismos que deberán tener capacidad de toma de decisiones")', () => {
    const sinVoto = withEnlaceSinVoto(pastSession);
    const [recorded] = given(sinVoto).when(attendance(['enl-gob-1b', 'sc-1', 'gar-1'])).decision as never[];
    expect(recorded).toMatchObject({
      data: { representedSeatIds: ['sc-1', 'gar-1'], quorum: false, code: 'NO_QUORUM' },
    });
  });

  it('lets the facilitador and invitados attend without counting for quorum (voz, sin voto)', () => {
    const [recorded] = given(pastSession).when(attendance(['gob-1', 'sc-1', 'inv-1', 'fac-1'])).decision as never[];
    expect(recorded).toMatchObject({ data: { seatsPresent: 2, quorum: false, code: 'NO_QUORUM' } });
  });

  it('refuses an empty list unless the session is said to have been held without attendees (issue 21)', () => {
    const error = given(pastSession).when(attendance([])).then('ATTENDANCE_EMPTY');
    expect(error.details).toEqual({ sessionId: 's1', field: 'present' });
    const state = given(pastSession)
      .when(command('RecordAttendance', { sessionId: 's1', present: [], withoutAttendees: true }))
      .then([expect.objectContaining({ type: 'AttendanceRecorded', data: expect.objectContaining({ present: [], quorum: false }) })]) as RegisteredStl;
    expect(state.sessions.s1.status).toBe('sin_quorum');
  });

  it('runs begun before the rule (replayed histories) still take an empty list as it comes', () => {
    const legacy = givenWhenThen(stlDeciderWith(DEFAULT_DEADLINE_POLICY, { emptyAttendanceAccepted: true }));
    legacy(pastSession).when(attendance([])).then([expect.objectContaining({ type: 'AttendanceRecorded' })]);
  });

  it('refuses unknown attendees, unknown, cancelled, future or already recorded sessions', () => {
    expect(
      given(pastSession)
        .when(attendance(['gob-1', 'nadie']))
        .then('UNKNOWN_MEMBER').details,
    ).toEqual({ memberIds: ['nadie'] });
    given(pastSession)
      .when(command('RecordAttendance', { sessionId: 'nope', present: [] }))
      .then('SESSION_NOT_FOUND');
    const decided = [
      ...pastSession,
      ...decideOn(pastSession, [
        attendance(['gob-1', 'gob-2', 'sc-1']),
        command('RecordDecision', { sessionId: 's1', subject: 'Orden del día', consensus: true, votes: [] }),
      ]),
    ];
    given(decided)
      .when(attendance(['gob-1']))
      .then('ATTENDANCE_ALREADY_RECORDED');
    const cancelled = [
      ...pastSession,
      ...decideOn(pastSession, [command('CancelSession', { sessionId: 's1', reason: 'Sismo' })]),
    ];
    given(cancelled)
      .when(attendance(['gob-1']))
      .then('SESSION_CANCELLED');
    const error = given(convened)
      .when(command('RecordAttendance', { sessionId: 'ord-6', present: [] }))
      .then('SESSION_NOT_YET_HELD');
    expect(error.message).toBe(
      'La sesión es el lunes 30 de noviembre de 2026: su asistencia se registra a partir de ese día.',
    );
  });
});

describe('ApproveMinutes (cap. VI, 7: aprobada y firmada por todos los integrantes que asistieron)', () => {
  const held = heldSession(edomexInstalled, 's1', '2026-11-18', ['gob-1', 'sup-sc-1', 'gar-1', 'inv-1', 'fac-1']);
  const approve = (signedBy: string[], approvedOn = '2026-11-20') =>
    command('ApproveMinutes', { sessionId: 's1', approvedOn, signedBy });

  it('approves the acta signed by every attending integrante; invitados and facilitador may sign too', () => {
    const state = given(held)
      .when(approve(['gob-1', 'sup-sc-1', 'gar-1', 'fac-1', 'gob-1']))
      .then([
        {
          type: 'MinutesApproved',
          data: { sessionId: 's1', approvedOn: '2026-11-20', signedBy: ['gob-1', 'sup-sc-1', 'gar-1', 'fac-1'] },
        },
      ]);
    expect((state as RegisteredStl).sessions.s1.minutes).toEqual({
      approvedOn: '2026-11-20',
      signedBy: ['gob-1', 'sup-sc-1', 'gar-1', 'fac-1'],
    });
  });

  it('approves minutes of a meeting without quorum too (a minuta records every meeting)', () => {
    const noQuorum = heldSession(edomexInstalled, 's1', '2026-11-18', ['gob-1']);
    expect((given(noQuorum).when(approve(['gob-1'])).decision as never[])[0]).toMatchObject({
      type: 'MinutesApproved',
    });
  });

  it('does not wait for the signature of an attendee who has since left the STL', () => {
    const left = [...held, ...decideOn(held, [command('ResignMember', { memberId: 'gar-1', on: '2026-11-19' })])];
    expect((given(left).when(approve(['gob-1', 'sup-sc-1'])).decision as never[])[0]).toMatchObject({
      type: 'MinutesApproved',
    });
  });

  it('refuses the acta while an attending integrante has not signed', () => {
    expect(
      given(held)
        .when(approve(['gob-1', 'gar-1']))
        .then('MISSING_SIGNATURES'),
    ).toMatchObject({
      category: 'conflict',
      details: { missing: ['sup-sc-1'] },
    });
  });

  it('refuses signatures of people who did not attend', () => {
    expect(
      given(held)
        .when(approve(['gob-1', 'sup-sc-1', 'gar-1', 'sc-2']))
        .then('SIGNER_NOT_PRESENT').details,
    ).toEqual({ memberIds: ['sc-2'] });
  });

  it('refuses approval dated before the session or in the future, twice, or before attendance', () => {
    const all = ['gob-1', 'sup-sc-1', 'gar-1'];
    given(held).when(approve(all, '2026-11-17')).then('MINUTES_BEFORE_SESSION');
    given(held).when(approve(all, '2026-11-24')).then('DATE_IN_FUTURE');
    given([...held, ...decideOn(held, [approve(all)])])
      .when(approve(all))
      .then('MINUTES_ALREADY_APPROVED');
    given(pastSession)
      .when(command('ApproveMinutes', { sessionId: 's1', approvedOn: '2026-11-20', signedBy: [] }))
      .then('ATTENDANCE_NOT_RECORDED');
    given(held)
      .when(command('ApproveMinutes', { sessionId: 'nope', approvedOn: '2026-11-20', signedBy: [] }))
      .then('SESSION_NOT_FOUND');
  });

  it('keeps the folded session in state for queries', () => {
    expect((stateOf(held) as RegisteredStl).sessions.s1.attendance?.quorum).toBe(true);
  });
});
