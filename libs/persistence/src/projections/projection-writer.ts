import { type AppendEventsInput } from '@app/contracts';
import { type ExerciseState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { projectExercise } from './exercise.projection';

/** Writes the read model of one aggregate from its folded state, inside the event-append transaction. */
@Injectable()
export class ProjectionWriter {
  async write(manager: EntityManager, appended: AppendEventsInput, at = new Date()): Promise<void> {
    const { aggregate } = appended;
    switch (aggregate) {
      case 'exercise':
        return projectExercise(manager, appended.state as ExerciseState, at);
      case 'stl':
        return;
      default: {
        const _exhaustive: never = aggregate;
        throw new Error(`Unknown aggregate ${String(_exhaustive)}`);
      }
    }
  }
}
