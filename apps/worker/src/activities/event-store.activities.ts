import { type AppendEventsInput, type AppendEventsResult, type EventStoreActivities } from '@app/contracts';
import { NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter, StreamConflictError } from '@app/persistence';
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
      if (outcome === 'already_appended') {
        const { streamId, firstSeq, events } = input;
        notificationIds = await this.outbox.idsCreatedBy(this.dataSource.manager, streamId, firstSeq, events.length);
      }
      return { notificationIds };
    } catch (error) {
      // Retrying cannot fix two writers on one stream; the workflow must fail loudly instead.
      if (error instanceof StreamConflictError) throw ApplicationFailure.nonRetryable(error.message, 'StreamConflict');
      throw error;
    }
  }
}
