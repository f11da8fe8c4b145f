import { type DeadlinePolicy } from '@app/domain';

/** The aggregates whose streams the workflows write; each has its own projections. */
export type AggregateKind = 'exercise' | 'stl';

export interface AppendEventsInput {
  readonly aggregate: AggregateKind;
  readonly streamId: string;
  readonly firstSeq: number;
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
  /** Workflow time of the command that produced the events. */
  readonly occurredAt: string;
  /** The folded state after the events: projections are written from it in the same transaction. */
  readonly state: unknown;
  /** The policy the workflow runs with, so notifications announce the dates the workflow will keep. */
  readonly policy?: DeadlinePolicy;
}

export interface AppendEventsResult {
  /**
   * Outbox rows created for these events (reminders, escalations, convocations…), in the same transaction.
   * A retried append of events already stored answers with the same ids.
   */
  readonly notificationIds: readonly string[];
}

/** Activities the workflows use; implemented by the worker with Nest providers. */
export interface EventStoreActivities {
  appendEvents(input: AppendEventsInput): Promise<AppendEventsResult>;
}

export interface DeliverNotificationsInput {
  readonly ids: readonly string[];
}

/**
 * Sends outbox rows by e-mail. Rows already sent are skipped, so a retried attempt never sends twice; a row that
 * cannot be sent stays pending with its reason and the attempt fails, so Temporal retries it with backoff.
 */
export interface NotificationActivities {
  deliverNotifications(input: DeliverNotificationsInput): Promise<void>;
}
