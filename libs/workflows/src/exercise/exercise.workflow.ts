import {
  exerciseCommandSignal,
  exerciseOpenedSignal,
  exerciseUpdates,
  type ExerciseWorkflowInput,
  exerciseWorkflowId,
  getExerciseState,
  stlCommandSignal,
  stlWorkflowId,
} from '@app/contracts';
import {
  DEFAULT_DEADLINE_POLICY,
  type ExerciseCommand,
  exerciseDeciderWith,
  exerciseDeadlines,
  type ExerciseEvent,
  type ExerciseState,
  exerciseSearchAttributes,
  type IncidentData,
  interplayUndelivered,
  type StepRules,
  stlRequestsFor,
} from '@app/domain';
import { patched, setHandler } from '@temporalio/workflow';
import { setSignalHandlerAfterUpdates } from '../runtime/after-updates';
import { type EntityDefinition, EventSourcedEntity } from '../runtime/event-sourced-entity';
import { signalQuietly } from '../runtime/signal-quietly';

/**
 * The vacancy belongs to the STL: `FacilitadorVacante=true` lists the STLs without one, not their exercises as well
 * (exercises started before this change drop theirs at their next change).
 */
const VACANCY_ON_STL_ONLY = 'facilitador-vacante-on-stl-only';
/**
 * Step 3 needs the STL installed with titulares and suplentes in every sector, step 6 the monitoring and the
 * micrositio; the six steps' twelve months and the commitments' progress are watched.
 */
const STEPS_THAT_MEAN_WHAT_THEY_SAY = 'steps-that-mean-what-they-say';
/** Stage 7 closing is told to the STL: from then on a missing facilitador is a vacancy there, not "por elegir". */
const FACILITADOR_SELECTION_TO_STL = 'facilitador-selection-to-stl';
/** Launching the PAL resolves the escalation of the six steps' twelve months: the PAL's own year is watched from then. */
const TERM_CLOSED_BY_LAUNCH = 'term-closed-by-launch';

/**
 * A PAL act dated before today is a historical act with its justification, a review is never dated before it falls
 * due, and the mesas conclude no earlier than their commitments; runs begun before keep accepting what they did.
 */
const HISTORICAL_PAL_ACTS = 'historical-pal-acts';

/** The rules a run keeps from its start, decided once by the patches it meets first. */
interface ExerciseRunRules {
  readonly historicalPalActs: boolean;
  readonly facilitadorSelection: boolean;
  readonly steps: StepRules;
}

function exerciseDefinition(
  input: ExerciseWorkflowInput,
  { historicalPalActs, facilitadorSelection, steps }: ExerciseRunRules,
): EntityDefinition<ExerciseCommand, ExerciseEvent, 'exercise'> {
  const stlId = stlWorkflowId(input.entidad);
  const policy = input.policy ?? DEFAULT_DEADLINE_POLICY;
  return {
    aggregate: 'exercise',
    policy,
    decider: exerciseDeciderWith(policy, { backdatedPalActsAccepted: !historicalPalActs, ...steps }),
    deadlines: (state) => exerciseDeadlines(state, policy, steps),
    // Not started after its first task (the start was refused), or closed after the evaluation.
    isFinished: (state) => state.status !== 'open',
    searchAttributes: (state) => {
      if (state.status === 'not_started') return { entidad: input.entidad, escalacionesAbiertas: 0 };
      const { Paso, Etapa, EscalacionesAbiertas } = exerciseSearchAttributes(state);
      // Runs begun before it listed the exercise as well, whenever its STL reported no facilitador.
      const facilitadorVacante = patched(VACANCY_ON_STL_ONLY) ? null : state.stl?.facilitador === null;
      return { entidad: input.entidad, paso: Paso, etapa: Etapa, escalacionesAbiertas: EscalacionesAbiertas, facilitadorVacante };
    },
    react: async (events, _state, version) => {
      const exerciseId = exerciseWorkflowId(input.entidad, input.number);
      const undelivered: IncidentData[] = [];
      if (events.some((event) => event.type === 'ExerciseStarted')) {
        if (!(await signalQuietly(stlId, exerciseOpenedSignal, { exerciseId }))) {
          undelivered.push(interplayUndelivered('exerciseOpened', `${exerciseId}@${version}`, stlId));
        }
      }
      for (const [index, request] of stlRequestsFor(events, { facilitadorSelection }).entries()) {
        // The id makes a signal re-sent after a retried task the same command for the STL, applied once.
        const commandId = `${exerciseId}@${version}:${index}`;
        if (!(await signalQuietly(stlId, stlCommandSignal, { ...request, commandId }))) {
          undelivered.push(interplayUndelivered(request.type, commandId, stlId));
        }
      }
      return undelivered;
    },
  };
}

/** One state's exercise, `exercise/<entidad>/<n>`: from the Declaración Conjunta to the PAL's evaluation. */
export async function exerciseWorkflow(input: ExerciseWorkflowInput): Promise<ExerciseState> {
  const streamId = exerciseWorkflowId(input.entidad, input.number);
  // Decided once, at the start of the run: a run begun under the old rules keeps them until it closes.
  const rules: ExerciseRunRules = {
    historicalPalActs: patched(HISTORICAL_PAL_ACTS),
    facilitadorSelection: patched(FACILITADOR_SELECTION_TO_STL),
    steps: { stepsBeforeIssue17: !patched(STEPS_THAT_MEAN_WHAT_THEY_SAY), termOpenAfterLaunch: !patched(TERM_CLOSED_BY_LAUNCH) },
  };
  const entity = new EventSourcedEntity(exerciseDefinition(input, rules), streamId, input.snapshot);
  entity.handleUpdates(exerciseUpdates);
  setSignalHandlerAfterUpdates(exerciseCommandSignal, (request) => entity.executeQuietly(request));
  setHandler(getExerciseState, () => entity.state);
  return entity.run((snapshot) => [{ ...input, snapshot }]);
}
