import { type AppendEventsInput, type AppendEventsResult, type EventStoreActivities, EVENTS_NOT_STORABLE, STREAM_CONFLICT, type StoredEventData } from '@app/contracts';
import { NotificationOutbox } from '@app/notifications';
import { EventsNotStorableError, EventStore, ProjectionWriter, type StoredEvent, StreamConflictError } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';

@Injectable()
export class EventStoreActivitiesService implements EventStoreActivities {
  constructor(
    private readonly eventStore: EventStore,
    private readonly projections: ProjectionWriter,
    private readonly outbox: NotificationOutbox,
    private readonly dataSource: DataSource,
  ) {}

  async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
    try {
      let notificationIds: string[] = [];
      // The outbox is written here, beside the projections but not by them: a rebuild never queues e-mails again.
      const outcome = await this.eventStore.append(input, async (manager) => {
        await this.projections.write(manager, input);
        notificationIds = await this.outbox.enqueue(manager, input);
      });
      switch (outcome.kind) {
        case 'appended':
          return { notificationIds };
        case 'already_stored': {
          const { streamId, firstSeq } = input;
          const ids = await this.outbox.idsCreatedBy(this.dataSource.manager, streamId, firstSeq, outcome.events.length);
          return { notificationIds: ids, stored: { kind: outcome.kind, events: outcome.events.map(asStoredEventData) } };
        }
        case 'superseded':
          return { notificationIds: [], stored: { kind: outcome.kind, events: outcome.events.map(asStoredEventData) } };
      }
    } catch (error) {
      // Retrying cannot fix a broken stream or content the database refuses; only an unreachable database is retried.
      if (error instanceof StreamConflictError) throw ApplicationFailure.nonRetryable(error.message, STREAM_CONFLICT);
      if (error instanceof EventsNotStorableError) throw ApplicationFailure.nonRetryable(error.message, EVENTS_NOT_STORABLE);
      throw error;
    }
  }
}

function asStoredEventData({ seq, type, data, metadata }: StoredEvent): StoredEventData {
  return { seq, type, data, ...(metadata.commandId === undefined ? {} : { commandId: metadata.commandId }) };
}
