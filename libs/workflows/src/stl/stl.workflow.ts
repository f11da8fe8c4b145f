import {
  exerciseCommandSignal,
  exerciseOpenedSignal,
  getStlState,
  stlCommandSignal,
  stlUpdates,
  type StlWorkflowInput,
  stlWorkflowId,
} from '@app/contracts';
import {
  createStlDecider,
  DEFAULT_DEADLINE_POLICY,
  type StlCommand,
  stlDeadlines,
  type StlEvent,
  type StlState,
  stlStatusReport,
  stlSummary,
} from '@app/domain';
import { setHandler } from '@temporalio/workflow';
import { type EntityDefinition, EventSourcedEntity } from '../runtime/event-sourced-entity';
import { signalQuietly } from '../runtime/signal-quietly';

/** Tells the state's running exercise what it needs to know of its STL, once per change. */
class ExerciseReporter {
  private lastReport?: string;

  constructor(private exerciseId?: string) {}

  get linkedExerciseId(): string | undefined {
    return this.exerciseId;
  }

  link(exerciseId: string): void {
    this.exerciseId = exerciseId;
    this.lastReport = undefined;
  }

  async report(state: StlState): Promise<void> {
    const summary = stlSummary(state);
    if (!this.exerciseId || !summary) return;
    const status = stlStatusReport(summary);
    const serialized = JSON.stringify(status);
    if (serialized === this.lastReport) return;
    this.lastReport = serialized;
    await signalQuietly(this.exerciseId, exerciseCommandSignal, { type: 'RecordStlStatus', data: status });
  }
}

function stlDefinition(input: StlWorkflowInput, reporter: ExerciseReporter): EntityDefinition<StlCommand, StlEvent, StlState> {
  const policy = input.policy ?? DEFAULT_DEADLINE_POLICY;
  return {
    aggregate: 'stl',
    policy,
    decider: createStlDecider(policy),
    deadlines: (state) => stlDeadlines(state, policy),
    // The STL is permanent; a workflow whose registration was refused has nothing to run.
    isFinished: (state) => state.status === 'unregistered',
    searchAttributes: (state) => {
      const summary = stlSummary(state);
      return {
        entidad: input.entidad,
        escalacionesAbiertas: summary?.openEscalations ?? 0,
        facilitadorVacante: summary?.facilitadorVacante ?? false,
      };
    },
    react: (_events, state) => reporter.report(state),
  };
}

/** The state's permanent secretariat, `stl/<entidad>`: members, facilitador, sessions, cadence. */
export async function stlWorkflow(input: StlWorkflowInput): Promise<StlState> {
  const reporter = new ExerciseReporter(input.exerciseId);
  const entity = new EventSourcedEntity(stlDefinition(input, reporter), stlWorkflowId(input.entidad), input.snapshot);
  entity.handleUpdates(stlUpdates);
  setHandler(stlCommandSignal, (request) => entity.executeQuietly(request));
  setHandler(exerciseOpenedSignal, ({ exerciseId }) => {
    reporter.link(exerciseId);
    return reporter.report(entity.state);
  });
  setHandler(getStlState, () => entity.state);
  return entity.run((snapshot) => [{ ...input, snapshot, exerciseId: reporter.linkedExerciseId }]);
}
