import { type StlCommand } from './stl-commands';
import { stlDecider } from './stl-decider';
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
  it('changes the rule, and changing it to the same rule records nothing', () => {
    const state = given(registered)
      .when(command('ChangeDecisionRule', { decisionRule: 'consensus_only' }))
      .then([{ type: 'DecisionRuleChanged', data: { from: 'consensus_then_majority', to: 'consensus_only' } }]);
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
