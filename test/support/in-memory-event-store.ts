import {
  type AppendEventsInput,
  type AppendEventsResult,
  type DeliverNotificationsInput,
  type EventStoreActivities,
  type NotificationActivities,
} from '@app/contracts';

export interface StoredTestEvent {
  readonly streamId: string;
  readonly seq: number;
  readonly type: string;
  readonly data: any;
  readonly occurredAt: string;
  readonly commandId?: string;
}

/**
 * A typed stand-in for the PostgreSQL event store in pure workflow tests: same idempotency by (stream, seq),
 * and it remembers the last state handed to the projections.
 */
export class InMemoryEventStore implements EventStoreActivities {
  readonly events: StoredTestEvent[] = [];
  readonly states = new Map<string, unknown>();
  appendCalls = 0;

  appendEvents = async (input: AppendEventsInput): Promise<AppendEventsResult> => {
    this.appendCalls += 1;
    const stored = this.stream(input.streamId);
    const taken = stored.filter((event) => event.seq >= input.firstSeq);
    // As the PostgreSQL store answers: the same command's earlier events, or everything another command stored.
    if (taken.length > 0) {
      const others = taken.findIndex((event) => event.commandId !== input.commandId);
      const own = taken.slice(0, others === -1 ? taken.length : others);
      const kind = own.length > 0 ? 'already_stored' : 'superseded';
      const events = (own.length > 0 ? own : taken).map(({ seq, type, data }) => ({ seq, type, data }));
      return { notificationIds: [], stored: { kind, events } };
    }
    if (stored.length !== input.firstSeq - 1) throw new Error(`gap in ${input.streamId} before ${input.firstSeq}`);
    input.events.forEach((event, index) =>
      this.events.push({
        streamId: input.streamId,
        seq: input.firstSeq + index,
        type: event.type,
        data: event.data,
        occurredAt: input.occurredAt,
        commandId: input.commandId,
      }),
    );
    this.states.set(input.streamId, input.state);
    await Promise.resolve();
    return { notificationIds: [] };
  };

  readonly deliveredNotificationIds: string[] = [];

  deliverNotifications = async (input: DeliverNotificationsInput): Promise<void> => {
    this.deliveredNotificationIds.push(...input.ids);
    await Promise.resolve();
  };

  /** Both activity sets the workflows call, for `Worker.create({ activities })`. */
  get activities(): EventStoreActivities & NotificationActivities {
    return { appendEvents: this.appendEvents, deliverNotifications: this.deliverNotifications };
  }

  stream(streamId: string): StoredTestEvent[] {
    return this.events.filter((event) => event.streamId === streamId);
  }

  typesOf(streamId: string): string[] {
    return this.stream(streamId).map((event) => event.type);
  }
}
