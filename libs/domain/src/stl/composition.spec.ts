import { type AddMember } from './stl-commands';
import { type RegisteredStl } from './stl-state';
import {
  appointFunes,
  command,
  edomexInstalled,
  edomexMembers,
  given,
  history,
  INSTALLED_ON,
  registerEdomex,
  stateOf,
} from './testing/stl-fixtures';

const integrated = history(registerEdomex, ...edomexMembers, appointFunes);

function addMember(data: Partial<AddMember['data']>) {
  return command('AddMember', {
    memberId: 'gob-3',
    sector: 'gobierno',
    role: 'titular',
    nombre: 'Ana Pérez',
    organizacion: 'Secretaría de Finanzas',
    joinedOn: '2026-11-20',
    ...data,
  });
}

describe('AddMember: seats per sector (guia-instalacion-stl.txt; mecanismo-gobernanza-edomex.md, cap. IV)', () => {
  it('opens a seat for a new titular, named after the titular', () => {
    const state = given(history(registerEdomex, ...edomexMembers.slice(0, 7), appointFunes))
      .when(
        addMember({
          memberId: 'gar-1',
          sector: 'garante',
          organizacion: 'INFOEM',
          cargo: 'Comisionada Presidenta',
          email: 'presidencia@infoem.org.mx',
        }),
      )
      .then([
        {
          type: 'MemberAdded',
          data: {
            memberId: 'gar-1',
            sector: 'garante',
            role: 'titular',
            nombre: 'Ana Pérez',
            organizacion: 'INFOEM',
            cargo: 'Comisionada Presidenta',
            email: 'presidencia@infoem.org.mx',
            seatId: 'gar-1',
            joinedOn: '2026-11-20',
          },
        },
      ]) as RegisteredStl;
    expect(state.seats['gar-1']).toEqual({
      absences: [],
      seatId: 'gar-1',
      sector: 'garante',
      titularId: 'gar-1',
      suplenteId: null,
      enlaceId: null,
      consecutiveAbsences: [],
      vacancy: null,
    });
  });

  it('seats a suplente and an enlace in their titular’s seat', () => {
    const state = stateOf(integrated) as RegisteredStl;
    expect(state.seats['gob-1']).toMatchObject({ titularId: 'gob-1', suplenteId: 'sup-gob-1', enlaceId: 'enl-gob-1' });
    expect(state.members['inv-1']).not.toHaveProperty('seatId');
  });

  it('records an enlace named with voice and no vote; only an enlace can be (cap. IV, I)', () => {
    const enlace = addMember({ memberId: 'enl-2', role: 'enlace', titularId: 'gob-2', hasVote: false });
    const [added] = given(integrated).when(enlace).decision as never[];
    expect(added).toMatchObject({
      type: 'MemberAdded',
      data: { memberId: 'enl-2', role: 'enlace', hasVote: false, seatId: 'gob-2' },
    });
    expect(
      given(integrated)
        .when(addMember({ hasVote: false }))
        .then('INVALID_VOTE_CAPACITY').category,
    ).toBe('invalid');
  });

  it('records an invitado without a seat (voice only, for the span of a project: cap. X)', () => {
    given(integrated)
      .when(
        addMember({ memberId: 'inv-2', role: 'invitado', organizacion: 'Universidad Autónoma del Estado de México' }),
      )
      .then([
        {
          type: 'MemberAdded',
          data: {
            memberId: 'inv-2',
            sector: 'gobierno',
            role: 'invitado',
            nombre: 'Ana Pérez',
            organizacion: 'Universidad Autónoma del Estado de México',
            joinedOn: '2026-11-20',
          },
        },
      ]);
  });

  it('accepts members of the declared fourth sector (Morelos: organismos autónomos)', () => {
    const morelos = history(
      command('RegisterStl', {
        entidad: '17',
        decisionRule: 'consensus_then_majority_with_each_sector_vote',
        extraSectorName: 'Organismos autónomos',
      }),
    );
    const [added] = given(morelos).when(
      addMember({ memberId: 'auto-1', sector: 'adicional', organizacion: 'Tribunal Electoral' }),
    ).decision as never[];
    expect(added).toMatchObject({ type: 'MemberAdded', data: { sector: 'adicional', seatId: 'auto-1' } });
  });

  it.each<[string, Partial<AddMember['data']>, string, 'invalid' | 'conflict']>([
    ['a blank id', { memberId: ' ' }, 'FIELD_REQUIRED', 'invalid'],
    ['an unknown sector', { sector: 'academia' as never }, 'UNKNOWN_SECTOR', 'invalid'],
    ['an unknown role', { role: 'observador' as never }, 'UNKNOWN_ROLE', 'invalid'],
    ['a blank name', { nombre: '' }, 'FIELD_REQUIRED', 'invalid'],
    ['a blank organisation', { organizacion: '  ' }, 'FIELD_REQUIRED', 'invalid'],
    ['a joining date in the future', { joinedOn: '2026-12-01' }, 'DATE_IN_FUTURE', 'invalid'],
    ['the fourth sector when none was declared', { sector: 'adicional' }, 'SECTOR_NOT_DECLARED', 'conflict'],
    ['an id already in use', { memberId: 'sc-1' }, 'DUPLICATE_MEMBER', 'conflict'],
    ['the facilitador’s id', { memberId: 'fac-1' }, 'DUPLICATE_MEMBER', 'conflict'],
    ['a titular that names a titular', { titularId: 'gob-1' }, 'INVALID_SEAT_REFERENCE', 'invalid'],
    ['a titular for a seat that does not exist', { seatId: 'gob-9' }, 'SEAT_NOT_FOUND', 'conflict'],
    ['a titular for a seat that has one', { seatId: 'gob-1' }, 'SEAT_OCCUPIED', 'conflict'],
    ['a suplente without titular', { memberId: 'sup-x', role: 'suplente' }, 'TITULAR_REQUIRED', 'invalid'],
    [
      'a suplente naming a seat instead of a titular',
      { memberId: 'sup-x', role: 'suplente', seatId: 'gob-2' },
      'INVALID_SEAT_REFERENCE',
      'invalid',
    ],
    [
      'a suplente of an unknown titular',
      { memberId: 'sup-x', role: 'suplente', titularId: 'gob-9' },
      'TITULAR_NOT_FOUND',
      'conflict',
    ],
    [
      'a suplente of a suplente',
      { memberId: 'sup-x', role: 'suplente', titularId: 'sup-gob-1' },
      'TITULAR_NOT_FOUND',
      'conflict',
    ],
    [
      'a second suplente for a seat',
      { memberId: 'sup-x', role: 'suplente', titularId: 'gob-1' },
      'SUPLENTE_ALREADY_ASSIGNED',
      'conflict',
    ],
    [
      'a second enlace for a seat',
      { memberId: 'enl-x', role: 'enlace', titularId: 'gob-1' },
      'ENLACE_ALREADY_ASSIGNED',
      'conflict',
    ],
    [
      'an invitado attached to a titular',
      { memberId: 'inv-x', role: 'invitado', titularId: 'gob-1' },
      'INVALID_SEAT_REFERENCE',
      'invalid',
    ],
    [
      'an invitado in a seat',
      { memberId: 'inv-x', role: 'invitado', seatId: 'gob-1' },
      'INVALID_SEAT_REFERENCE',
      'invalid',
    ],
  ])('refuses %s', (_case, change, code, category) => {
    expect(given(integrated).when(addMember(change)).then(code).category).toBe(category);
  });

  it('refuses a suplente in another sector than its titular ("Los suplentes deberán pertenecer al mismo sector", cap. IV)', () => {
    const error = given(integrated)
      .when(addMember({ memberId: 'sup-x', role: 'suplente', sector: 'sociedad_civil', titularId: 'gob-2' }))
      .then('SECTOR_MISMATCH');
    expect(error).toMatchObject({
      category: 'invalid',
      message: 'El suplente debe pertenecer al mismo sector que su titular (gobierno).',
      details: { sector: 'sociedad_civil', seatSector: 'gobierno' },
    });
  });

  it('refuses a titular filling a vacant seat of another sector', () => {
    const withVacantSeat = [
      ...edomexInstalled,
      { type: 'MemberResigned' as const, data: { memberId: 'sc-2', on: '2026-10-01' } },
    ];
    given(withVacantSeat)
      .when(addMember({ memberId: 'gob-9', seatId: 'sc-2' }))
      .then('SECTOR_MISMATCH');
  });

  it('refuses members that left: ids are never reused', () => {
    const left = [
      ...edomexInstalled,
      { type: 'MemberResigned' as const, data: { memberId: 'inv-1', on: '2026-10-01' } },
    ];
    given(left)
      .when(addMember({ memberId: 'inv-1' }))
      .then('DUPLICATE_MEMBER');
  });
});

describe('Composition warnings (DOMAIN.md: recorded, shown on the dashboard, never blocking)', () => {
  it('warns of imbalance when government and civil-society titulares differ (guia-instalacion-stl.txt: "en la misma proporción")', () => {
    given(integrated)
      .when(addMember({}))
      .then([
        expect.objectContaining({ type: 'MemberAdded' }),
        {
          type: 'CompositionWarningsChanged',
          data: {
            warnings: [
              {
                code: 'SECTOR_IMBALANCE',
                message: 'Representación desequilibrada: 3 titular(es) de gobierno y 2 de sociedad civil.',
                details: { gobierno: 3, sociedad_civil: 2 },
              },
            ],
          },
        },
      ]);
  });

  it('warns when the facilitador comes from an organisation represented in the STL (accents and case ignored)', () => {
    const withoutFacilitador = history(registerEdomex, ...edomexMembers);
    given(withoutFacilitador)
      .when(
        command('AppointFacilitador', {
          nombre: 'Laura Gómez',
          procedencia: 'Sociedad civil',
          organizacion: 'OBSERVATORIO CIUDADANO, A.C.',
          appointedOn: INSTALLED_ON,
        }),
      )
      .then([
        expect.objectContaining({
          type: 'FacilitadorAppointed',
          data: expect.objectContaining({ facilitadorId: 'facilitador:2026-09-01' }),
        }),
        {
          type: 'CompositionWarningsChanged',
          data: {
            warnings: [
              {
                code: 'FACILITADOR_FROM_REPRESENTED_ORGANIZATION',
                message:
                  'El facilitador proviene de una organización representada en el STL (Observatorio Ciudadano, A.C.).',
                details: { organizacion: 'Observatorio Ciudadano, A.C.', memberId: 'sc-2' },
              },
            ],
          },
        },
      ]);
  });

  it('warns when the facilitador comes from the garante, by procedencia (Sonora 2017: "Organismo Garante – …") or organisation', () => {
    const withoutFacilitador = history(registerEdomex, ...edomexMembers);
    const sonoraLike = given(withoutFacilitador).when(
      command('AppointFacilitador', {
        nombre: 'Edgardo Carrillo',
        procedencia: 'Organismo Garante – Dirección General de Difusión ISTAI',
        appointedOn: INSTALLED_ON,
      }),
    ).decision as never[];
    expect(sonoraLike[1]).toMatchObject({ data: { warnings: [{ code: 'FACILITADOR_FROM_GARANTE' }] } });
    const byOrganisation = given(withoutFacilitador).when(
      command('AppointFacilitador', {
        nombre: 'Luis Díaz',
        procedencia: 'Servidor público',
        organizacion: 'Infoem',
        appointedOn: INSTALLED_ON,
      }),
    ).decision as never[];
    expect(byOrganisation[1]).toMatchObject({
      data: {
        warnings: [
          {
            code: 'FACILITADOR_FROM_GARANTE',
            message: 'El facilitador proviene del organismo garante (Servidor público); la guía lo recomienda neutral.',
          },
        ],
      },
    });
  });

  it('warns when an installed STL is left without titular in a core sector', () => {
    const minimal = history(
      registerEdomex,
      ...edomexMembers.filter((member) => ['gob-1', 'sc-1', 'gar-1'].includes((member as AddMember).data.memberId)),
      appointFunes,
      command('InstallStl', { installedOn: INSTALLED_ON }),
    );
    const [, vacancy, warnings] = given(minimal).when(command('ResignMember', { memberId: 'sc-1', on: '2026-11-20' }))
      .decision as never[];
    expect(vacancy).toMatchObject({ type: 'VacancyOpened', data: { role: 'titular', how: 'convocatoria' } });
    expect(warnings).toEqual({
      type: 'CompositionWarningsChanged',
      data: {
        warnings: [
          expect.objectContaining({ code: 'SECTOR_IMBALANCE' }),
          {
            code: 'SECTOR_WITHOUT_TITULAR',
            message: 'Sin titular en: sociedad civil.',
            details: { sectors: ['sociedad_civil'] },
          },
        ],
      },
    });
  });
});
