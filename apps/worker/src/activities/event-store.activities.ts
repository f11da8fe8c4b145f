import { type AppendEventsInput, type AppendEventsResult, type EventStoreActivities } from '@app/contracts';
import { EventStore, ProjectionWriter, StreamConflictError } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';

@Injectable()
export class EventStoreActivitiesService implements EventStoreActivities {
  constructor(
    private readonly eventStore: EventStore,
    private readonly projections: ProjectionWriter,
  ) {}

  async appendEvents(input: AppendEventsInput): Promise<AppendEventsResult> {
    try {
      await this.eventStore.append(input, (manager) => this.projections.write(manager, input));
      return { notificationIds: [] };
    } catch (error) {
      // Retrying cannot fix two writers on one stream; the workflow must fail loudly instead.
      if (error instanceof StreamConflictError) throw ApplicationFailure.nonRetryable(error.message, 'StreamConflict');
      throw error;
    }
  }
}
