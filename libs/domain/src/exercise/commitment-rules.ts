import { type LocalDate } from '../shared/local-date';

/**
 * A commitment of the Plan de Acción Local. Each one has exactly one `kind`: the 2015 design counts the five as
 * distinct commitments ("dos… con algún tema del Plan de Acción… otros dos… problemáticas locales… y un
 * compromiso… Follow The Money", articulo-gobiernos-abiertos-subnacionales.txt), so a single tag keeps the
 * minimum of 2 + 2 + 1 = 5 honest. A local problem that also follows the money is tagged by what it is counted as.
 */
export const COMMITMENT_KINDS = ['agenda_nacional', 'problema_local', 'follow_the_money'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** The OGP Independent Reporting Mechanism's completion scale. */
export const COMMITMENT_COMPLETIONS = ['not_started', 'limited', 'substantial', 'complete', 'withdrawn'] as const;
export type CommitmentCompletion = (typeof COMMITMENT_COMPLETIONS)[number];

export interface Commitment {
  readonly id: string;
  readonly title: string;
  readonly kind: CommitmentKind;
  readonly description?: string;
  readonly activities: readonly string[];
  readonly products: readonly string[];
  readonly indicators: readonly string[];
  /** Members of the STL who answer for it ("actores corresponsables… integrantes del STL"). */
  readonly responsibles: readonly string[];
  readonly completion: CommitmentCompletion;
  /** Date of the last progress report, once the PAL is under way. */
  readonly reportedOn?: LocalDate;
  readonly evidence?: readonly string[];
}

/** What the mesas and the PAL launch send: the completion may be left out (then `not_started`). */
export type CommitmentInput = Omit<Commitment, 'completion' | 'reportedOn' | 'evidence'> & {
  readonly completion?: CommitmentCompletion;
};

export interface PalViolation {
  readonly code: string;
  /** Spanish, one sentence. */
  readonly message: string;
  readonly commitmentId?: string;
}

/** PAL minimums of the 2015 design (articulo-gobiernos-abiertos-subnacionales.txt). */
export const PAL_MINIMUMS = { total: 5, agenda_nacional: 2, problema_local: 2, follow_the_money: 1 } as const;

export function isCommitmentCompletion(value: unknown): value is CommitmentCompletion {
  return COMMITMENT_COMPLETIONS.includes(value as CommitmentCompletion);
}

export function toCommitment(input: CommitmentInput): Commitment {
  return { ...input, completion: input.completion ?? 'not_started' };
}

/** What any draft must have to be recorded at all: an id of its own, a title, a known kind and completion. */
export function draftViolations(commitments: readonly CommitmentInput[]): PalViolation[] {
  const seen = new Set<string>();
  return commitments.flatMap((commitment, index) => {
    const label = blank(commitment.id) ? `El compromiso n.º ${index + 1}` : `El compromiso ${commitment.id}`;
    const violations: PalViolation[] = [];
    const add = (code: string, message: string) => violations.push(violation(code, `${label} ${message}`, commitment));
    if (blank(commitment.id)) add('COMMITMENT_ID_MISSING', 'no tiene identificador.');
    else if (seen.has(commitment.id)) add('COMMITMENT_ID_DUPLICATED', 'tiene un identificador repetido.');
    seen.add(commitment.id);
    if (blank(commitment.title)) add('COMMITMENT_TITLE_MISSING', 'no tiene título.');
    if (!COMMITMENT_KINDS.includes(commitment.kind)) add('COMMITMENT_KIND_INVALID', 'no tiene un tipo válido.');
    if (commitment.completion !== undefined && !isCommitmentCompletion(commitment.completion)) {
      add('COMMITMENT_COMPLETION_INVALID', 'no tiene un grado de avance válido.');
    }
    return violations;
  });
}

type ContentField = 'activities' | 'products' | 'indicators' | 'responsibles';

const CONTENT: readonly { field: ContentField; code: string; label: string }[] = [
  { field: 'activities', code: 'COMMITMENT_ACTIVITIES_MISSING', label: 'actividades' },
  { field: 'products', code: 'COMMITMENT_PRODUCTS_MISSING', label: 'productos' },
  { field: 'indicators', code: 'COMMITMENT_INDICATORS_MISSING', label: 'indicadores de desempeño' },
  { field: 'responsibles', code: 'COMMITMENT_RESPONSIBLES_MISSING', label: 'integrantes responsables' },
];

/** What a commitment lacks of activities, products, indicators (seis-pasos-2016.txt, paso 4) and responsibles. */
export function missingContent(commitment: CommitmentInput): { code: string; label: string }[] {
  return CONTENT.filter(({ field }) => !hasEntries(commitment[field])).map(({ code, label }) => ({ code, label }));
}

export function contentViolations(commitments: readonly CommitmentInput[]): PalViolation[] {
  return commitments.flatMap((commitment) =>
    missingContent(commitment).map(({ code, label }) =>
      violation(code, `El compromiso ${commitment.id} no define ${label}.`, commitment),
    ),
  );
}

/** Every reason the commitments cannot make a PAL, all at once so the STL fixes them in one pass. */
export function palViolations(commitments: readonly CommitmentInput[]): PalViolation[] {
  return [...draftViolations(commitments), ...contentViolations(commitments), ...structureViolations(commitments)];
}

const KIND_MINIMUMS: readonly { kind: CommitmentKind; code: string; what: string }[] = [
  {
    kind: 'agenda_nacional',
    code: 'PAL_TOO_FEW_AGENDA_NACIONAL',
    what: 'compromisos vinculados con la Agenda Nacional de Gobierno Abierto',
  },
  {
    kind: 'problema_local',
    code: 'PAL_TOO_FEW_PROBLEMA_LOCAL',
    what: 'compromisos que respondan a problemáticas locales',
  },
  { kind: 'follow_the_money', code: 'PAL_TOO_FEW_FOLLOW_THE_MONEY', what: 'compromiso Follow the Money' },
];

function structureViolations(commitments: readonly CommitmentInput[]): PalViolation[] {
  const minimum = (code: string, required: number, what: string, actual: number): PalViolation[] =>
    actual < required ? [{ code, message: `El PAL requiere al menos ${required} ${what}; tiene ${actual}.` }] : [];
  return [
    ...minimum('PAL_TOO_FEW_COMMITMENTS', PAL_MINIMUMS.total, 'compromisos', commitments.length),
    ...KIND_MINIMUMS.flatMap(({ kind, code, what }) =>
      minimum(code, PAL_MINIMUMS[kind], what, commitments.filter((commitment) => commitment.kind === kind).length),
    ),
  ];
}

function violation(code: string, message: string, commitment: CommitmentInput): PalViolation {
  return blank(commitment.id) ? { code, message } : { code, message, commitmentId: commitment.id };
}

function blank(text: unknown): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

function hasEntries(list: unknown): boolean {
  return Array.isArray(list) && list.some((entry: unknown) => !blank(entry));
}
