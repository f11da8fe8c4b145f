import { type AggregateKind, type Deadline, type DeadlinePolicy, type EventOf, type StateOf } from '@app/domain';

export { type AggregateKind } from '@app/domain';

/** One append of one aggregate's stream. */
export interface AppendOf<K extends AggregateKind> {
  readonly aggregate: K;
  readonly streamId: string;
  readonly firstSeq: number;
  readonly events: readonly EventOf<K>[];
  /** Workflow time of the command that produced the events. */
  readonly occurredAt: string;
  /** The folded state after the events: projections are written from it in the same transaction. */
  readonly state: StateOf<K>;
  /**
   * The policy the workflow runs with, kept with the stream (`event_streams`), so the read model and notifications
   * show the dates the workflow will keep.
   */
  readonly policy: DeadlinePolicy;
  /** The command that produced the events (Update id, `deadline:<id>`, or the sender's id for a signal). */
  readonly commandId?: string;
  /**
   * Deadlines these events brought that had already fallen due when they were recorded: history (the seed, an
   * import, a late report). Their firing is recorded and shown, never mailed; the coordinación gets one summary.
   */
  readonly arrivedOverdue?: readonly Deadline[];
  /** Ids of the deadlines fired by these events that were already overdue when they arrived (see above). */
  readonly firesHistory?: readonly string[];
}

/** One append, typed by its aggregate: a switch on `aggregate` gives the state its type, never a cast. */
export type AppendEventsInput = { readonly [K in AggregateKind]: AppendOf<K> }[AggregateKind];

/** The append of an aggregate whose kind is a type parameter (the generic workflow runtime, test stories). */
export function appendOf<K extends AggregateKind>(input: AppendOf<K>): AppendEventsInput {
  // AppendOf<K> is one member of the union for every K; TypeScript does not distribute a type parameter by itself.
  return input as AppendOf<AggregateKind> as AppendEventsInput;
}

/** An event as stored, when it is not the one the workflow sent (see `AppendEventsResult.stored`). */
export interface StoredEventData {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  /** The command that stored it: a client's retry of that command must be recognised as already applied. */
  readonly commandId?: string;
}

export interface AppendEventsResult {
  /**
   * Outbox rows created for these events (reminders, escalations, convocations…), in the same transaction.
   * A retried append of events already stored answers with the same ids.
   */
  readonly notificationIds: readonly string[];
  /**
   * Absent when the events were appended as sent. Otherwise the positions were already taken and these are the
   * events stored there, which the workflow folds instead of its own: `already_stored`, the same command's earlier
   * attempt; `superseded`, another command's events (every one from `firstSeq` on), after which it decides again.
   */
  readonly stored?: { readonly kind: 'already_stored' | 'superseded'; readonly events: readonly StoredEventData[] };
}

/** Failure type of an append whose content PostgreSQL refuses: not retried, answered as EVENTS_NOT_STORABLE. */
export const EVENTS_NOT_STORABLE = 'EventsNotStorable';

/** Failure type of an append after a hole in its stream: not retried, answered as STREAM_IN_DISPUTE. */
export const STREAM_CONFLICT = 'StreamConflict';

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
