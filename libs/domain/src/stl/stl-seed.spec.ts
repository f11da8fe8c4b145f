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
 * What each 2017 STL shows on the board (guia-instalacion-stl.txt, tablas 2 y 5): the facilitador vacant in
 * Jalisco, Oaxaca and Tlaxcala; Sonora's from the garante; seven with government ≠ civil-society titulares.
 */
const EXPECTED_WARNINGS: Record<string, CompositionWarningCode[]> = {
  '02': ['SECTOR_IMBALANCE'],
  '04': ['SECTOR_IMBALANCE'],
  '05': ['SECTOR_IMBALANCE'],
  '10': [],
  '14': ['FACILITADOR_VACANT'],
  '16': [],
  '17': ['SECTOR_IMBALANCE'],
  '19': [],
  '20': ['FACILITADOR_VACANT'],
  '24': [],
  '25': ['SECTOR_IMBALANCE'],
  '26': ['FACILITADOR_FROM_GARANTE'],
  '27': [],
  '29': ['FACILITADOR_VACANT'],
  '30': ['SECTOR_IMBALANCE'],
  '32': ['SECTOR_IMBALANCE'],
};

describe('stlSeedCommands: the 16 STLs of September 2017 (guia-instalacion-stl.txt, tablas 2 y 5)', () => {
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
      expect(titularesBySector(state)).toEqual({ ...record.titulares, adicional: 0 });
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

  it('names placeholder members plausibly, with example addresses, and keeps the real facilitador', () => {
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
          organizacion: 'Organización de la sociedad civil 1 de Jalisco',
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
