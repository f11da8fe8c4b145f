import { type AggregateKind, type AppendEventsInput, type AppendOf } from '@app/contracts';
import { type DeadlinePolicy, type StateOf } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { projectExercise } from './exercise.projection';
import { projectStl } from './stl.projection';

/** Writes one aggregate's rows from its folded state; the dates under the policy its workflow runs with. */
export type AggregateProjection<K extends AggregateKind> = (
  manager: EntityManager,
  streamId: string,
  state: StateOf<K>,
  policy: DeadlinePolicy,
  at: Date,
) => Promise<void>;

/** Every aggregate's projection, by kind: a kind without one does not compile. */
export const PROJECTIONS: { readonly [K in AggregateKind]: AggregateProjection<K> } = {
  exercise: projectExercise,
  stl: projectStl,
};

/** Writes the read model of one aggregate from its folded state, inside the event-append transaction. */
@Injectable()
export class ProjectionWriter {
  write(manager: EntityManager, appended: AppendEventsInput, at = new Date()): Promise<void> {
    return project(manager, appended, at);
  }
}

function project<K extends AggregateKind>(manager: EntityManager, appended: AppendOf<K>, at: Date): Promise<void> {
  return PROJECTIONS[appended.aggregate](manager, appended.streamId, appended.state, appended.policy, at);
}
