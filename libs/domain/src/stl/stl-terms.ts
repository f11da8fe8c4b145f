/**
 * The vocabulary of a Secretariado Técnico Local. Domain terms stay in Spanish (DOMAIN.md glossary).
 */

/** The three sectors every STL has (guia-instalacion-stl.txt, requerimientos mínimos). */
export const CORE_SECTORS = ['gobierno', 'sociedad_civil', 'garante'] as const;
export type CoreSector = (typeof CORE_SECTORS)[number];

/**
 * Some STLs add a fourth sector (Morelos: organismos autónomos). It is one closed value, `adicional`, whose
 * display name each STL declares at registration: the union stays closed for exhaustive switches, projections
 * and the UI, while the name stays local.
 */
export type Sector = CoreSector | 'adicional';
export const SECTORS: readonly Sector[] = [...CORE_SECTORS, 'adicional'];

/** Seats belong to titulares; suplente and enlace sit in a titular's seat; invitados have voice only. */
export type MemberRole = 'titular' | 'suplente' | 'enlace' | 'invitado';
export const MEMBER_ROLES: readonly MemberRole[] = ['titular', 'suplente', 'enlace', 'invitado'];

/** Decision rules seen in the 16 STLs of 2017 (guia-instalacion-stl.txt, tabla 2). */
export type DecisionRule =
  | 'consensus_then_majority'
  | 'consensus_then_majority_with_civil_society_vote'
  | 'consensus_then_majority_with_each_sector_vote'
  | 'consensus_only'
  | 'consensus_by_thematic_tables';

export const DECISION_RULES: readonly DecisionRule[] = [
  'consensus_then_majority',
  'consensus_then_majority_with_civil_society_vote',
  'consensus_then_majority_with_each_sector_vote',
  'consensus_only',
  'consensus_by_thematic_tables',
];

export type SessionKind = 'ordinaria' | 'extraordinaria';

/** No abstention: only a justified impediment or conflict of interest (mecanismo-gobernanza-edomex.md, cap. VIII). */
export type VoteValue = 'favor' | 'contra' | 'impedimento';

/** Causes of removal (mecanismo-gobernanza-edomex.md, cap. III, 5). `inactividad` is proposed by the system. */
export type RemovalCause = 'inactividad' | 'probidad' | 'incumplimiento_normas' | 'afectacion_pal';

/**
 * How a vacancy is filled (mecanismo-gobernanza-edomex.md, cap. III, 4): a public institution's titular designates
 * a new suplente; civil society holds a call; when a public seat loses titular and suplente, the members of the
 * STL propose what to do.
 */
export type VacancyHow = 'designacion' | 'convocatoria' | 'propuesta_del_stl';

export function isSector(value: unknown): value is Sector {
  return typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
}

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function isDecisionRule(value: unknown): value is DecisionRule {
  return typeof value === 'string' && (DECISION_RULES as readonly string[]).includes(value);
}

export function isSessionKind(value: unknown): value is SessionKind {
  return value === 'ordinaria' || value === 'extraordinaria';
}

/** Public institutions designate; civil society elects among its organisations (cap. II, IV). */
export function isPublicSector(sector: Sector): boolean {
  return sector !== 'sociedad_civil';
}

const CORE_SECTOR_LABELS: Readonly<Record<CoreSector, string>> = {
  gobierno: 'gobierno',
  sociedad_civil: 'sociedad civil',
  garante: 'organismo garante',
};

export function sectorLabel(sector: Sector, extraSectorName: string | null): string {
  return sector === 'adicional' ? (extraSectorName ?? 'sector adicional') : CORE_SECTOR_LABELS[sector];
}

/** Accent- and case-insensitive comparison of organisation names typed by people. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
