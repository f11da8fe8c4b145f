import { type CommandMetadata } from '../shared/decider';
import { type Entidad, isEntidad } from '../shared/entidades';
import { type Instant, type LocalDate } from '../shared/local-date';
import stl2017 from './data/stl-2017.json';
import { type AddMember, type StlCommand } from './stl-commands';
import { type CoreSector, CORE_SECTORS, type DecisionRule, isDecisionRule } from './stl-terms';

/** One STL of guia-instalacion-stl.txt (tablas 2 y 5, September 2017), as stored in data/stl-2017.json. */
export interface StlSeedRecord {
  readonly entidad: Entidad;
  readonly nombre: string;
  readonly titulares: Readonly<Record<CoreSector, number>>;
  readonly decisionRule: DecisionRule;
  readonly facilitador: { readonly nombre: string; readonly procedencia: string; readonly nota?: string } | null;
}

export interface StlSeedOptions {
  readonly installedOn: LocalDate;
  readonly now: Instant;
}

/** The bundled data, checked once: a malformed record is a programming error, not a rule the user broke. */
export const STL_2017: readonly StlSeedRecord[] = stl2017.stls.map(toSeedRecord);

export function toSeedRecord(raw: (typeof stl2017.stls)[number]): StlSeedRecord {
  if (!isEntidad(raw.entidad) || !isDecisionRule(raw.decisionRule)) {
    throw new TypeError(`Registro inválido en stl-2017.json: ${raw.entidad}`);
  }
  return { ...raw, entidad: raw.entidad, decisionRule: raw.decisionRule };
}

const SEED_ACTOR = 'seed:stl-2017';

const PLACEHOLDER: Record<
  CoreSector,
  { code: string; label: string; organizacion: (i: number, nombre: string) => string }
> = {
  gobierno: {
    code: 'gobierno',
    label: 'gobierno',
    organizacion: (i, nombre) => `Dependencia ${i} del Gobierno de ${nombre}`,
  },
  sociedad_civil: {
    code: 'sociedadcivil',
    label: 'sociedad civil',
    organizacion: (i, nombre) => `Organización de la sociedad civil ${i} de ${nombre}`,
  },
  garante: {
    code: 'garante',
    label: 'organismo garante',
    organizacion: (_i, nombre) => `Organismo garante de ${nombre}`,
  },
};

/**
 * The commands that build an installed STL from one 2017 record: its decision rule, one placeholder titular per
 * seat of the table (plausible names, example addresses under ejemplo.org.mx), the facilitador when the table
 * names one, its mechanism (stage 9: tabla 2's rule over the guide's minimum) and the installation, all before it
 * is installed, so none of them needs a decision of the STL. The real names of representatives are not in the data; the facilitador's are.
 */
export function stlSeedCommands(record: StlSeedRecord, options: StlSeedOptions): StlCommand[] {
  const metadata: CommandMetadata = { now: options.now, actor: SEED_ACTOR };
  const titulares = CORE_SECTORS.flatMap((sector) =>
    Array.from({ length: record.titulares[sector] }, (_, index) =>
      placeholderTitular(record, sector, index + 1, options, metadata),
    ),
  );
  const facilitador: StlCommand[] =
    record.facilitador === null
      ? []
      : [
          {
            type: 'AppointFacilitador',
            data: {
              facilitadorId: `${record.entidad}-facilitador`,
              nombre: record.facilitador.nombre,
              procedencia: record.facilitador.procedencia,
              ...organizacionOf(record.facilitador.procedencia),
              appointedOn: options.installedOn,
            },
            metadata,
          },
        ];
  // Tabla 2 gives each STL only its decision rule: the guide's minimum carries it, with no casting vote.
  const mechanism: StlCommand = {
    type: 'AdoptGovernanceMechanism',
    data: { mechanism: { template: 'minimos_guia', decisionRule: record.decisionRule }, adoptedOn: options.installedOn },
    metadata,
  };
  return [
    { type: 'RegisterStl', data: { entidad: record.entidad, decisionRule: record.decisionRule }, metadata },
    ...titulares,
    ...facilitador,
    mechanism,
    { type: 'InstallStl', data: { installedOn: options.installedOn }, metadata },
  ];
}

function placeholderTitular(
  record: StlSeedRecord,
  sector: CoreSector,
  index: number,
  options: StlSeedOptions,
  metadata: CommandMetadata,
): AddMember {
  const { code, label, organizacion } = PLACEHOLDER[sector];
  return {
    type: 'AddMember',
    data: {
      memberId: `${record.entidad}-${code}-${index}`,
      sector,
      role: 'titular',
      nombre: `Titular ${index} de ${label} (${record.nombre})`,
      organizacion: organizacion(index, record.nombre),
      email: `${code}${index}.${record.entidad}@ejemplo.org.mx`,
      joinedOn: options.installedOn,
    },
    metadata,
  };
}

/** "Academia – UABC" → UABC: the institution after the dash, when the table gives one. */
function organizacionOf(procedencia: string): { organizacion?: string } {
  const [, institution] = procedencia.split(/\s[–-]\s/);
  return institution === undefined ? {} : { organizacion: institution.trim() };
}
