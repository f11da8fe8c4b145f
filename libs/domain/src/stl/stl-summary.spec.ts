import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { type StlEvent } from './stl-events';
import { edomex2019, minimosGuia } from './governance';
import { stlCalendar } from './stl-calendar';
import { stlSummary } from './stl-summary';
import {
  command,
  decideOn,
  edomexInstalled,
  appointFunes,
  edomexMembers,
  heldSession,
  history,
  INSTALLED_ON,
  installEdomex,
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

  describe('an amended roll call suggests what a first one with the same absences would (issue 17)', () => {
    // mecanismo-gobernanza-edomex.md, cap. III, 5: "b) Por inactividad, cuando se ausenten de las sesiones o reuniones
    // del trabajo del STL en tres ocasiones seguidas".
    const withoutGob2 = ['gob-1', 'sc-1', 'sc-2', 'gar-1'];
    const everyone = [...withoutGob2, 'gob-2'];
    const twoAbsences = heldSession(heldSession(edomexInstalled, 's1', '2026-09-23', withoutGob2), 's2', '2026-10-21', withoutGob2);
    const suggestions = (events: readonly StlEvent[]) => stlSummary(stateOf(events), DEFAULT_DEADLINE_POLICY)?.governance.removalSuggestions;
    const amend = (events: readonly StlEvent[], present: readonly string[]) => [
      ...events,
      ...decideOn(events, [command('RecordAttendance', { sessionId: 's3', present }, on('2026-11-18', 18))]),
    ];

    it('a third session first recorded with the seat present, then amended to absent, suggests its removal', () => {
      const firstPresent = heldSession(twoAbsences, 's3', '2026-11-18', everyone);
      const amended = amend(firstPresent, withoutGob2);

      expect(amended.at(-1)?.type).toBe('AttendanceAmended');
      expect(suggestions(firstPresent)).toEqual([]);
      expect(suggestions(amended)).toEqual(suggestions(heldSession(twoAbsences, 's3', '2026-11-18', withoutGob2)));
      expect(suggestions(amended)).toEqual([expect.objectContaining({ titularId: 'gob-2', absences: ['s1', 's2', 's3'] })]);
    });

    it('an amendment that finds the seat present after all withdraws the suggestion, and amending back restores it', () => {
      const firstAbsent = heldSession(twoAbsences, 's3', '2026-11-18', withoutGob2);
      const arrived = amend(firstAbsent, everyone);
      const leftAgain = amend(arrived, withoutGob2);

      expect(suggestions(firstAbsent)).toEqual([expect.objectContaining({ titularId: 'gob-2', absences: ['s1', 's2', 's3'] })]);
      expect(suggestions(arrived)).toEqual([]);
      expect(suggestions(leftAgain)).toEqual(suggestions(firstAbsent));
    });

    it('a mechanism that counts absences in total: the amendment adds or takes away this session, as a first roll call would', () => {
      // The guía leaves the number and the way of counting to each STL ("plena libertad para establecer pautas
      // particulares", guia-instalacion-stl.txt): here two absences in all, not in a row.
      const adoptTotal = command(
        'AdoptGovernanceMechanism',
        {
          mechanism: { template: 'edomex_2019', decisionRule: 'consensus_then_majority', removal: { absences: 2, consecutive: false } },
          adoptedOn: INSTALLED_ON,
        },
        on(INSTALLED_ON),
      );
      const inTotal = history(registerEdomex, ...edomexMembers, appointFunes, adoptTotal, installEdomex);
      const oneAbsence = heldSession(heldSession(inTotal, 's1', '2026-09-23', withoutGob2), 's2', '2026-10-21', everyone);
      const firstPresent = heldSession(oneAbsence, 's3', '2026-11-18', everyone);
      const amended = amend(firstPresent, withoutGob2);

      expect(suggestions(firstPresent)).toEqual([]);
      expect(suggestions(amended)).toEqual(suggestions(heldSession(oneAbsence, 's3', '2026-11-18', withoutGob2)));
      expect(suggestions(amended)).toEqual([expect.objectContaining({ titularId: 'gob-2', absences: ['s1', 's3'] })]);
      expect(suggestions(amend(amended, everyone))).toEqual([]);
    });

    it('lets a member propose the removal the amended roll call suggests', () => {
      const amended = amend(heldSession(twoAbsences, 's3', '2026-11-18', everyone), withoutGob2);

      const [proposed] = decideOn(amended, [command('ProposeRemoval', { memberId: 'gob-2', cause: 'inactividad', proposedBy: 'sc-1' }, on('2026-11-19'))]);

      expect(proposed).toMatchObject({ type: 'RemovalProposed', data: { memberId: 'gob-2', absentSessionIds: ['s1', 's2', 's3'] } });
    });
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
