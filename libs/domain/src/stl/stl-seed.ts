import { type CommandMetadata } from '../shared/decider';
import { type Entidad, isEntidad } from '../shared/entidades';
import { type Instant, type LocalDate } from '../shared/local-date';
import stl2017 from './data/stl-2017.json';
import { type AddMember, type StlCommand } from './stl-commands';
import {
  type CoreSector,
  CORE_SECTORS,
  type DecisionRule,
  isDecisionRule,
  isSector,
  type Sector,
  SECTORS,
  sectorLabel,
} from './stl-terms';

/** A seat's organisation and office as the guide's tablas 3 and 4 name them (the people's names are not there). */
export interface StlSeedRepresentative {
  readonly organizacion: string;
  readonly cargo?: string;
}

/** One STL of guia-instalacion-stl.txt (tablas 2 a 5, September 2017), as stored in data/stl-2017.json. */
export interface StlSeedRecord {
  readonly entidad: Entidad;
  readonly nombre: string;
  /** Morelos' fourth sector ("secretariado cuatripartita", articulo-gobiernos-abiertos-subnacionales.txt). */
  readonly extraSectorName?: string;
  /** Seats per sector (tabla 2); `adicional` only with `extraSectorName`. */
  readonly titulares: Readonly<Record<CoreSector, number>> & { readonly adicional?: number };
  readonly decisionRule: DecisionRule;
  /** The titulares' organisations, seat by seat in the tables' order; seats beyond the list stay unnamed. */
  readonly representantes: Readonly<Partial<Record<Sector, readonly StlSeedRepresentative[]>>>;
  /** The suplentes the tables mark as such, paired in order with the sector's titulares. */
  readonly suplentes?: Readonly<Partial<Record<Sector, readonly StlSeedRepresentative[]>>>;
  readonly facilitador: { readonly nombre: string; readonly procedencia: string; readonly nota?: string } | null;
}

export interface StlSeedOptions {
  readonly installedOn: LocalDate;
  readonly now: Instant;
}

type RawRecord = (typeof stl2017.stls)[number];

/** The bundled data, checked once: a malformed record is a programming error, not a rule the user broke. */
export const STL_2017: readonly StlSeedRecord[] = stl2017.stls.map(toSeedRecord);

export function toSeedRecord(raw: RawRecord): StlSeedRecord {
  const sectors = [...Object.keys(raw.representantes), ...Object.keys(('suplentes' in raw && raw.suplentes) || {})];
  const extraSectorName = 'extraSectorName' in raw ? raw.extraSectorName : undefined;
  const adicionalSeats = 'adicional' in raw.titulares ? raw.titulares.adicional : 0;
  const wellFormed =
    isEntidad(raw.entidad) &&
    isDecisionRule(raw.decisionRule) &&
    sectors.every(isSector) &&
    (adicionalSeats === 0 || extraSectorName !== undefined);
  if (!wellFormed) throw new TypeError(`Registro inválido en stl-2017.json: ${raw.entidad}`);
  return raw as StlSeedRecord;
}

const SEED_ACTOR = 'seed:stl-2017';

const SECTOR_CODE: Readonly<Record<Sector, string>> = {
  gobierno: 'gobierno',
  sociedad_civil: 'sociedadcivil',
  garante: 'garante',
  adicional: 'adicional',
};

/**
 * The commands that build an installed STL from one 2017 record: its decision rule (and Morelos' fourth sector),
 * one titular per seat of tabla 2 with the organisation tablas 3 and 4 give it, the suplentes those tables mark,
 * the facilitador of tabla 5 when there is one, its mechanism (stage 9: tabla 2's rule over the guide's minimum)
 * and the installation, all before it is installed, so none of them needs a decision of the STL. The tables name
 * offices and organisations, not people: each member is named after its seat, with an example address under
 * ejemplo.org.mx.
 */
export function stlSeedCommands(record: StlSeedRecord, options: StlSeedOptions): StlCommand[] {
  const metadata: CommandMetadata = { now: options.now, actor: SEED_ACTOR };
  const sectors: readonly Sector[] = record.extraSectorName === undefined ? CORE_SECTORS : SECTORS;
  const members = sectors.flatMap((sector) => [
    ...Array.from({ length: record.titulares[sector] ?? 0 }, (_, index) =>
      seededMember(record, sector, 'titular', index + 1, options, metadata),
    ),
    ...(record.suplentes?.[sector] ?? []).map((_, index) =>
      seededMember(record, sector, 'suplente', index + 1, options, metadata),
    ),
  ]);
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
  const { entidad, decisionRule, extraSectorName } = record;
  return [
    { type: 'RegisterStl', data: { entidad, decisionRule, ...(extraSectorName && { extraSectorName }) }, metadata },
    ...members,
    ...facilitador,
    mechanism,
    { type: 'InstallStl', data: { installedOn: options.installedOn }, metadata },
  ];
}

function seededMember(
  record: StlSeedRecord,
  sector: Sector,
  role: 'titular' | 'suplente',
  index: number,
  options: StlSeedOptions,
  metadata: CommandMetadata,
): AddMember {
  const code = SECTOR_CODE[sector];
  const label = sectorLabel(sector, record.extraSectorName ?? null);
  const titularId = `${record.entidad}-${code}-${index}`;
  const named = (role === 'titular' ? record.representantes : record.suplentes)?.[sector]?.[index - 1];
  return {
    type: 'AddMember',
    data: {
      memberId: role === 'titular' ? titularId : `${titularId}-suplente`,
      sector,
      role,
      nombre: `${role === 'titular' ? 'Titular' : 'Suplente'} ${index} de ${label} (${record.nombre})`,
      organizacion: named?.organizacion ?? unnamedOrganizacion(sector, index, record.nombre),
      ...(named?.cargo && { cargo: named.cargo }),
      email: `${code}${index}${role === 'suplente' ? 's' : ''}.${record.entidad}@ejemplo.org.mx`,
      ...(role === 'suplente' && { titularId }),
      joinedOn: options.installedOn,
    },
    metadata,
  };
}

/** Seats the tables count but do not name (and the garantes, which they never name). */
function unnamedOrganizacion(sector: Sector, index: number, nombre: string): string {
  switch (sector) {
    case 'gobierno':
      return `Dependencia ${index} del Gobierno de ${nombre}`;
    case 'sociedad_civil':
      return `Organización de la sociedad civil ${index} de ${nombre}`;
    case 'garante':
      return `Organismo garante de ${nombre}`;
    case 'adicional':
      return `Organismo autónomo ${index} de ${nombre}`;
    default: {
      const _exhaustive: never = sector;
      return _exhaustive;
    }
  }
}

/** "Academia – UABC" → UABC: the institution after the dash, when the table gives one. */
function organizacionOf(procedencia: string): { organizacion?: string } {
  const [, institution] = procedencia.split(/\s[–-]\s/);
  return institution === undefined ? {} : { organizacion: institution.trim() };
}
