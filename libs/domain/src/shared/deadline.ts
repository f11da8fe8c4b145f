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
  | 'session_tomorrow';

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
