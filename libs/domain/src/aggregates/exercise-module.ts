import { fold } from '../shared/decider';
import { exerciseStreamId, parseStreamId } from '../shared/stream-ids';
import { exerciseDeadlines } from '../exercise/exercise-deadlines';
import { exerciseDeciderWith } from '../exercise/exercise-decider';
import { evolveExercise, initialExerciseState } from '../exercise/exercise-state';
import { exerciseSummary } from '../exercise/exercise-summary';
import { type AggregateModule } from './aggregate-module';

/** The exercise (stream `exercise/<entidad>/<n>`): the six steps and ten stages, then its PAL. */
export const exerciseModule: AggregateModule<'exercise'> = {
  kind: 'exercise',
  stream: {
    id: ({ entidad, number }) => exerciseStreamId(entidad, number),
    parse(streamId) {
      const ref = parseStreamId(streamId);
      return ref?.aggregate === 'exercise' ? ref : undefined;
    },
  },
  fold: (events) => fold({ evolve: evolveExercise, initialState: initialExerciseState }, events),
  decider: exerciseDeciderWith,
  deadlines: exerciseDeadlines,
  summary: exerciseSummary,
  entidadOf: (state) => (state.status === 'not_started' ? undefined : state.entidad),
};
