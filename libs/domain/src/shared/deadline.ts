import { instantAt, type Instant, type LocalDate } from './local-date';

/** Who a reminder or escalation is for; the notifications library turns roles into addresses. */
export type Audience = 'garante' | 'facilitador' | 'integrantes' | 'enlace' | 'coordinador';

/**
 * A moment at which the system must act by itself. `deadlines(state)` lists the pending ones; a workflow waits
 * for the earliest and then issues `FireDeadline { deadlineId }`, whose events make that id disappear from the
 * list for good (exactly once, whatever restarts happen in between).
 */
export interface Deadline {
  /** Stable and unique within the stream, e.g. `vacancy:2026-11-02:reminder`. */
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueAt: Instant;
  /** The business date the deadline refers to (what a person reads in the reminder). */
  readonly dueOn: LocalDate;
  readonly audience: readonly Audience[];
}

export type DeadlineKind =
  | 'stall_reminder'
  | 'stall_escalation_enlace'
  | 'stall_escalation_coordinador'
  | 'vacancy_reminder'
  | 'vacancy_escalation'
  | 'cadence_reminder'
  | 'cadence_escalation'
  | 'monitoring_reminder'
  | 'monitoring_due'
  | 'evaluation_reminder'
  | 'evaluation_due'
  | 'session_tomorrow'
  | 'confirmation_reminder'
  | 'term_warning'
  | 'term_escalation'
  | 'progress_reminder';

/** The numbers of DOMAIN.md ("what the users need"), configurable per deployment. */
export interface DeadlinePolicy {
  readonly stallReminderDays: number;
  readonly stallEnlaceEscalationDays: number;
  readonly stallCoordinadorEscalationDays: number;
  readonly vacancyReminderDays: number;
  readonly vacancyEscalationDays: number;
  readonly vacancyRepeatDays: number;
  readonly cadenceMonths: number;
  readonly cadenceReminderBusinessDays: number;
  readonly monitoringMonths: number;
  readonly evaluationMonths: number;
  readonly dueReminderDays: number;
  /** Wall-clock time (Mexico City) at which date-based deadlines fall due. */
  readonly dueHour: number;
  readonly dueMinute: number;
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  stallReminderDays: 30,
  stallEnlaceEscalationDays: 45,
  stallCoordinadorEscalationDays: 60,
  vacancyReminderDays: 15,
  vacancyEscalationDays: 30,
  vacancyRepeatDays: 7,
  cadenceMonths: 2,
  cadenceReminderBusinessDays: 10,
  monitoringMonths: 6,
  evaluationMonths: 12,
  dueReminderDays: 15,
  dueHour: 9,
  dueMinute: 0,
};

/** The instant a deadline on `dueOn` falls due under `policy`. */
export function dueInstant(dueOn: LocalDate, policy: Pick<DeadlinePolicy, 'dueHour' | 'dueMinute'>): Instant {
  return instantAt(dueOn, policy.dueHour, policy.dueMinute);
}

export function earliest(deadlines: readonly Deadline[]): Deadline | undefined {
  return deadlines.reduce<Deadline | undefined>(
    (soonest, deadline) => (soonest === undefined || deadline.dueAt < soonest.dueAt ? deadline : soonest),
    undefined,
  );
}

const POLICY_RANGES: Readonly<Record<keyof DeadlinePolicy, readonly [number, number]>> = {
  // 0: the same day (at the due time), useful to rehearse a deployment.
  stallReminderDays: [0, 365],
  stallEnlaceEscalationDays: [1, 365],
  stallCoordinadorEscalationDays: [1, 365],
  vacancyReminderDays: [0, 365],
  vacancyEscalationDays: [1, 365],
  vacancyRepeatDays: [1, 365],
  cadenceMonths: [1, 12],
  cadenceReminderBusinessDays: [1, 60],
  monitoringMonths: [1, 24],
  evaluationMonths: [1, 36],
  dueReminderDays: [0, 90],
  dueHour: [0, 23],
  dueMinute: [0, 59],
};

/**
 * A deployment's policy: DOMAIN.md's defaults overridden by `overrides` (e.g. from configuration), or the list of
 * problems (Spanish) when a number is out of range or the escalation ladder would run backwards.
 */
export function deadlinePolicyFrom(overrides: Readonly<Record<string, unknown>>): { policy: DeadlinePolicy } | { problems: string[] } {
  const problems: string[] = [];
  const policy: Record<string, number> = { ...DEFAULT_DEADLINE_POLICY };
  for (const [name, value] of Object.entries(overrides)) {
    const range = POLICY_RANGES[name as keyof DeadlinePolicy];
    if (!range) problems.push(`${name}: no es un parámetro de la política de plazos`);
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
      problems.push(`${name}: debe ser un entero entre ${range[0]} y ${range[1]}`);
    } else policy[name] = value;
  }
  const { stallReminderDays, stallEnlaceEscalationDays, stallCoordinadorEscalationDays, vacancyReminderDays, vacancyEscalationDays } =
    policy as unknown as DeadlinePolicy;
  if (!(stallReminderDays < stallEnlaceEscalationDays && stallEnlaceEscalationDays < stallCoordinadorEscalationDays)) {
    problems.push('El estancamiento debe recordar antes de escalar al enlace, y escalar al enlace antes que a la coordinación');
  }
  if (!(vacancyReminderDays < vacancyEscalationDays)) problems.push('La vacante debe recordarse antes de escalarse');
  return problems.length > 0 ? { problems } : { policy: policy as unknown as DeadlinePolicy };
}

/**
 * A deployment's policy from its configuration text (`DEADLINE_POLICY='{"dueHour":8,"vacancyRepeatDays":14}'`):
 * read the same way by the API, which starts the workflows with it, and by the projection rebuild, which must show
 * the deadlines those workflows keep.
 */
export function deadlinePolicyFromJson(text: string | undefined): { policy: DeadlinePolicy } | { problems: string[] } {
  let overrides: unknown;
  try {
    overrides = JSON.parse(text || '{}');
  } catch {
    return { problems: ['debe ser un objeto JSON'] };
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return { problems: ['debe ser un objeto JSON'] };
  return deadlinePolicyFrom(overrides as Record<string, unknown>);
}
