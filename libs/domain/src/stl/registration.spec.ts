import { minimosGuia } from './governance';
import { type StlCommand } from './stl-commands';
import { type DecisionRule } from './stl-terms';
import { type StlEvent } from './stl-events';
import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { stlDecider, stlDeciderWith } from './stl-decider';
import { type StlInstalado } from './stl-state';
import {
  appointFunes,
  command,
  edomexInstalled,
  edomexMembers,
  given,
  history,
  INSTALLED_ON,
  installEdomex,
  on,
  registerEdomex,
} from './testing/stl-fixtures';

const registered = history(registerEdomex);

/** Until stage 9 the STL starts under the guide's minimum, with the rule it declared (tabla 2). */
function guideMinimum(rule: DecisionRule): StlEvent {
  return {
    type: 'GovernanceMechanismAdopted',
    data: { version: 1, mechanism: minimosGuia(rule), validFrom: '2026-11-23', basis: { kind: 'registro' } },
  };
}

describe('RegisterStl (guia-instalacion-stl.txt, tabla 2: the decision rule is configuration of each STL)', () => {
  it('registers the STL with its rule and its own non-working days (sorted, once); the facilitador is still to be chosen, not vacant', () => {
    given()
      .when(
        command('RegisterStl', {
          entidad: '15',
          decisionRule: 'consensus_then_majority_with_civil_society_vote',
          extraNonWorkingDays: ['2026-12-28', '2026-03-30', '2026-12-28'],
        }),
      )
      .then([
        {
          type: 'StlRegistered',
          data: {
            entidad: '15',
            decisionRule: 'consensus_then_majority_with_civil_society_vote',
            extraNonWorkingDays: ['2026-03-30', '2026-12-28'],
            extraSectorName: null,
          },
        },
        guideMinimum('consensus_then_majority_with_civil_society_vote'),
      ]);
  });

  it('declares a fourth sector by name (Morelos: organismos autónomos)', () => {
    const state = given()
      .when(
        command('RegisterStl', {
          entidad: '17',
          decisionRule: 'consensus_then_majority_with_each_sector_vote',
          extraSectorName: '  Organismos autónomos ',
        }),
      )
      .then([
        {
          type: 'StlRegistered',
          data: {
            entidad: '17',
            decisionRule: 'consensus_then_majority_with_each_sector_vote',
            extraNonWorkingDays: [],
            extraSectorName: 'Organismos autónomos',
          },
        },
        guideMinimum('consensus_then_majority_with_each_sector_vote'),
      ]);
    expect(state).toMatchObject({ status: 'en_integracion', extraSectorName: 'Organismos autónomos' });
  });

  it.each<[string, Partial<Extract<StlCommand, { type: 'RegisterStl' }>['data']>, string]>([
    ['an unknown entidad', { entidad: '33' as never }, 'UNKNOWN_ENTIDAD'],
    ['an unknown decision rule', { decisionRule: 'mayoria' as never }, 'UNKNOWN_DECISION_RULE'],
    ['an invalid non-working day', { extraNonWorkingDays: ['2026-02-30'] }, 'INVALID_DATE'],
    ['a blank fourth sector', { extraSectorName: ' ' }, 'FIELD_REQUIRED'],
  ])('refuses %s', (_case, change, code) => {
    const error = given()
      .when(command('RegisterStl', { entidad: '15', decisionRule: 'consensus_then_majority', ...change }))
      .then(code);
    expect(error.category).toBe('invalid');
  });

  it('refuses a second registration of the same STL', () => {
    expect(given(registered).when(registerEdomex).then('STL_ALREADY_REGISTERED').category).toBe('conflict');
  });

  it.each<StlCommand>([
    command('ChangeDecisionRule', { decisionRule: 'consensus_only' }),
    command('InstallStl', { installedOn: INSTALLED_ON }),
    command('FireDeadline', { deadlineId: 'x' }),
  ])('refuses $type before registration', (unregisteredCommand) => {
    expect(given().when(unregisteredCommand).then('STL_NOT_REGISTERED').category).toBe('conflict');
  });

  it('refuses a command it does not know, without throwing', () => {
    const unknown = { type: 'Dissolve', data: {}, metadata: { now: on(INSTALLED_ON) } } as unknown as StlCommand;
    expect(given(edomexInstalled).when(unknown).then('UNKNOWN_COMMAND').details).toEqual({ type: 'Dissolve' });
  });
});

describe('ChangeDecisionRule', () => {
  it('while integrating, is a new version of the mechanism with the new rule; the same rule records nothing', () => {
    const state = given(registered)
      .when(command('ChangeDecisionRule', { decisionRule: 'consensus_only' }))
      .then([
        {
          type: 'GovernanceMechanismAdopted',
          data: {
            version: 1,
            mechanism: minimosGuia('consensus_only'),
            validFrom: '2026-11-23',
            basis: { kind: 'integracion' },
          },
        },
      ]);
    expect(state).toMatchObject({ decisionRule: 'consensus_only' });
    given(registered)
      .when(command('ChangeDecisionRule', { decisionRule: 'consensus_then_majority' }))
      .then([]);
  });

  it('refuses an unknown rule', () => {
    given(registered)
      .when(command('ChangeDecisionRule', { decisionRule: 'unanimidad' as never }))
      .then('UNKNOWN_DECISION_RULE');
  });
});

describe('RegisterStl and ChangeDecisionRule in runs begun before mechanisms (legacyGovernance)', () => {
  // Those runs also took a missing facilitador for vacant from the registration on.
  const legacy = stlDeciderWith(DEFAULT_DEADLINE_POLICY, { legacyGovernance: true, vacantBeforeSelectionDue: true });
  const vacantWarning: StlEvent = {
    type: 'CompositionWarningsChanged',
    data: { warnings: [{ code: 'FACILITADOR_VACANT', message: 'El puesto de facilitador está vacante.' }] },
  };

  it('registers without a mechanism event and changes the rule as DecisionRuleChanged, as those runs recorded', () => {
    expect(legacy.decide(registerEdomex, legacy.initialState())).toEqual([
      {
        type: 'StlRegistered',
        data: { entidad: '15', decisionRule: 'consensus_then_majority', extraNonWorkingDays: [], extraSectorName: null },
      },
      vacantWarning,
    ]);
    const state = [...(legacy.decide(registerEdomex, legacy.initialState()) as StlEvent[])].reduce(
      legacy.evolve,
      legacy.initialState(),
    );
    expect(legacy.decide(command('ChangeDecisionRule', { decisionRule: 'consensus_only' }), state)).toEqual([
      { type: 'DecisionRuleChanged', data: { from: 'consensus_then_majority', to: 'consensus_only' } },
    ]);
  });
});

describe('SetNonWorkingDays (DOMAIN.md: each STL may add its own non-working days)', () => {
  it('replaces the list, sorted and without repetitions; the same list again records nothing', () => {
    const state = given(registered)
      .when(command('SetNonWorkingDays', { dates: ['2026-12-31', '2026-12-24', '2026-12-31'] }))
      .then([{ type: 'NonWorkingDaysSet', data: { dates: ['2026-12-24', '2026-12-31'] } }]);
    expect(state).toMatchObject({ extraNonWorkingDays: ['2026-12-24', '2026-12-31'] });
    given([...registered, { type: 'NonWorkingDaysSet', data: { dates: ['2026-12-24'] } }])
      .when(command('SetNonWorkingDays', { dates: ['2026-12-24'] }))
      .then([]);
  });

  it('refuses a date that does not exist', () => {
    expect(
      given(registered)
        .when(command('SetNonWorkingDays', { dates: ['2026-13-01'] }))
        .then('INVALID_DATE').details,
    ).toEqual({
      field: 'dates[0]',
    });
  });
});

describe('InstallStl (guia-instalacion-stl.txt, Anexo 1, etapa 10)', () => {
  const integrated = history(registerEdomex, ...edomexMembers, appointFunes);

  it('installs the STL with its acta once every core sector has a titular', () => {
    const state = given(integrated)
      .when(installEdomex)
      .then([{ type: 'StlInstalled', data: { installedOn: INSTALLED_ON, actaUrl: 'https://infoem.org.mx/acta.pdf' } }]);
    expect((state as StlInstalado).status).toBe('instalado');
  });

  it('is idempotent: installing an installed STL records nothing (the exercise may forward stage 10 again)', () => {
    given(edomexInstalled).when(installEdomex).then([]);
  });

  it('refuses to install without a titular of gobierno, sociedad civil and garante (requerimientos mínimos)', () => {
    const onlyGovernment = history(registerEdomex, edomexMembers[0]);
    const error = given(onlyGovernment)
      .when(command('InstallStl', { installedOn: INSTALLED_ON }))
      .then('MISSING_SECTOR_TITULAR');
    expect(error).toMatchObject({
      category: 'conflict',
      details: { missing: ['sociedad_civil', 'garante'] },
      message: 'Para instalar el STL falta al menos un titular de: sociedad civil, organismo garante.',
    });
  });

  it('refuses an installation dated in the future', () => {
    const error = given(integrated)
      .when(command('InstallStl', { installedOn: '2026-11-24' }))
      .then('DATE_IN_FUTURE');
    expect(error.message).toBe(
      'La fecha «installedOn» (martes 24 de noviembre de 2026) no puede ser posterior a hoy (lunes 23 de noviembre de 2026).',
    );
  });

  it('refuses a malformed date', () => {
    given(integrated)
      .when(command('InstallStl', { installedOn: '1/9/2026' }))
      .then('INVALID_DATE');
  });

  it('exposes the decider parts for the workflow', () => {
    expect(stlDecider.initialState()).toEqual({ status: 'unregistered' });
  });
});
