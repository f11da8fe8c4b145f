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
}

/** Activities the workflows use; implemented by the worker with Nest providers. */
export interface EventStoreActivities {
  appendEvents(input: AppendEventsInput): Promise<void>;
}
