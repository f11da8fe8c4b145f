import { type Audience, type Deadline, type DeadlineKind } from './deadline';
import { type Instant, type LocalDate } from './local-date';

/**
 * Shared shapes of what a fired deadline becomes, so both aggregates (exercise and STL) speak the same language
 * to the notifications outbox, the read model and the escalation inbox.
 */
export type EscalationLevel = 'enlace' | 'coordinador';

/**
 * Deadlines escalate, and so do two facts no deadline foresees: mail refused for good (`mail_undeliverable`) and an
 * act between the workflows that could not happen (`interplay_incident`, see `incidentEscalation`).
 */
export type EscalationKind = DeadlineKind | 'mail_undeliverable' | 'interplay_incident';
export type EscalationStatus = 'abierta' | 'reconocida' | 'resuelta';

export interface Escalation {
  readonly id: string;
  readonly kind: EscalationKind;
  readonly level: EscalationLevel;
  readonly raisedAt: Instant;
  /** Spanish, one sentence: what is late and since when. */
  readonly reason: string;
  readonly status: EscalationStatus;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: Instant;
  readonly resolvedAt?: Instant;
  readonly resolution?: string;
}

export interface ReminderDueData {
  readonly deadlineId: string;
  readonly kind: DeadlineKind;
  readonly audience: readonly Audience[];
  readonly dueOn: LocalDate;
  /** Spanish, one sentence: what to do and by when. */
  readonly message: string;
}

export interface EscalationRaisedData {
  readonly deadlineId: string;
  readonly escalation: Escalation;
  readonly audience: readonly Audience[];
}

export interface EscalationAcknowledgedData {
  readonly escalationId: string;
  readonly by: string;
  readonly at: Instant;
}

export interface EscalationResolvedData {
  readonly escalationId: string;
  readonly at: Instant;
  readonly by?: string;
  readonly resolution: string;
}

export function reminderFor(deadline: Deadline, message: string): ReminderDueData {
  return { deadlineId: deadline.id, kind: deadline.kind, audience: deadline.audience, dueOn: deadline.dueOn, message };
}

export function escalationFor(
  deadline: Deadline,
  level: EscalationLevel,
  raisedAt: Instant,
  reason: string,
): EscalationRaisedData {
  return {
    deadlineId: deadline.id,
    audience: deadline.audience,
    escalation: { id: deadline.id, kind: deadline.kind, level, raisedAt, reason, status: 'abierta' },
  };
}

export function countOpen(escalations: readonly Escalation[]): number {
  return escalations.filter((escalation) => escalation.status !== 'resuelta').length;
}

export function acknowledge(escalations: readonly Escalation[], data: EscalationAcknowledgedData): Escalation[] {
  return escalations.map((escalation) =>
    escalation.id === data.escalationId
      ? { ...escalation, status: 'reconocida', acknowledgedBy: data.by, acknowledgedAt: data.at }
      : escalation,
  );
}

export function resolve(escalations: readonly Escalation[], data: EscalationResolvedData): Escalation[] {
  return escalations.map((escalation) =>
    escalation.id === data.escalationId
      ? { ...escalation, status: 'resuelta', resolvedAt: data.at, resolution: data.resolution }
      : escalation,
  );
}

/** What `RecordIncident` carries: a stable id (the same incident recorded twice raises one escalation) and why. */
export interface IncidentData {
  readonly incidentId: string;
  /** Spanish, for the coordinación: what failed between the workflows and what it leaves undone. */
  readonly reason: string;
}

/**
 * An act one workflow asked of another that could not happen (refused by the other's rules, or the other workflow is
 * closed): raised straight to the coordinación, since nothing will retry it by itself. None if already raised.
 */
export function incidentEscalation(
  escalations: readonly Escalation[],
  { incidentId, reason }: IncidentData,
  raisedAt: Instant,
): { readonly type: 'EscalationRaised'; readonly data: EscalationRaisedData }[] {
  const id = `incidente:${incidentId}`;
  if (escalations.some((escalation) => escalation.id === id)) return [];
  const escalation: Escalation = { id, kind: 'interplay_incident', level: 'coordinador', raisedAt, reason, status: 'abierta' };
  return [{ type: 'EscalationRaised', data: { deadlineId: id, audience: ['coordinador'], escalation } }];
}
