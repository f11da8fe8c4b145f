import { type AppendEventsInput } from '@app/contracts';
import {
  type Audience,
  type Deadline,
  type DeadlineKind,
  type EscalationKind,
  type Escalation,
  type EscalationRaisedData,
  type EscalationResolvedData,
  type LocalDate,
  localDateAt,
} from '@app/domain';
import { type EscalationContent, type EscalationResolvedContent, type NotificationContent } from './notification-content';

/**
 * The events of one append, as the event-store activity receives them, with the policy the workflow runs under so
 * the dates an e-mail announces are the ones the workflow will keep.
 */
export type AppendedEvents = AppendEventsInput;

/** One e-mail to be sent to every person of an audience (or to the attendees of a session). */
export interface PlannedNotification {
  /** The deadline id, or `<event type>@<seq>` for events that are not deadlines: part of the idempotency key. */
  readonly ref: string;
  /** Position of the event that causes it. */
  readonly seq: number;
  readonly audience: readonly Audience[];
  /** Member ids (and the facilitador's id) who attended: the whole audience of an acta to sign. */
  readonly attendees: readonly string[] | null;
  /** Only these people of the audience (member or facilitador ids): those who have not answered a convocation. */
  readonly people?: readonly string[];
  readonly content: NotificationContent;
}

export interface EventAt<D> {
  readonly type: string;
  readonly data: D;
  readonly seq: number;
}

export function planned(
  ref: string,
  seq: number,
  audience: readonly Audience[],
  content: NotificationContent,
): PlannedNotification {
  return { ref, seq, audience, attendees: null, content };
}

/** The series a deadline belongs to (stall, vacancy, cadence…): its next step is the next pending one of it. */
function seriesOf(kind: EscalationKind): string {
  return kind.split('_')[0];
}

export function nextOfSeries(pending: readonly Deadline[], kind: EscalationKind): Deadline | undefined {
  return pending
    .filter((deadline) => seriesOf(deadline.kind) === seriesOf(kind))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

export function pendingOfKind(pending: readonly Deadline[], kind: DeadlineKind): Deadline | undefined {
  return pending.find((deadline) => deadline.kind === kind);
}

/** An escalation e-mail: to the enlace INAI or to the coordinación, as the domain's level says. */
export function escalationContent(
  entidad: NotificationContent['entidad'],
  data: EscalationRaisedData,
  topic: string,
  pending: readonly Deadline[],
  dueOn: LocalDate,
): EscalationContent {
  const { escalation } = data;
  return {
    kind: escalation.level === 'coordinador' ? 'escalation_coordinador' : 'escalation_enlace',
    escalationId: escalation.id,
    entidad,
    topic,
    reason: escalation.reason,
    raisedOn: localDateAt(escalation.raisedAt),
    dueOn,
    nextOn: nextOfSeries(pending, escalation.kind)?.dueOn ?? null,
  };
}

/** A short "resuelto" to whoever got the escalation's e-mail (found by the outbox among the rows it sent). */
export function escalationResolved(
  entidad: NotificationContent['entidad'],
  event: EventAt<EscalationResolvedData>,
  escalations: readonly Escalation[],
  exerciseNumber?: number,
): PlannedNotification[] {
  const escalation = escalations.find((candidate) => candidate.id === event.data.escalationId);
  if (escalation === undefined) return [];
  const content: EscalationResolvedContent = {
    kind: 'escalation_resolved',
    entidad,
    escalationId: escalation.id,
    topic: topicOf(escalation.kind, exerciseNumber),
    resolution: event.data.resolution,
    resolvedOn: localDateAt(event.data.at),
  };
  return [planned(`${event.type}@${event.seq}`, event.seq, [], content)];
}

/** What an escalation is about, in a few words for its subject. */
export function topicOf(kind: EscalationKind, exerciseNumber?: number): string {
  switch (kind) {
    case 'stall_reminder':
    case 'stall_escalation_enlace':
    case 'stall_escalation_coordinador':
      return exerciseNumber === undefined ? 'ejercicio sin avances' : `ejercicio ${exerciseNumber} sin avances`;
    case 'vacancy_reminder':
    case 'vacancy_escalation':
      return 'facilitador vacante';
    case 'cadence_reminder':
    case 'cadence_escalation':
      return 'sesión bimestral sin celebrar';
    case 'monitoring_reminder':
    case 'monitoring_due':
      return 'monitoreo del PAL';
    case 'evaluation_reminder':
    case 'evaluation_due':
      return 'evaluación del PAL';
    case 'term_warning':
    case 'term_escalation':
      return exerciseNumber === undefined ? 'doce meses de los seis pasos' : `ejercicio ${exerciseNumber}: doce meses de los seis pasos`;
    case 'progress_reminder':
      return 'avance de los compromisos del PAL';
    case 'session_tomorrow':
    case 'confirmation_reminder':
      return 'sesión del STL';
    case 'interplay_incident':
      return 'acto entre el ejercicio y el STL no realizado';
    case 'mail_undeliverable':
      return 'correo no entregado';
    default: {
      const _exhaustive: never = kind;
      return String(_exhaustive);
    }
  }
}
