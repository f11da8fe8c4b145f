import { type AppointFacilitador } from './stl-commands';
import { type RegisteredStl } from './stl-state';
import {
  appointFunes,
  command,
  decideOn,
  edomexInstalled,
  edomexMembers,
  given,
  history,
  registerEdomex,
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
