import {
  exerciseCommandSignal,
  exerciseUpdates,
  type ExerciseWorkflowInput,
  exerciseWorkflowId,
  getExerciseState,
} from '@app/contracts';
import {
  type ExerciseCommand,
  exerciseDecider,
  exerciseDeadlines,
  type ExerciseEvent,
  type ExerciseState,
  exerciseSummary,
} from '@app/domain';
import { setHandler } from '@temporalio/workflow';
import { type EntityDefinition, EventSourcedEntity } from '../runtime/event-sourced-entity';

function exerciseDefinition(input: ExerciseWorkflowInput): EntityDefinition<ExerciseCommand, ExerciseEvent, ExerciseState> {
  return {
    aggregate: 'exercise',
    decider: exerciseDecider,
    deadlines: (state) => exerciseDeadlines(state),
    isFinished: (state) => state.status === 'closed',
    searchAttributes: (state) => {
      const summary = exerciseSummary(state);
      if (!summary) return { entidad: input.entidad, escalacionesAbiertas: 0 };
      const { Paso, Etapa, EscalacionesAbiertas, FacilitadorVacante } = summary.searchAttributes;
      return {
        entidad: input.entidad,
        paso: Paso,
        etapa: Etapa,
        escalacionesAbiertas: EscalacionesAbiertas,
        facilitadorVacante: FacilitadorVacante,
      };
    },
  };
}

/** One state's exercise, `exercise/<entidad>/<n>`: from the Declaración Conjunta to the PAL's evaluation. */
export async function exerciseWorkflow(input: ExerciseWorkflowInput): Promise<ExerciseState> {
  const streamId = exerciseWorkflowId(input.entidad, input.number);
  const entity = new EventSourcedEntity(exerciseDefinition(input), streamId, input.snapshot);
  entity.handleUpdates(exerciseUpdates);
  setHandler(exerciseCommandSignal, (request) => entity.executeQuietly(request));
  setHandler(getExerciseState, () => entity.state);
  return entity.run((snapshot) => [{ ...input, snapshot }]);
}
