import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { isDomainError } from '../shared/domain-error';
import { edomex2019, type GovernanceMechanismInput, minimosGuia, progressReportMonths } from './governance';
import { type ReservedAct } from './reserved-acts';
import { stlDeciderWith } from './stl-decider';
import { type StlEvent } from './stl-events';
import { type CastVote, governanceVersions, mechanismOn, type RegisteredStl } from './stl-state';
import { stlSummary } from './stl-summary';
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
  INSTALLED_ON,
  installEdomex,
  on,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

const favor = (memberId: string): CastVote => ({ memberId, vote: 'favor' });
const contra = (memberId: string): CastVote => ({ memberId, vote: 'contra' });
const impedimento = (memberId: string): CastVote => ({ memberId, vote: 'impedimento', reason: 'Conflicto de interés' });

/** 2–2 among the five seats, the garante impeded: civil society for, government against. */
const tieCivilSocietyFor = [contra('gob-1'), contra('gob-2'), favor('sc-1'), favor('sc-2'), impedimento('gar-1')];

const adopt = (mechanism: GovernanceMechanismInput, extra: Record<string, unknown> = {}, now = on(INSTALLED_ON)) =>
  command('AdoptGovernanceMechanism', { mechanism, adoptedOn: INSTALLED_ON, ...extra }, now);

/** The Estado de México members under tabla 2's plain "regla de mayoría" over the guide's minimum. */
const plainMajority = history(
  registerEdomex,
  ...edomexMembers,
  appointFunes,
  adopt({ template: 'minimos_guia', decisionRule: 'consensus_then_majority' }),
  installEdomex,
);

function outcome(events: readonly StlEvent[], votes: readonly CastVote[], present: readonly string[] = ALL_PRESENT) {
  const held = heldSession(events, 's1', '2026-11-18', present);
  const [recorded] = given(held).when(
    command('RecordDecision', { sessionId: 's1', subject: 'Programa de trabajo 2027', consensus: false, votes: [...votes] }),
  ).decision as StlEvent[];
  return recorded.type === 'DecisionRecorded' ? recorded.data : undefined;
}

describe('Each STL its own mechanism: "No existe una forma única, ni óptima, para integrar un STL" (guia-instalacion-stl.txt)', () => {
  it('a tie under tabla 2’s plain "regla de mayoría" is not approved: that rule has no casting vote', () => {
    // guia-instalacion-stl.txt, tabla 2: "Por consenso y en caso de disenso se aplicará regla de mayoría."
    expect(outcome(plainMajority, tieCivilSocietyFor)).toMatchObject({ approved: false, code: 'TIE_UNRESOLVED' });
  });

  it('the same tie under the Estado de México 2019 template goes to the civil-society casting vote', () => {
    // mecanismo-gobernanza-edomex.md, cap. VIII, 4: "el Representante de la Sociedad Civil tendrá el voto de calidad."
    expect(outcome(edomexInstalled, tieCivilSocietyFor)).toMatchObject({
      approved: true,
      via: 'voto_de_calidad',
      code: 'TIE_CASTING_VOTE',
    });
  });

  it('a mechanism may give the casting vote to one named seat instead', () => {
    const garanteCasts = history(
      registerEdomex,
      ...edomexMembers,
      adopt({ template: 'minimos_guia', decisionRule: 'consensus_then_majority', tieBreak: { kind: 'seat', seatId: 'gob-1' } }),
      installEdomex,
    );
    expect(outcome(garanteCasts, tieCivilSocietyFor)).toMatchObject({ approved: false, code: 'TIE_CASTING_VOTE' });
    given(history(registerEdomex))
      .when(adopt({ template: 'minimos_guia', tieBreak: { kind: 'seat', seatId: 'nadie' } }))
      .then('SEAT_NOT_FOUND');
  });

  it('quorum needs a civil-society seat only where the mechanism says so', () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, 2: "Siempre deberá estar presente un representante de sociedad civil."
    const withoutCivilSociety = ['gob-1', 'gob-2', 'gar-1'];
    const attendance = (events: readonly StlEvent[]) =>
      heldSession(events, 's1', '2026-11-18', withoutCivilSociety).find((event) => event.type === 'AttendanceRecorded');
    expect(attendance(plainMajority)).toMatchObject({ data: { quorum: true } });
    expect(attendance(edomexInstalled)).toMatchObject({ data: { quorum: false, code: 'NO_CIVIL_SOCIETY_PRESENT' } });
  });

  it('refuses a mechanism that is not one', () => {
    const registered = history(registerEdomex);
    for (const [mechanism, field] of [
      [{ template: 'edomex_2020' }, 'template'],
      [{ template: 'minimos_guia', noticeBusinessDays: -1 }, 'noticeBusinessDays'],
      [{ template: 'minimos_guia', removal: { absences: 0, consecutive: true } }, 'removal.absences'],
      [{ template: 'minimos_guia', decisionRule: 'unanimidad' }, 'decisionRule'],
      [{ template: 'minimos_guia', convenes: 'presidente' }, 'convenes'],
      [{ template: 'minimos_guia', progressReportMonths: 0 }, 'progressReportMonths'],
      [{ template: 'minimos_guia', progressReportMonths: 2.5 }, 'progressReportMonths'],
    ] as const) {
      expect(given(registered).when(adopt(mechanism as never)).then('INVALID_MECHANISM').details).toEqual({ field });
    }
  });
});

describe('How often the PAL’s commitments report progress: "Reportar periódicamente los avances … al igual que con los compromisos del PAL" (mecanismo-gobernanza-edomex.md, cap. X, 3)', () => {
  it('is the STL’s own choice, kept in the version it adopts and shown in its summary', () => {
    const quarterly = history(registerEdomex, adopt({ template: 'minimos_guia', progressReportMonths: 3 }));
    expect(stlSummary(stateOf(quarterly), DEFAULT_DEADLINE_POLICY)?.governance.current.mechanism.progress).toEqual({ reportMonths: 3 });
  });

  it('is not written into a template’s mechanism: no seed gives a period, so the bimonthly rhythm of the sessions rules', () => {
    // mecanismo-gobernanza-edomex.md, cap. VI, II: "El STL deberá celebrar sesiones de trabajo cuando menos una vez al bimestre".
    expect(minimosGuia('consensus_then_majority')).not.toHaveProperty('progress');
    expect(edomex2019()).not.toHaveProperty('progress');
    expect(progressReportMonths(edomex2019())).toBe(2);
  });
});

describe('Versions by date: "se acordará el mecanismo de gobernanza que regirá su actuación" (guia-instalacion-stl.txt, etapa 8)', () => {
  /** Plain majority until the session of 2026-10-21 approved the Estado de México rules. */
  const changed = (() => {
    const held = heldSession(plainMajority, 'c1', '2026-10-21', ALL_PRESENT);
    const decided = [
      ...held,
      ...decideOn(held, [
        command('RecordDecision', {
          sessionId: 'c1',
          subject: 'Adoptar el mecanismo del Estado de México',
          act: { kind: 'change_mechanism' },
          consensus: true,
          votes: [],
        }),
      ]),
    ];
    return [
      ...decided,
      ...decideOn(decided, [adopt({ template: 'edomex_2019', decisionRule: 'consensus_then_majority' }, { decision: { sessionId: 'c1', decisionId: '1' } })]),
    ];
  })();

  it('keeps each version with its validity dates and what it rests on', () => {
    const versions = governanceVersions(stateOf(changed) as RegisteredStl);
    expect(versions.map(({ version, validFrom, validUntil, basis }) => ({ version, validFrom, validUntil, basis }))).toEqual([
      { version: 1, validFrom: INSTALLED_ON, validUntil: '2026-10-21', basis: { kind: 'integracion' } },
      { version: 2, validFrom: '2026-10-21', validUntil: null, basis: { kind: 'decision', sessionId: 'c1', decisionId: '1' } },
    ]);
  });

  it('judges a session by the version in force on its day', () => {
    const state = stateOf(changed) as RegisteredStl;
    expect(mechanismOn(state, '2026-10-20').decision.tieBreak).toEqual({ kind: 'none' });
    expect(mechanismOn(state, '2026-10-21')).toEqual(edomex2019('consensus_then_majority'));
    expect(outcome(changed, tieCivilSocietyFor)).toMatchObject({ approved: true, via: 'voto_de_calidad' });
  });

  it('checks the notice by the version in force on the convocation’s date', () => {
    const longer = [
      ...plainMajority,
      ...decideOn(plainMajority, [
        adopt(
          { template: 'minimos_guia', noticeBusinessDays: 10 },
          { historical: { justification: 'Acta de la sesión del 16 de noviembre.' }, adoptedOn: '2026-11-16' },
          on('2026-11-23'),
        ),
      ]),
    ];
    const convene = (convokedOn: string) =>
      command(
        'ConveneSession',
        { sessionId: 'n1', date: '2026-11-25', kind: 'ordinaria', convokedOn, agenda: ['PAL'], historical: { justification: 'Convocatoria en papel.' } },
      );
    // Convoked on 2026-11-13, under the five days then in force: 2026-11-18 is the fifth business day before.
    expect(isDomainError(given(longer).when(convene('2026-11-13')).decision)).toBe(false);
    expect(given(longer).when(convene('2026-11-17')).then('NOTICE_TOO_SHORT').details).toMatchObject({ businessDays: 10 });
  });
});

describe('Acts reserved to the STL: "definir reglas que eviten el control sistemático de las decisiones por parte de un sector" (guia-instalacion-stl.txt)', () => {
  const vacated = [
    ...edomexInstalled,
    ...decideOn(edomexInstalled, [command('VacateFacilitador', { vacatedOn: '2026-10-01', reason: 'Renuncia' }, on('2026-10-01'))]),
  ];
  const appoint = (extra: Record<string, unknown> = {}) =>
    command('AppointFacilitador', { facilitadorId: 'fac-2', nombre: 'Rocío Díaz', procedencia: 'Academia', appointedOn: '2026-11-23', ...extra });
  const withDecision = (act: ReservedAct | undefined, votes: readonly CastVote[] = [], consensus = true) => {
    const held = heldSession(vacated, 's1', '2026-11-18', ALL_PRESENT);
    return [
      ...held,
      ...decideOn(held, [
        command('RecordDecision', {
          sessionId: 's1',
          subject: 'Nombrar facilitadora a Rocío Díaz',
          ...(act === undefined ? {} : { act }),
          consensus,
          votes: [...votes],
        }),
      ]),
    ];
  };
  const ref = { decision: { sessionId: 's1', decisionId: '1' } };

  it('appointing the facilitador of an installed STL without a decision is DECISION_REQUIRED, saying which decision', () => {
    // guia-instalacion-stl.txt, etapa 7: "se seleccionará por el medio que defina el Secretariado a un facilitador".
    const error = given(vacated).when(appoint()).then('DECISION_REQUIRED');
    expect(error.category).toBe('conflict');
    expect(error.message).toContain('El nombramiento del facilitador corresponde al STL');
    // Read on the board as it is: the words of its form, never the API's field names (issue 21, case 5).
    expect(error.message).toContain('indique la sesión y el acuerdo aprobado que lo sustenta');
    expect(error.message).not.toMatch(/sessionId|decisionId/);
  });

  it('appoints with the STL’s approved decision about it, once', () => {
    const decided = withDecision({ kind: 'appoint_facilitador' });
    const [appointed] = given(decided).when(appoint(ref)).decision as StlEvent[];
    expect(appointed).toMatchObject({
      type: 'FacilitadorAppointed',
      data: { authorizedBy: { kind: 'decision', sessionId: 's1', decisionId: '1' } },
    });
    const again = [
      ...decided,
      ...decideOn(decided, [appoint(ref), command('VacateFacilitador', { vacatedOn: '2026-11-23', reason: 'Renuncia' })]),
    ];
    given(again).when(appoint({ ...ref, facilitadorId: 'fac-3' })).then('DECISION_ALREADY_USED');
  });

  it('refuses a decision about something else, one not approved, or one that does not exist', () => {
    given(withDecision(undefined)).when(appoint(ref)).then('DECISION_NOT_ABOUT_ACT');
    const rejected = withDecision({ kind: 'appoint_facilitador' }, [favor('gob-1'), contra('gob-2'), contra('sc-1'), contra('sc-2'), contra('gar-1')], false);
    given(rejected).when(appoint(ref)).then('DECISION_NOT_APPROVED');
    given(vacated).when(appoint({ decision: { sessionId: 's1', decisionId: '9' } })).then('DECISION_NOT_FOUND');
  });

  it('records a historical act with its justification, and the board lists it as "acto sin sesión registrada"', () => {
    const justification = 'Designada en la sesión del 10 de octubre, registrada en papel.';
    const events = [...vacated, ...decideOn(vacated, [appoint({ historical: { justification } })])];
    expect(stlSummary(stateOf(events), DEFAULT_DEADLINE_POLICY)?.governance.actsWithoutSession).toEqual([
      { act: { kind: 'appoint_facilitador' }, on: '2026-11-23', justification },
    ]);
    given(vacated).when(appoint({ historical: { justification: ' ' } })).then('FIELD_REQUIRED');
  });

  it('a new titular after the installation needs the decision about that titular; a suplente or a vacant seat does not', () => {
    // mecanismo-gobernanza-edomex.md, cap. IV, VIII: "los integrantes podrán aprobar mediante sesión, la incorporación del solicitante".
    const titular = (extra: Record<string, unknown> = {}) =>
      command('AddMember', { memberId: 'sc-3', sector: 'sociedad_civil', role: 'titular', nombre: 'Nueva', organizacion: 'OSC', joinedOn: '2026-11-23', ...extra });
    given(edomexInstalled).when(titular()).then('DECISION_REQUIRED');
    const held = heldSession(edomexInstalled, 's1', '2026-11-18', ALL_PRESENT);
    const aboutOther = [
      ...held,
      ...decideOn(held, [
        command('RecordDecision', { sessionId: 's1', subject: 'Incorporar a otra OSC', act: { kind: 'add_titular', memberId: 'sc-9' }, consensus: true, votes: [] }),
      ]),
    ];
    given(aboutOther).when(titular(ref)).then('DECISION_NOT_ABOUT_ACT');
    const suplente = command('AddMember', { memberId: 'sup-sc-2', sector: 'sociedad_civil', role: 'suplente', nombre: 'S', organizacion: 'OSC', titularId: 'sc-2', joinedOn: '2026-11-23' });
    expect(isDomainError(given(edomexInstalled).when(suplente).decision)).toBe(false);
  });

  it('changing the decision rule of an installed STL rests on its decision and takes effect on that session’s day', () => {
    given(edomexInstalled).when(command('ChangeDecisionRule', { decisionRule: 'consensus_only' })).then('DECISION_REQUIRED');
    const held = heldSession(edomexInstalled, 's1', '2026-11-18', ALL_PRESENT);
    const decided = [
      ...held,
      ...decideOn(held, [
        command('RecordDecision', { sessionId: 's1', subject: 'Decidir solo por consenso', act: { kind: 'change_mechanism' }, consensus: true, votes: [] }),
      ]),
    ];
    const [adopted] = given(decided).when(command('ChangeDecisionRule', { decisionRule: 'consensus_only', ...ref })).decision as StlEvent[];
    expect(adopted).toMatchObject({
      type: 'GovernanceMechanismAdopted',
      data: { version: 2, validFrom: '2026-11-18', mechanism: { decision: { rule: 'consensus_only' } } },
    });
  });
});

describe('Streams recorded before mechanisms fold to the Estado de México 2019 rules they were judged by', () => {
  const legacy = stlDeciderWith(DEFAULT_DEADLINE_POLICY, { legacyGovernance: true });
  const legacyHistory = [registerEdomex, ...edomexMembers, appointFunes, installEdomex].reduce<StlEvent[]>((events, next) => {
    const decision = legacy.decide(next, events.reduce(legacy.evolve, legacy.initialState()));
    if (isDomainError(decision)) throw new Error(decision.code);
    return [...events, ...decision];
  }, []);

  it('has no mechanism event, and folds to one version "anterior" with the stream’s own rule, from its registration', () => {
    expect(legacyHistory.some((event) => event.type === 'GovernanceMechanismAdopted')).toBe(false);
    expect(governanceVersions(stateOf(legacyHistory) as RegisteredStl)).toEqual([
      { version: 1, mechanism: edomex2019('consensus_then_majority'), validFrom: null, validUntil: null, basis: { kind: 'anterior' } },
    ]);
    expect(outcome(legacyHistory, tieCivilSocietyFor)).toMatchObject({ approved: true, via: 'voto_de_calidad' });
  });

  it('a plain-majority guide minimum differs from it only where the guide is silent', () => {
    expect(minimosGuia('consensus_then_majority')).toMatchObject({
      quorum: { civilSocietyRequired: false },
      decision: { tieBreak: { kind: 'none' } },
      removal: null,
    });
  });
});
