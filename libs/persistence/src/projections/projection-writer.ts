import { type AppendEventsInput } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { projectExercise } from './exercise.projection';
import { projectStl } from './stl.projection';

/** Writes the read model of one aggregate from its folded state, inside the event-append transaction. */
@Injectable()
export class ProjectionWriter {
  async write(manager: EntityManager, appended: AppendEventsInput, at = new Date()): Promise<void> {
    switch (appended.aggregate) {
      case 'exercise':
        // The row shows the next deadline as the workflow will keep it: under the policy it runs with.
        return projectExercise(manager, appended.streamId, appended.state, appended.policy, at);
      case 'stl':
        return projectStl(manager, appended.streamId, appended.state, appended.policy, at);
      default: {
        const _exhaustive: never = appended;
        throw new Error(`Unknown aggregate ${String(_exhaustive)}`);
      }
    }
  }
}
