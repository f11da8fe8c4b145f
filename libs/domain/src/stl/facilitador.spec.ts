import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { type AppointFacilitador } from './stl-commands';
import { stlDeciderWith } from './stl-decider';
import { type StlEvent } from './stl-events';
import { initialStlState, type RegisteredStl } from './stl-state';
import { stlSummary } from './stl-summary';
import {
  appointFunes,
  command,
  decideOn,
  edomexInstalled,
  edomexMembers,
  given,
  history,
  ids,
  INSTALLED_ON,
  jaliscoSinFacilitador,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

const vacate = command('VacateFacilitador', { vacatedOn: '2026-11-20', reason: 'Renuncia por motivos personales' });
const vacated = [...edomexInstalled, ...decideOn(edomexInstalled, [vacate])];

function appoint(data: Partial<AppointFacilitador['data']>) {
  return command('AppointFacilitador', {
    facilitadorId: 'fac-2',
    nombre: 'María Luisa Ramos',
    procedencia: 'Academia – El Colegio Mexiquense',
    organizacion: 'El Colegio Mexiquense',
    email: 'mlramos@ejemplo.org.mx',
    appointedOn: '2026-11-23',
    ...data,
  });
}

describe('VacateFacilitador (DOMAIN.md: facilitador vacant → flagged at once)', () => {
  it('records the vacancy and flags it in the composition warnings with its date', () => {
    const state = given(edomexInstalled)
      .when(vacate)
      .then([
        {
          type: 'FacilitadorVacated',
          data: { facilitadorId: 'fac-1', vacatedOn: '2026-11-20', reason: 'Renuncia por motivos personales' },
        },
        {
          type: 'CompositionWarningsChanged',
          data: {
            warnings: [
              {
                code: 'FACILITADOR_VACANT',
                message: 'El puesto de facilitador está vacante desde el viernes 20 de noviembre de 2026.',
                details: { since: '2026-11-20' },
              },
            ],
          },
        },
      ]) as RegisteredStl;
    expect(state).toMatchObject({ facilitador: null, facilitadorVacatedOn: '2026-11-20' });
  });

  it('refuses to vacate a post already vacant', () => {
    expect(given(vacated).when(vacate).then('FACILITADOR_ALREADY_VACANT').category).toBe('conflict');
  });

  it.each([
    ['a date before the appointment', { vacatedOn: '2026-08-31' }, 'VACATED_BEFORE_APPOINTED'],
    ['a date in the future', { vacatedOn: '2026-11-24' }, 'DATE_IN_FUTURE'],
    ['no reason', { reason: ' ' }, 'FIELD_REQUIRED'],
  ])('refuses %s', (_case, change, code) => {
    const data = { vacatedOn: '2026-11-20', reason: 'Renuncia', ...change };
    expect(given(edomexInstalled).when(command('VacateFacilitador', data)).then(code).category).toBe('invalid');
  });
});

describe('AppointFacilitador (guia-instalacion-stl.txt: voz, pero no voto; preferentemente de la academia o la sociedad civil)', () => {
  it('appoints the facilitador (a historical act here) and clears the vacancy warning', () => {
    const justification = 'Nombrada en la sesión del 20 de noviembre; su acta se registra después.';
    const state = given(vacated)
      .when(appoint({ historical: { justification } }))
      .then([
        {
          type: 'FacilitadorAppointed',
          data: {
            facilitadorId: 'fac-2',
            nombre: 'María Luisa Ramos',
            procedencia: 'Academia – El Colegio Mexiquense',
            organizacion: 'El Colegio Mexiquense',
            email: 'mlramos@ejemplo.org.mx',
            appointedOn: '2026-11-23',
            authorizedBy: { kind: 'historico', justification },
          },
        },
        { type: 'CompositionWarningsChanged', data: { warnings: [] } },
      ]) as RegisteredStl;
    expect(state).toMatchObject({ facilitadorVacatedOn: null, warnings: [] });
  });

  it('may be appointed while the STL is being integrated (etapa 7, before the installation)', () => {
    const integrating = history(registerEdomex, ...edomexMembers);
    const [appointed] = given(integrating).when(appointFunes).decision as never[];
    expect(appointed).toMatchObject({ type: 'FacilitadorAppointed', data: { facilitadorId: 'fac-1' } });
  });

  it('refuses a second facilitador while one is in post', () => {
    expect(given(edomexInstalled).when(appoint({})).then('FACILITADOR_ALREADY_APPOINTED').category).toBe('conflict');
  });

  it.each<[string, Partial<AppointFacilitador['data']>, string]>([
    ['no name', { nombre: '' }, 'FIELD_REQUIRED'],
    ['no procedencia', { procedencia: ' ' }, 'FIELD_REQUIRED'],
    ['an appointment in the future', { appointedOn: '2026-11-30' }, 'DATE_IN_FUTURE'],
    [
      'the id of a member (the facilitador renounces representing an organisation)',
      { facilitadorId: 'sc-1' },
      'DUPLICATE_MEMBER',
    ],
  ])('refuses %s', (_case, change, code) => {
    given(vacated).when(appoint(change)).then(code);
  });
});

/**
 * guia-instalacion-stl.txt, Anexo 1: "7 Selección del facilitador … Facilitador definido (preferentemente de la
 * academia o sociedad civil)". Before that stage closes the post is still to be filled ("por elegir"), not vacant.
 */
describe('A missing facilitador is vacant only once the selection is due (stage 7 closed, or the STL installed)', () => {
  const integrating = history(registerEdomex, ...edomexMembers);
  const summaryOf = (events: readonly StlEvent[]) => stlSummary(stateOf(events), DEFAULT_DEADLINE_POLICY);
  const conclude = (concludedOn: string) => command('ConcludeFacilitadorSelection', { concludedOn });

  it('shows no vacancy, no warning and no vacancy deadline while the STL is integrating before stage 7', () => {
    expect(summaryOf(integrating)).toMatchObject({ facilitadorVacante: false, warnings: [] });
    expect(summaryOf(integrating)).not.toHaveProperty('vacantSince');
    expect(ids(integrating)).toEqual([]);
  });

  it('flags the vacancy from the day the exercise closed stage 7', () => {
    const state = given(integrating)
      .when(conclude('2026-10-05'))
      .then([
        { type: 'FacilitadorSelectionConcluded', data: { concludedOn: '2026-10-05' } },
        {
          type: 'CompositionWarningsChanged',
          data: {
            warnings: [
              {
                code: 'FACILITADOR_VACANT',
                message: 'El puesto de facilitador está vacante desde el lunes 5 de octubre de 2026.',
                details: { since: '2026-10-05' },
              },
            ],
          },
        },
      ]);
    expect(stlSummary(state, DEFAULT_DEADLINE_POLICY)).toMatchObject({ facilitadorVacante: true, vacantSince: '2026-10-05' });
  });

  it('records the close of stage 7 once, and not at all for an STL already installed or with its facilitador', () => {
    const concluded = [...integrating, ...decideOn(integrating, [conclude('2026-10-05')])];
    given(concluded).when(conclude('2026-10-20')).then([]);
    given(edomexInstalled).when(conclude('2026-10-05')).then([]);
    const withFacilitador = history(registerEdomex, ...edomexMembers, appointFunes);
    given(withFacilitador)
      .when(conclude('2026-10-05'))
      .then([{ type: 'FacilitadorSelectionConcluded', data: { concludedOn: '2026-10-05' } }]);
    expect(summaryOf([...withFacilitador, ...decideOn(withFacilitador, [conclude('2026-10-05')])])?.facilitadorVacante).toBe(false);
  });

  it('counts a facilitador who left during the integration as a vacancy, and any STL installed without one', () => {
    const left = [
      ...history(registerEdomex, ...edomexMembers, appointFunes),
      ...decideOn(history(registerEdomex, ...edomexMembers, appointFunes), [vacate]),
    ];
    expect(summaryOf(left)).toMatchObject({ facilitadorVacante: true, vacantSince: '2026-11-20' });
    expect(summaryOf(jaliscoSinFacilitador)).toMatchObject({ facilitadorVacante: true, vacantSince: INSTALLED_ON });
  });

  it('refuses a date of stage 7 in the future', () => {
    given(integrating).when(conclude('2099-01-01')).then('DATE_IN_FUTURE');
  });

  it('keeps the old rule for runs begun before it (vacant from the registration)', () => {
    const older = stlDeciderWith(DEFAULT_DEADLINE_POLICY, { vacantBeforeSelectionDue: true });
    const decision = older.decide(registerEdomex, initialStlState());
    expect(decision).toContainEqual({
      type: 'CompositionWarningsChanged',
      data: { warnings: [{ code: 'FACILITADOR_VACANT', message: 'El puesto de facilitador está vacante.' }] },
    });
  });
});

describe('VacateFacilitador without date or reason (a DELETE whose body a client or proxy dropped)', () => {
  it('vacates the post from today, with no reason on record', () => {
    given(edomexInstalled)
      .when(command('VacateFacilitador', {}))
      .then([
        { type: 'FacilitadorVacated', data: { facilitadorId: 'fac-1', vacatedOn: '2026-11-23' } },
        expect.objectContaining({ type: 'CompositionWarningsChanged' }),
      ]);
  });

  it('still refuses a blank reason when one is given', () => {
    given(edomexInstalled).when(command('VacateFacilitador', { reason: '  ' })).then('FIELD_REQUIRED');
  });
});
