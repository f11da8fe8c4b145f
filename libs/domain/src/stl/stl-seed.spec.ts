import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { type Entidad } from '../shared/entidades';
import { fold } from '../shared/decider';
import { type CompositionWarningCode, type StlInstalado, titularesBySector } from './stl-state';
import { stlDecider } from './stl-decider';
import { STL_2017, stlSeedCommands } from './stl-seed';
import { stlSummary } from './stl-summary';
import { minimosGuia } from './governance';
import { history, on } from './testing/stl-fixtures';

const options = { installedOn: '2026-09-01', now: on('2026-09-01') };
const seeded = (entidad: Entidad) => {
  const record = STL_2017.find((candidate) => candidate.entidad === entidad);
  if (record === undefined) throw new Error(entidad);
  return fold(stlDecider, history(...stlSeedCommands(record, options))) as StlInstalado;
};

/**
 * What each 2017 STL shows on the board (guia-instalacion-stl.txt, tablas 2 a 5): the facilitador vacant in
 * Jalisco, Oaxaca and Tlaxcala; Sonora's from the garante; Zacatecas' from the federation that holds its
 * civil-society seat; six with government ≠ civil-society titulares (Morelos is balanced once its autonomous
 * bodies sit in their own sector).
 */
const EXPECTED_WARNINGS: Record<string, CompositionWarningCode[]> = {
  '02': ['SECTOR_IMBALANCE'],
  '04': ['SECTOR_IMBALANCE'],
  '05': ['SECTOR_IMBALANCE'],
  '10': [],
  '14': ['FACILITADOR_VACANT'],
  '16': [],
  '17': [],
  '19': [],
  '20': ['FACILITADOR_VACANT'],
  '24': [],
  '25': ['SECTOR_IMBALANCE'],
  '26': ['FACILITADOR_FROM_GARANTE'],
  '27': [],
  '29': ['FACILITADOR_VACANT'],
  '30': ['SECTOR_IMBALANCE'],
  '32': ['SECTOR_IMBALANCE', 'FACILITADOR_FROM_REPRESENTED_ORGANIZATION'],
};

describe('stlSeedCommands: the 16 STLs of September 2017 (guia-instalacion-stl.txt, tablas 2 a 5)', () => {
  it('has the 16 records of the guide', () => {
    expect(STL_2017.map((record) => record.entidad)).toEqual(Object.keys(EXPECTED_WARNINGS).sort());
  });

  it.each(STL_2017.map((record) => [record.nombre, record] as const))(
    'loads %s into a valid installed STL',
    (_nombre, record) => {
      const state = seeded(record.entidad);
      expect(state).toMatchObject({
        status: 'instalado',
        installedOn: '2026-09-01',
        decisionRule: record.decisionRule,
      });
      expect(titularesBySector(state)).toEqual({ adicional: 0, ...record.titulares });
      expect(state.facilitador?.nombre ?? null).toBe(record.facilitador?.nombre ?? null);
      expect(state.warnings.map((warning) => warning.code)).toEqual(EXPECTED_WARNINGS[record.entidad]);
    },
  );

  it('gives each STL tabla 2’s rule as its adopted mechanism, with no casting vote and no civil-society quorum', () => {
    // guia-instalacion-stl.txt, tabla 2: "Por consenso y en caso de disenso se aplicará regla de mayoría." — no more.
    for (const record of STL_2017) {
      const governance = stlSummary(seeded(record.entidad), DEFAULT_DEADLINE_POLICY)?.governance;
      expect(governance).toMatchObject({
        adopted: true,
        current: { version: 1, validFrom: '2026-09-01', basis: { kind: 'integracion' }, mechanism: minimosGuia(record.decisionRule) },
      });
      expect(governance?.current.mechanism.decision.tieBreak).toEqual({ kind: 'none' });
    }
  });

  it('pins the facilitador vacancy to exactly Jalisco, Oaxaca and Tlaxcala', () => {
    const vacant = STL_2017.filter((record) => stlSummary(seeded(record.entidad), DEFAULT_DEADLINE_POLICY)?.facilitadorVacante).map(
      (record) => record.nombre,
    );
    expect(vacant).toEqual(['Jalisco', 'Oaxaca', 'Tlaxcala']);
  });

  it('records Veracruz 5 gobierno / 2 sociedad civil as an imbalance, and Sonora’s facilitador from the garante (ISTAI)', () => {
    expect(seeded('30').warnings[0]).toEqual({
      code: 'SECTOR_IMBALANCE',
      message: 'Representación desequilibrada: 5 titular(es) de gobierno y 2 de sociedad civil.',
      details: { gobierno: 5, sociedad_civil: 2 },
    });
    expect(seeded('26').facilitador).toMatchObject({
      procedencia: 'Organismo Garante – Dirección General de Difusión ISTAI',
      organizacion: 'Dirección General de Difusión ISTAI',
    });
  });

  it('seeds Morelos as the four-sector STL the seeds describe, organismos autónomos beside government', () => {
    // articulo-gobiernos-abiertos-subnacionales.txt: "Morelos: se creó un secretariado cuatripartita integrado por
    // sociedad civil, el órgano garante, organismos autónomos y autoridades públicas locales."
    const morelos = seeded('17');
    expect(morelos.extraSectorName).toBe('Organismos autónomos');
    expect(titularesBySector(morelos)).toEqual({ gobierno: 1, sociedad_civil: 1, garante: 1, adicional: 1 });
    expect(Object.values(morelos.members).map(({ sector, organizacion }) => [sector, organizacion])).toEqual([
      ['gobierno', 'Secretaría de Hacienda del Estado de Morelos'],
      ['sociedad_civil', 'COPARMEX Morelos'],
      ['garante', 'Organismo garante de Morelos'],
      ['adicional', 'Tribunal Electoral del Estado de Morelos'],
    ]);
  });

  it('warns that Zacatecas’ facilitador comes from the federation that holds its civil-society seat', () => {
    // guia-instalacion-stl.txt, tabla 4: "Zacatecas Federación de Colegios y Asociaciones de Profesionistas de
    // Zacatecas"; tabla 5: "Fidel Álvarez González Academia – Federación de Colegios y Asociaciones de
    // Profesionistas"; the guide: "se recomienda que el facilitador sea un actor distinto a los representados en el STL".
    expect(seeded('32').warnings).toContainEqual({
      code: 'FACILITADOR_FROM_REPRESENTED_ORGANIZATION',
      message:
        'El facilitador proviene de una organización representada en el STL (Federación de Colegios y Asociaciones de Profesionistas de Zacatecas).',
      details: { organizacion: 'Federación de Colegios y Asociaciones de Profesionistas de Zacatecas', memberId: '32-sociedadcivil-1' },
    });
  });

  it('gives the titulares and suplentes the organisations of tablas 3 and 4', () => {
    // guia-instalacion-stl.txt, tabla 4: "Sinaloa Iniciativa Sinaloa, A.C. … Vigilantes Ciudadanos por la
    // Transparencia, A.C. **" and "** Fungen como suplentes de las organizaciones de sociedad civil en el STL".
    const sinaloa = seeded('25');
    expect(sinaloa.members['25-sociedadcivil-1']).toMatchObject({ role: 'titular', organizacion: 'Iniciativa Sinaloa, A.C.' });
    expect(sinaloa.members['25-sociedadcivil-3-suplente']).toMatchObject({
      role: 'suplente',
      sector: 'sociedad_civil',
      organizacion: 'Vigilantes Ciudadanos por la Transparencia, A.C.',
    });
    expect(seeded('04').members['04-gobierno-1']).toMatchObject({
      organizacion: 'Secretaría de Administración e Innovación Gubernamental',
      cargo: 'Secretario de Administración e Innovación Gubernamental',
    });
    // Coahuila: tabla 2 counts five civil-society seats, tabla 4 names four organisations.
    expect(seeded('05').members['05-sociedadcivil-5']).toMatchObject({ organizacion: 'Organización de la sociedad civil 5 de Coahuila' });
  });

  it('names members after their seats, with example addresses, and keeps the real facilitador', () => {
    const jalisco = STL_2017.find((record) => record.entidad === '14');
    const commands = stlSeedCommands(jalisco!, options);
    expect(commands[0]).toEqual({
      type: 'RegisterStl',
      data: { entidad: '14', decisionRule: 'consensus_then_majority_with_civil_society_vote' },
      metadata: { now: options.now, actor: 'seed:stl-2017' },
    });
    expect(commands).toContainEqual(
      expect.objectContaining({
        data: {
          memberId: '14-sociedadcivil-1',
          sector: 'sociedad_civil',
          role: 'titular',
          nombre: 'Titular 1 de sociedad civil (Jalisco)',
          organizacion: 'Instituto Tecnológico y de Estudios Superiores de Occidente',
          cargo: 'Rector del Instituto Tecnológico y de Estudios Superiores de Occidente',
          email: 'sociedadcivil1.14@ejemplo.org.mx',
          joinedOn: '2026-09-01',
        },
      }),
    );
    expect(commands.map((command) => command.type)).not.toContain('AppointFacilitador');
    expect(seeded('02').facilitador).toEqual({
      facilitadorId: '02-facilitador',
      nombre: 'Martín Vera Martínez',
      procedencia: 'Academia – UABC',
      organizacion: 'UABC',
      appointedOn: '2026-09-01',
    });
    expect(seeded('04').facilitador).not.toHaveProperty('organizacion');
  });
});
