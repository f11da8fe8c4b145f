import { type DomainError } from '../shared/domain-error';
import { stlErrors } from './stl-errors';
import { type LocalDate } from '../shared/local-date';
import { type DecisionRule, isDecisionRule, isSector, type Sector } from './stl-terms';

/**
 * Each STL's own mecanismo de gobernanza, as data. "No existe una forma única, ni óptima, para integrar un STL"
 * (guia-instalacion-stl.txt): the rules a session and a decision are judged by are the STL's, adopted at stage 9 and
 * changed only by its own decision, never one state's rules applied to all.
 */

/** Who breaks a tie of a majority vote: nobody, the seats of one sector, or one seat. */
export type TieBreak =
  | { readonly kind: 'none' }
  | { readonly kind: 'sector'; readonly sector: Sector }
  | { readonly kind: 'seat'; readonly seatId: string };

/** Who issues the convocations (recorded and shown; the API's accounts act for that person). */
export type Convener = 'facilitador' | 'garante' | 'cualquier_integrante';
export const CONVENERS: readonly Convener[] = ['facilitador', 'garante', 'cualquier_integrante'];

export type GovernanceTemplate = 'minimos_guia' | 'edomex_2019';
export const GOVERNANCE_TEMPLATES: readonly GovernanceTemplate[] = ['minimos_guia', 'edomex_2019'];

export interface GovernanceMechanism {
  /** The template the STL started from; its own choices are the fields below. */
  readonly basedOn: GovernanceTemplate;
  readonly notice: { readonly businessDays: number };
  /** A majority of the active seats always; whether a civil-society seat must be among them. */
  readonly quorum: { readonly civilSocietyRequired: boolean };
  readonly decision: { readonly rule: DecisionRule; readonly tieBreak: TieBreak };
  /** Absences of a seat that open removal proceedings (a warning and a suggestion), or none. */
  readonly removal: { readonly absences: number; readonly consecutive: boolean } | null;
  readonly convenes: Convener;
  /** Whether the civil-society representation is renewed when each PAL ends (MG cap. III, 3 d). */
  readonly renewal: { readonly civilSocietyAtPalEnd: boolean };
  /**
   * How often each PAL commitment must report progress, when the STL set its own period; absent, the programme's
   * bimonthly rhythm (`progressReportMonths`). Versions recorded before the field never carry it.
   */
  readonly progress?: { readonly reportMonths: number };
}

/**
 * "Reportar periódicamente los avances … al igual que con los compromisos del PAL" (mecanismo-gobernanza-edomex.md,
 * cap. X, 3): no seed gives the period, but the STL follows the PAL "en sesiones … para dar seguimiento a las acciones
 * establecidas en el PAL" (cap. IV, 7) held "cuando menos una vez al bimestre" (cap. VI, II): two months, unless the
 * STL's own mechanism says otherwise.
 */
export const DEFAULT_PROGRESS_REPORT_MONTHS = 2;

/** A period a mechanism may set: whole months, at most the PAL's year. */
export function isProgressReportMonths(months: unknown): months is number {
  return isWholeNumber(months, 1, 12);
}

/** The months of each progress period under a mechanism. */
export function progressReportMonths(mechanism: GovernanceMechanism): number {
  return mechanism.progress?.reportMonths ?? DEFAULT_PROGRESS_REPORT_MONTHS;
}

/** What a mechanism version rests on: the STL's decision, an act recorded without its session, or its origin. */
export type GovernanceBasis =
  | { readonly kind: 'registro' }
  | { readonly kind: 'integracion' }
  | { readonly kind: 'decision'; readonly sessionId: string; readonly decisionId: string }
  | { readonly kind: 'historico'; readonly justification: string }
  | { readonly kind: 'anterior' };

export interface GovernanceVersion {
  readonly version: number;
  readonly mechanism: GovernanceMechanism;
  /** First day in force; null for the version a stream kept before mechanisms were recorded (since registration). */
  readonly validFrom: LocalDate | null;
  /** The day the next version took over (not in force that day); null while in force. */
  readonly validUntil: LocalDate | null;
  readonly basis: GovernanceBasis;
}

/**
 * "mínimos de la guía": only what the guide requires. Its two minimum requirements are a balanced representation
 * and "reglas decisionales que eviten el control excesivo por parte de un solo sector"; tabla 2's rule is the
 * STL's own. The guide names no casting vote, no civil-society quorum and no removal for absences; the notice is
 * the programme's five business days (DOMAIN.md, "Notice").
 */
export function minimosGuia(rule: DecisionRule): GovernanceMechanism {
  return {
    basedOn: 'minimos_guia',
    notice: { businessDays: 5 },
    quorum: { civilSocietyRequired: false },
    decision: { rule, tieBreak: { kind: 'none' } },
    removal: null,
    convenes: 'garante',
    renewal: { civilSocietyAtPalEnd: false },
  };
}

/**
 * Estado de México 2019 (mecanismo-gobernanza-edomex.md): five business days of notice (cap. VI, 6), a civil-society
 * representative always present (cap. VI, 2), majority with at least one civil-society vote (cap. VIII), the
 * civil-society casting vote on a tie (cap. VIII, 4), removal after three absences in a row (cap. III, 5 b), the
 * facilitador convenes (cap. XI, 1), civil society renewed at the end of each PAL (cap. III, 3 d).
 */
export function edomex2019(rule: DecisionRule = 'consensus_then_majority_with_civil_society_vote'): GovernanceMechanism {
  return {
    basedOn: 'edomex_2019',
    notice: { businessDays: 5 },
    quorum: { civilSocietyRequired: true },
    decision: { rule, tieBreak: { kind: 'sector', sector: 'sociedad_civil' } },
    removal: { absences: 3, consecutive: true },
    convenes: 'facilitador',
    renewal: { civilSocietyAtPalEnd: true },
  };
}

/** A mechanism as people send it: a template, then the STL's own choices over it. */
export interface GovernanceMechanismInput {
  readonly template: GovernanceTemplate;
  readonly decisionRule?: DecisionRule;
  readonly noticeBusinessDays?: number;
  readonly civilSocietyRequiredForQuorum?: boolean;
  readonly tieBreak?: TieBreak;
  readonly removal?: { readonly absences: number; readonly consecutive: boolean } | null;
  readonly convenes?: Convener;
  readonly civilSocietyRenewedAtPalEnd?: boolean;
  readonly progressReportMonths?: number;
}

/** The mechanism an input describes, or why it cannot be one; `seatIds` are the seats a casting vote may name. */
export function mechanismFrom(
  input: GovernanceMechanismInput,
  fallbackRule: DecisionRule,
  seatIds: readonly string[],
): DomainError | GovernanceMechanism {
  const error = checkInput(input, seatIds);
  if (error) return error;
  // Estado de México's own rule unless the STL keeps another; the guide's minimum keeps the STL's tabla 2 rule.
  const base =
    input.template === 'edomex_2019'
      ? edomex2019(input.decisionRule)
      : minimosGuia(input.decisionRule ?? fallbackRule);
  return {
    basedOn: base.basedOn,
    notice: { businessDays: input.noticeBusinessDays ?? base.notice.businessDays },
    quorum: { civilSocietyRequired: input.civilSocietyRequiredForQuorum ?? base.quorum.civilSocietyRequired },
    decision: { rule: base.decision.rule, tieBreak: input.tieBreak ?? base.decision.tieBreak },
    removal: input.removal === undefined ? base.removal : input.removal,
    convenes: input.convenes ?? base.convenes,
    renewal: { civilSocietyAtPalEnd: input.civilSocietyRenewedAtPalEnd ?? base.renewal.civilSocietyAtPalEnd },
    // Only a period the STL chose is recorded: the templates' mechanisms stay as they were stored before the field.
    ...(input.progressReportMonths !== undefined && { progress: { reportMonths: input.progressReportMonths } }),
  };
}

function invalidMechanism(field: string, message: string): DomainError {
  return stlErrors.INVALID_MECHANISM(field, message);
}

function isWholeNumber(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function checkInput(input: GovernanceMechanismInput, seatIds: readonly string[]): DomainError | undefined {
  if (!GOVERNANCE_TEMPLATES.includes(input.template)) {
    return invalidMechanism('template', 'La plantilla debe ser «minimos_guia» o «edomex_2019».');
  }
  if (input.decisionRule !== undefined && !isDecisionRule(input.decisionRule)) {
    return invalidMechanism('decisionRule', `«${String(input.decisionRule)}» no es una regla de decisión conocida.`);
  }
  if (input.noticeBusinessDays !== undefined && !isWholeNumber(input.noticeBusinessDays, 0, 30)) {
    return invalidMechanism('noticeBusinessDays', 'La anticipación es un número entero de días hábiles, de 0 a 30.');
  }
  if (input.removal !== undefined && input.removal !== null && !isWholeNumber(input.removal.absences, 1, 24)) {
    return invalidMechanism('removal.absences', 'Las ausencias que abren la remoción son un número entero, de 1 a 24.');
  }
  if (input.progressReportMonths !== undefined && !isProgressReportMonths(input.progressReportMonths)) {
    return invalidMechanism('progressReportMonths', 'El periodo de reporte de avance es un número entero de meses, de 1 a 12.');
  }
  if (input.convenes !== undefined && !CONVENERS.includes(input.convenes)) {
    return invalidMechanism('convenes', 'Convoca: «facilitador», «garante» o «cualquier_integrante».');
  }
  return input.tieBreak === undefined ? undefined : checkTieBreak(input.tieBreak, seatIds);
}

function checkTieBreak(tieBreak: TieBreak, seatIds: readonly string[]): DomainError | undefined {
  if (tieBreak.kind === 'none') return undefined;
  if (tieBreak.kind === 'sector') {
    return isSector(tieBreak.sector)
      ? undefined
      : invalidMechanism('tieBreak.sector', `«${String(tieBreak.sector)}» no es un sector del STL.`);
  }
  if (tieBreak.kind === 'seat') {
    return seatIds.includes(tieBreak.seatId)
      ? undefined
      : stlErrors.SEAT_NOT_FOUND(tieBreak.seatId);
  }
  return invalidMechanism('tieBreak.kind', 'El desempate es «none», «sector» o «seat».');
}

/**
 * What the versions of a stream are after one more is adopted from `validFrom`. The registration's version is
 * provisional: the STL's own (stage 9) replaces it rather than following it, whatever day it is dated.
 */
export function withVersion(
  versions: readonly GovernanceVersion[],
  mechanism: GovernanceMechanism,
  validFrom: LocalDate,
  basis: GovernanceBasis,
): GovernanceVersion[] {
  const kept = versions.filter((version) => version.basis.kind !== 'registro');
  const closed = kept.map((version) => (version.validUntil === null ? { ...version, validUntil: validFrom } : version));
  return [...closed, { version: kept.length + 1, mechanism, validFrom, validUntil: null, basis }];
}

/** The number the next version takes (the registration's provisional one is replaced, not followed). */
export function nextVersionNumber(versions: readonly GovernanceVersion[]): number {
  return versions.filter((version) => version.basis.kind !== 'registro').length + 1;
}

/**
 * The version in force on a date. Streams recorded before mechanisms existed (no version) were judged by the Estado
 * de México 2019 rules with their own decision rule, and keep that version from their registration on; a day before
 * the first version of a new stream falls under its first one.
 */
export function versionOn(versions: readonly GovernanceVersion[], date: LocalDate): GovernanceVersion | undefined {
  const started = versions.filter((version) => version.validFrom === null || version.validFrom <= date);
  return started.at(-1) ?? versions[0];
}

/** The version streams without mechanism events fold to. */
export function earlierRulesVersion(rule: DecisionRule): GovernanceVersion {
  return { version: 1, mechanism: edomex2019(rule), validFrom: null, validUntil: null, basis: { kind: 'anterior' } };
}
