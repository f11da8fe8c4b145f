import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../shared/deadline';
import { type Decider, type Decision, type DecisionContext, decisionContext } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { incidentEscalation } from '../shared/escalation';
import { type ExerciseCommand, type StartExercise } from './exercise-commands';
import { decideAcknowledge, decideFireDeadline, decideResolve, stallResolutions, termResolutions } from './exercise-deadline-handlers';
import { exerciseErrors } from './exercise-errors';
import { type ExerciseEvent } from './exercise-events';
import {
  decideCommitmentProgress,
  decideDefineCommitments,
  decideEvaluation,
  decideLaunchPal,
  decideMonitoring,
} from './exercise-pal-handlers';
import { automaticSteps, type StepRules } from './exercise-requirements';
import { decideCompleteStage, decideStart } from './exercise-stage-handlers';
import {
  evolveExercise,
  type ExerciseState,
  initialExerciseState,
  type OpenExercise,
  type StartedExercise,
} from './exercise-state';
import { decideCompleteStep, decideDocument, decideStlStatus } from './exercise-step-handlers';

/**
 * The exercise of one state (stream `exercise/<entidad>/<n>`). The deadline policy is the deployment's; the same
 * policy must be given to `exerciseDeadlines`, so that the deadlines a workflow waits for are the ones it may fire.
 * `options` hold the rules older runs keep.
 */
export function exerciseDeciderWith(
  policy: DeadlinePolicy,
  options: Pick<DecisionContext, 'backdatedPalActsAccepted'> & StepRules = {},
): Decider<ExerciseCommand, ExerciseEvent, ExerciseState> {
  return {
    decide: (command, state) => decideExercise(command, state, policy, options),
    evolve: evolveExercise,
    initialState: initialExerciseState,
  };
}

export const exerciseDecider = exerciseDeciderWith(DEFAULT_DEADLINE_POLICY);

function decideExercise(
  command: ExerciseCommand,
  state: ExerciseState,
  policy: DeadlinePolicy,
  options: Pick<DecisionContext, 'backdatedPalActsAccepted'> & StepRules,
): Decision<ExerciseEvent> {
  const context = { ...decisionContext(command.metadata, policy), ...options };
  if (command.type === 'StartExercise') return decideStart(command, state, context);
  if (state.status === 'not_started') return exerciseErrors.EXERCISE_NOT_STARTED();
  if (state.status === 'closed') return exerciseErrors.EXERCISE_CLOSED();
  const decision = decideOpen(command, state, context);
  return isDomainError(decision) ? decision : withConsequences(state, decision, context);
}

function decideOpen(
  command: Exclude<ExerciseCommand, StartExercise>,
  state: OpenExercise,
  context: DecisionContext,
): Decision<ExerciseEvent> {
  switch (command.type) {
    case 'CompleteStage':
      return decideCompleteStage(command, state, context);
    case 'CompleteStep':
      return decideCompleteStep(command, state, context);
    case 'RecordGovernanceMechanism':
    case 'RecordAnnualAgenda':
      return decideDocument(command, state, context);
    case 'RecordStlStatus':
      return decideStlStatus(command, state, context);
    case 'DefineCommitments':
      return decideDefineCommitments(command, state, context);
    case 'LaunchPal':
      return decideLaunchPal(command, state, context);
    case 'UpdateCommitmentProgress':
      return decideCommitmentProgress(command, state, context);
    case 'RecordMonitoring':
      return decideMonitoring(command, state, context);
    case 'RecordEvaluation':
      return decideEvaluation(command, state, context);
    case 'FireDeadline':
      return decideFireDeadline(command, state, context);
    case 'AcknowledgeEscalation':
      return decideAcknowledge(command, state, context);
    case 'ResolveEscalation':
      return decideResolve(command, state, context);
    case 'RecordIncident':
      return incidentEscalation(state.escalations, command.data, context.now);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

const PROGRESS: ReadonlySet<ExerciseEvent['type']> = new Set([
  'StageCompleted',
  'StepCompleted',
  'GovernanceMechanismRecorded',
  'AnnualAgendaRecorded',
  'CommitmentsDefined',
  'PalLaunched',
]);

/**
 * What follows from any accepted command, in the same decision: steps 2 and 3 completing by themselves once their
 * last requirement is met, open stall escalations resolving when the exercise moves, and the twelve months'
 * escalation resolving when the PAL is launched.
 */
function withConsequences(
  state: OpenExercise,
  events: readonly ExerciseEvent[],
  context: DecisionContext,
): ExerciseEvent[] {
  const after = events.reduce(evolveExercise, state) as StartedExercise;
  const all = [...events, ...(after.status === 'open' ? automaticSteps(after, context.now, context) : [])];
  const moved = all.some((event) => PROGRESS.has(event.type)) ? stallResolutions(state, context) : [];
  const launched = !context.termOpenAfterLaunch && all.some((event) => event.type === 'PalLaunched');
  return [...all, ...moved, ...(launched ? termResolutions(state, context) : [])];
}
