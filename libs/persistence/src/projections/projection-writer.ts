import { type AppendEventsInput } from '@app/contracts';
import { type ExerciseState, type StlState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { projectExercise } from './exercise.projection';
import { projectStl } from './stl.projection';

/** Writes the read model of one aggregate from its folded state, inside the event-append transaction. */
@Injectable()
export class ProjectionWriter {
  async write(manager: EntityManager, appended: AppendEventsInput, at = new Date()): Promise<void> {
    const { aggregate } = appended;
    switch (aggregate) {
      case 'exercise':
        return projectExercise(manager, appended.streamId, appended.state as ExerciseState, appended.policy, at);
      case 'stl':
        return projectStl(manager, appended.streamId, appended.state as StlState, appended.policy, at);
      default: {
        const _exhaustive: never = aggregate;
        throw new Error(`Unknown aggregate ${String(_exhaustive)}`);
      }
    }
  }
}
