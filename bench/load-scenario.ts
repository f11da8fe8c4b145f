import { exerciseUpdates, exerciseWorkflowId, stlUpdates, stlWorkflowId, TASK_QUEUE } from '@app/contracts';
import { addDays, ENTIDAD_CODES, localDateAt } from '@app/domain';
import { type Client, WithStartWorkflowOperation } from '@temporalio/client';
import { inParallel, timed } from './bench-support';

export interface LoadScenarioResult {
  readonly starts: number;
  readonly startSeconds: number;
  readonly commands: number;
  readonly commandSeconds: number;
  readonly failures: readonly unknown[];
}

/**
 * bench:load's scenario, as the API runs it: each state's STL and `exercises` exercises started by Update-with-Start
 * (numbered from `firstNumber`, so a second round in the same system starts new ones), then each driven through
 * stages 1 to 10, one Update per stage. `withStls` false when the STLs of this system are already running.
 */
export async function runLoadScenario(
  client: Client,
  { exercises: count, concurrency, firstNumber = 1, withStls = true }: { exercises: number; concurrency: number; firstNumber?: number; withStls?: boolean },
): Promise<LoadScenarioResult> {
  const today = localDateAt(Date.now());
  const stls = withStls ? ENTIDAD_CODES.map((entidad) => ({ entidad })) : [];
  const exercises = [...Array(count).keys()].map((i) => ({
    entidad: ENTIDAD_CODES[i % ENTIDAD_CODES.length],
    number: firstNumber + Math.floor(i / ENTIDAD_CODES.length),
  }));
  const started = await timed(async () => {
    const stlFailures = await inParallel(stls, concurrency, async ({ entidad }) => {
      await client.workflow.executeUpdateWithStart(stlUpdates.RegisterStl, {
        args: [{ data: { entidad, decisionRule: 'consensus_then_majority' } }],
        startWorkflowOperation: new WithStartWorkflowOperation('stlWorkflow', {
          workflowId: stlWorkflowId(entidad),
          taskQueue: TASK_QUEUE,
          args: [{ entidad }],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });
    });
    const exerciseFailures = await inParallel(exercises, concurrency, async ({ entidad, number }) => {
      await client.workflow.executeUpdateWithStart(exerciseUpdates.StartExercise, {
        args: [{ data: { entidad, number, startedOn: addDays(today, -100) } }],
        startWorkflowOperation: new WithStartWorkflowOperation('exerciseWorkflow', {
          workflowId: exerciseWorkflowId(entidad, number),
          taskQueue: TASK_QUEUE,
          args: [{ entidad, number }],
          workflowIdConflictPolicy: 'FAIL',
        }),
      });
    });
    return [...stlFailures, ...exerciseFailures];
  });
  const commands = await timed(() =>
    inParallel(exercises, concurrency, async ({ entidad, number }) => {
      const handle = client.workflow.getHandle(exerciseWorkflowId(entidad, number));
      for (let stage = 1; stage <= 10; stage += 1) {
        await handle.executeUpdate(exerciseUpdates.CompleteStage, {
          args: [{ data: { stage, completedOn: addDays(today, -90 + stage) } }],
        });
      }
    }),
  );
  return {
    starts: stls.length + exercises.length,
    startSeconds: started.seconds,
    commands: exercises.length * 10,
    commandSeconds: commands.seconds,
    failures: [...started.result, ...commands.result],
  };
}
