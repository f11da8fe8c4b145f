import { type Deadline, DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { type Instant } from '../shared/local-date';
import { stlDeadlines } from './stl-deadlines';
import { type StlEvent } from './stl-events';
import { type RegisteredStl } from './stl-state';
import {
  command,
  decideOn,
  deadlinesOf,
  edomexInstalled,
  edomexMembers,
  fired,
  fire,
  given,
  heldSession,
  history,
  ids,
  jaliscoSinFacilitador,
  on,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

describe('stlDeadlines: what is pending, with exact instants (09:00 in Mexico City)', () => {
  it('lists the facilitador vacancy and the bimonthly cadence of an STL installed without facilitador', () => {
    expect(deadlinesOf(jaliscoSinFacilitador)).toEqual<Deadline[]>([
      {
        id: 'facilitador-vacante:2026-09-01:recordatorio',
        kind: 'vacancy_reminder',
        dueOn: '2026-09-16',
        dueAt: '2026-09-16T15:00:00.000Z',
        audience: ['garante'],
      },
      {
        id: 'facilitador-vacante:2026-09-01:escalamiento:2026-10-01',
        kind: 'vacancy_escalation',
        dueOn: '2026-10-01',
        dueAt: '2026-10-01T15:00:00.000Z',
        audience: ['enlace'],
      },
      {
        id: 'cadencia:2026-09-01:recordatorio',
        kind: 'cadence_reminder',
        dueOn: '2026-10-19',
        dueAt: '2026-10-19T15:00:00.000Z',
        audience: ['garante', 'facilitador'],
      },
      {
        id: 'cadencia:2026-09-01:escalamiento',
        kind: 'cadence_escalation',
        dueOn: '2026-11-01',
        dueAt: '2026-11-01T15:00:00.000Z',
        audience: ['enlace'],
      },
    ]);
  });

  it('lists nothing before the installation (a missing facilitador is then etapa 7 of the exercise)', () => {
    expect(deadlinesOf(history(registerEdomex, ...edomexMembers))).toEqual([]);
    expect(stlDeadlines({ status: 'unregistered' }, DEFAULT_DEADLINE_POLICY)).toEqual([]);
  });

  it('follows the deployment policy', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, vacancyReminderDays: 5, dueHour: 8 };
    expect(stlDeadlines(stateOf(jaliscoSinFacilitador), policy)[0]).toMatchObject({
      dueOn: '2026-09-06',
      dueAt: '2026-09-06T14:00:00.000Z',
    });
  });
});

describe('Facilitador vacancy (DOMAIN.md: flagged at once, 15 days reminder, 30 days escalation, weekly; appointing stops it)', () => {
  const vacated = [
    ...edomexInstalled,
    ...decideOn(edomexInstalled, [
      command('VacateFacilitador', { vacatedOn: '2026-10-01', reason: 'Renuncia' }, on('2026-10-01')),
    ]),
  ];

  it('counts from the day the post was vacated', () => {
    expect(ids(vacated).filter((id) => id.startsWith('facilitador'))).toEqual([
      'facilitador-vacante:2026-10-01:recordatorio',
      'facilitador-vacante:2026-10-01:escalamiento:2026-10-31',
    ]);
  });

  it('appointing a facilitador ends the series and resolves its open escalations', () => {
    const escalated = fired(
      vacated,
      'facilitador-vacante:2026-10-01:escalamiento:2026-10-31',
      '2026-10-31T15:00:00.000Z',
    );
    const appoint = command('AppointFacilitador', {
      facilitadorId: 'fac-2',
      nombre: 'Rocío Díaz',
      procedencia: 'Academia – UAEMéx',
      appointedOn: '2026-11-23',
      historical: { justification: 'Designada en sesión del STL registrada en papel.' },
    });
    const state = given(escalated)
      .when(appoint)
      .then([
        expect.objectContaining({ type: 'FacilitadorAppointed' }),
        {
          type: 'EscalationResolved',
          data: {
            escalationId: 'facilitador-vacante:2026-10-01:escalamiento:2026-10-31',
            at: '2026-11-23T16:00:00.000Z',
            resolution: 'Se nombró facilitador: Rocío Díaz.',
          },
        },
        { type: 'CompositionWarningsChanged', data: { warnings: [] } },
      ]) as RegisteredStl;
    expect(stlDeadlines(state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind.startsWith('vacancy'))).toEqual([]);
    expect(state.escalations[0].status).toBe('resuelta');
  });

  it('a new vacancy starts a new series', () => {
    const escalated = fired(
      vacated,
      'facilitador-vacante:2026-10-01:escalamiento:2026-10-31',
      '2026-10-31T15:00:00.000Z',
    );
    const again = [
      ...escalated,
      ...decideOn(escalated, [
        command(
          'AppointFacilitador',
          {
            facilitadorId: 'fac-2',
            nombre: 'Rocío Díaz',
            procedencia: 'Academia',
            appointedOn: '2026-11-02',
            historical: { justification: 'Designada en sesión del STL registrada en papel.' },
          },
          on('2026-11-02'),
        ),
        command('VacateFacilitador', { vacatedOn: '2026-11-09', reason: 'Cambio de empleo' }, on('2026-11-09')),
      ]),
    ];
    expect(ids(again).filter((id) => id.startsWith('facilitador'))).toEqual([
      'facilitador-vacante:2026-11-09:recordatorio',
      'facilitador-vacante:2026-11-09:escalamiento:2026-12-09',
    ]);
  });
});

describe('Session tomorrow: a reminder to the members the day before each convened session', () => {
  const convene = (now: Instant, date = '2026-11-30') =>
    command(
      'ConveneSession',
      {
        sessionId: 'ord-6',
        date,
        kind: 'ordinaria',
        convokedOn: '2026-11-13',
        agenda: ['Lista de asistencia', 'Informe del PAL'],
        place: 'Sala de plenos del INFOEM',
      },
      now,
    );
  const convened = [...edomexInstalled, ...decideOn(edomexInstalled, [convene(on('2026-11-13'))])];
  const asHistory = (command: ReturnType<typeof convene>) => ({
    ...command,
    data: { ...command.data, historical: { justification: 'Convocada por oficio' } },
  });

  it('falls due at 09:00 the day before and tells where and what', () => {
    expect(deadlinesOf(convened)).toContainEqual({
      id: 'sesion:ord-6:manana',
      kind: 'session_tomorrow',
      dueOn: '2026-11-29',
      dueAt: '2026-11-29T15:00:00.000Z',
      audience: ['integrantes', 'facilitador'],
    });
    const [reminder] = given(convened).when(fire('sesion:ord-6:manana', '2026-11-29T15:00:00.000Z'))
      .decision as StlEvent[];
    expect(reminder).toMatchObject({
      type: 'ReminderDue',
      data: {
        message:
          'Mañana, lunes 30 de noviembre de 2026, sesión ordinaria del STL (Sala de plenos del INFOEM). Orden del día: Lista de asistencia; Informe del PAL.',
      },
    });
  });

  it('is not listed once attendance is recorded, nor for a session recorded after its eve', () => {
    const held = heldSession(edomexInstalled, 's1', '2026-11-18', ['gob-1', 'sc-1', 'gar-1']);
    expect(ids(held)).not.toContain('sesion:s1:manana');
    const backfilled = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        asHistory(convene('2026-11-23T16:00:00.000Z', '2026-11-23')),
      ]),
    ];
    expect(ids(backfilled)).not.toContain('sesion:ord-6:manana');
  });
});
