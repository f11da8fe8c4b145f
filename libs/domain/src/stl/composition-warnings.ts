import { type Entidad, entidadName } from '../shared/entidades';
import { type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { type CompositionWarning, missingCoreSectors, type RegisteredStl, titularesBySector } from './stl-state';
import { normalizeName, sectorLabel } from './stl-terms';

/**
 * Soft composition rules (DOMAIN.md, "Warnings"): recorded and shown, never blocking. Real STLs break them
 * (guia-instalacion-stl.txt, tablas 2 y 5: Veracruz 5 gobierno / 2 sociedad civil; Sonora's facilitador comes
 * from the garante; Jalisco, Oaxaca and Tlaxcala without facilitador).
 */
export function compositionWarnings(state: RegisteredStl, options: VacancyRuleOptions = {}): CompositionWarning[] {
  return [imbalance(state), sectorWithoutTitular(state), ...facilitadorWarnings(state, options)].filter(
    (warning): warning is CompositionWarning => warning !== undefined,
  );
}

export function sameWarnings(a: readonly CompositionWarning[], b: readonly CompositionWarning[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "En la medida que se pretenda incrementar el número de representantes … en la misma proporción". */
function imbalance(state: RegisteredStl): CompositionWarning | undefined {
  const { gobierno, sociedad_civil } = titularesBySector(state);
  if (gobierno === sociedad_civil) return undefined;
  return {
    code: 'SECTOR_IMBALANCE',
    message: `Representación desequilibrada: ${gobierno} titular(es) de gobierno y ${sociedad_civil} de sociedad civil.`,
    details: { gobierno, sociedad_civil },
  };
}

/** After installation a resignation may leave a core sector empty: the STL keeps working, but it shows. */
function sectorWithoutTitular(state: RegisteredStl): CompositionWarning | undefined {
  if (state.status !== 'instalado') return undefined;
  const missing = missingCoreSectors(state);
  if (missing.length === 0) return undefined;
  return {
    code: 'SECTOR_WITHOUT_TITULAR',
    message: `Sin titular en: ${missing.map((sector) => sectorLabel(sector, null)).join(', ')}.`,
    details: { sectors: missing },
  };
}

function facilitadorWarnings(state: RegisteredStl, options: VacancyRuleOptions): (CompositionWarning | undefined)[] {
  const facilitador = state.facilitador;
  if (facilitador === null) {
    if (!options.vacantBeforeSelectionDue && !facilitadorSelectionDue(state)) return [];
    const since = vacancySince(state);
    return [
      {
        code: 'FACILITADOR_VACANT',
        message:
          since === undefined
            ? 'El puesto de facilitador está vacante.'
            : `El puesto de facilitador está vacante desde el ${spanishLongDate(since)}.`,
        ...(since === undefined ? {} : { details: { since } }),
      },
    ];
  }
  const organizacion =
    facilitador.organizacion === undefined ? undefined : organizationKey(facilitador.organizacion, state.entidad);
  const seated = Object.values(state.members).filter((member) => member.role !== 'invitado');
  const isFrom = (member: (typeof seated)[number]) => organizationKey(member.organizacion, state.entidad) === organizacion;
  const fromGarante =
    normalizeName(facilitador.procedencia).startsWith('organismo garante') ||
    seated.some((member) => member.sector === 'garante' && isFrom(member));
  if (fromGarante) {
    return [
      {
        code: 'FACILITADOR_FROM_GARANTE',
        message: `El facilitador proviene del organismo garante (${facilitador.procedencia}); la guía lo recomienda neutral.`,
        details: { procedencia: facilitador.procedencia },
      },
    ];
  }
  const represented = seated.find(isFrom);
  return [
    represented === undefined
      ? undefined
      : {
          code: 'FACILITADOR_FROM_REPRESENTED_ORGANIZATION',
          message: `El facilitador proviene de una organización representada en el STL (${represented.organizacion}).`,
          details: { organizacion: represented.organizacion, memberId: represented.memberId },
        },
  ];
}

/**
 * One organisation is often named with and without its state: tabla 5 gives Zacatecas' facilitador from the
 * "Federación de Colegios y Asociaciones de Profesionistas", tabla 4 its civil-society seat to the "Federación de
 * Colegios y Asociaciones de Profesionistas de Zacatecas".
 */
function organizationKey(organizacion: string, entidad: Entidad): string {
  const name = normalizeName(organizacion);
  const suffix = ` de ${normalizeName(entidadName(entidad))}`;
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

export interface VacancyRuleOptions {
  /**
   * Runs begun before issue 17 counted an STL in integration without facilitador as vacant; their recorded
   * histories must replay as they ran. Absent everywhere else.
   */
  readonly vacantBeforeSelectionDue?: boolean;
}

/**
 * A missing facilitador is a vacancy only once the selection is due: the STL is installed, or the exercise closed
 * stage 7 ("Selección del facilitador"), or one was appointed and left. Before that the post is "por elegir".
 */
export function facilitadorSelectionDue(state: RegisteredStl): boolean {
  return (
    state.status === 'instalado' ||
    state.facilitadorSelectionConcludedOn !== undefined ||
    state.facilitadorVacatedOn !== null
  );
}

/**
 * When the post became vacant: the day it was vacated, or the installation for an STL installed without one.
 * Before installation a missing facilitador is stage 7 of the exercise, not a vacancy with a clock.
 */
export function vacancySince(state: RegisteredStl): LocalDate | undefined {
  if (state.facilitador !== null) return undefined;
  if (state.status !== 'instalado') return state.facilitadorVacatedOn ?? state.facilitadorSelectionConcludedOn;
  const vacatedOn = state.facilitadorVacatedOn;
  return vacatedOn !== null && vacatedOn > state.installedOn ? vacatedOn : state.installedOn;
}
