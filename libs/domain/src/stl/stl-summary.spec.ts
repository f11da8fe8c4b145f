import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { edomex2019, minimosGuia } from './governance';
import { stlCalendar } from './stl-calendar';
import { stlSummary } from './stl-summary';
import {
  command,
  decideOn,
  edomexInstalled,
  edomexMembers,
  heldSession,
  history,
  INSTALLED_ON,
  on,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

describe('stlSummary: the read model and the dashboard (DOMAIN.md: composition, facilitador, last and next session, escalations)', () => {
  it('is null before registration', () => {
    expect(stlSummary({ status: 'unregistered' }, DEFAULT_DEADLINE_POLICY)).toBeNull();
  });

  it('summarises an STL in integration', () => {
    expect(stlSummary(stateOf(history(registerEdomex, ...edomexMembers)), DEFAULT_DEADLINE_POLICY)).toEqual({
      entidad: '15',
      status: 'en_integracion',
      decisionRule: 'consensus_then_majority',
      extraSectorName: null,
      titularesBySector: { gobierno: 2, sociedad_civil: 2, garante: 1, adicional: 0 },
      suplentesBySector: { gobierno: 1, sociedad_civil: 1, garante: 1, adicional: 0 },
      // Every sector had its titular and suplente from the day they joined (step 3 of the exercise is dated by it).
      compositionCompleteOn: INSTALLED_ON,
      members: 10,
      facilitador: null,
      facilitadorVacante: false,
      warnings: [],
      sessions: { convocada: 0, celebrada: 0, sin_quorum: 0, cancelada: 0 },
      openEscalations: 0,
      pendingRemovals: 0,
      renewalPending: false,
      governance: {
        current: {
          version: 1,
          mechanism: minimosGuia('consensus_then_majority'),
          validFrom: '2026-09-01',
          validUntil: null,
          basis: { kind: 'registro' },
        },
        history: [expect.objectContaining({ basis: { kind: 'registro' } })],
        adopted: false,
        actsWithoutSession: [],
        removalSuggestions: [],
        workingMeetings: 0,
      },
    });
  });

  it('summarises an installed STL with its last session, the next one, the two-month mark and what is pending', () => {
    const held = heldSession(edomexInstalled, 's1', '2026-10-28', ['gob-1', 'sc-1', 'gar-1']);
    const events = [
      ...held,
      ...decideOn(held, [
        command('VacateFacilitador', { vacatedOn: '2026-11-02', reason: 'Renuncia' }, on('2026-11-02')),
        command('FireDeadline', { deadlineId: 'facilitador-vacante:2026-11-02:recordatorio' }, on('2026-11-17', 9)),
        command('ConveneSession', {
          sessionId: 'ord-6',
          date: '2026-11-30',
          kind: 'ordinaria',
          convokedOn: '2026-11-23',
          agenda: ['PAL'],
        }),
        command('RenewCivilSociety', { palEndedOn: '2026-11-20' }),
        command('ProposeRemoval', { memberId: 'sc-2', cause: 'probidad', proposedBy: 'sc-1' }),
      ]),
    ];
    expect(stlSummary(stateOf(events), DEFAULT_DEADLINE_POLICY)).toEqual({
      entidad: '15',
      status: 'instalado',
      decisionRule: 'consensus_then_majority',
      installedOn: '2026-09-01',
      nextSessionDueOn: '2026-12-28',
      // Ten business days before the mark, Christmas being a rest day.
      cadenceReminderOn: '2026-12-11',
      extraSectorName: null,
      titularesBySector: { gobierno: 2, sociedad_civil: 2, garante: 1, adicional: 0 },
      suplentesBySector: { gobierno: 1, sociedad_civil: 1, garante: 1, adicional: 0 },
      // Every sector had its titular and suplente from the day they joined (step 3 of the exercise is dated by it).
      compositionCompleteOn: INSTALLED_ON,
      members: 10,
      facilitador: null,
      facilitadorVacante: true,
      vacantSince: '2026-11-02',
      warnings: [expect.objectContaining({ code: 'FACILITADOR_VACANT', details: { since: '2026-11-02' } })],
      lastSessionOn: '2026-10-28',
      nextSession: { sessionId: 'ord-6', date: '2026-11-30', kind: 'ordinaria' },
      sessions: { convocada: 1, celebrada: 1, sin_quorum: 0, cancelada: 0 },
      openEscalations: 0,
      pendingRemovals: 1,
      renewalPendingSince: '2026-11-20',
      renewalPending: true,
      governance: expect.objectContaining({
        current: expect.objectContaining({ mechanism: edomex2019('consensus_then_majority'), validFrom: '2026-09-01' }),
        adopted: true,
        removalSuggestions: [],
      }),
    });
  });

  it('warns and suggests a removal for a seat past the mechanism’s absences, and stops once a member proposed it', () => {
    // mecanismo-gobernanza-edomex.md, cap. III, 5: "alguno de los integrantes del STL propondrán la remoción del cargo".
    const absent = ['gob-1', 'sc-1', 'sc-2', 'gar-1'];
    const three = heldSession(
      heldSession(heldSession(edomexInstalled, 's1', '2026-09-23', absent), 's2', '2026-10-21', absent),
      's3',
      '2026-11-18',
      absent,
    );
    expect(stlSummary(stateOf(three), DEFAULT_DEADLINE_POLICY)?.governance.removalSuggestions).toEqual([
      {
        seatId: 'gob-2',
        titularId: 'gob-2',
        absences: ['s1', 's2', 's3'],
        message:
          'La representación de Titular gob-2 suma 3 inasistencias seguidas: un integrante puede proponer su remoción, ' +
          'que se decide por votación en la siguiente sesión.',
      },
    ]);
    const proposed = [
      ...three,
      ...decideOn(three, [command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' })]),
    ];
    expect(stlSummary(stateOf(proposed), DEFAULT_DEADLINE_POLICY)?.governance.removalSuggestions).toEqual([]);
  });
});

describe('stlCalendar: días hábiles of the STL (DOMAIN.md, "Business days")', () => {
  it('adds the STL’s own non-working days to the federal rest days', () => {
    const withRecess = [...edomexInstalled, { type: 'NonWorkingDaysSet' as const, data: { dates: ['2026-12-24'] } }];
    expect(stlCalendar(stateOf(withRecess)).isBusinessDay('2026-12-24')).toBe(false);
    expect(stlCalendar(stateOf(edomexInstalled)).isBusinessDay('2026-12-24')).toBe(true);
    expect(stlCalendar({ status: 'unregistered' }).isBusinessDay('2026-11-16')).toBe(false);
  });
});
