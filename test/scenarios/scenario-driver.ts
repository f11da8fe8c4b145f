import {
  type CommandUpdateDefinition,
  exerciseUpdates,
  exerciseWorkflowId,
  getExerciseState,
  getStlState,
  stlUpdates,
  stlWorkflowId,
  TASK_QUEUE,
} from '@app/contracts';
import {
  addDays,
  type ExerciseCommand,
  type ExerciseState,
  instantAt,
  type LocalDate,
  localDateAt,
  type StlCommand,
  type StlSeedRecord,
  stlSeedCommands,
  type StlState,
} from '@app/domain';
import { type exerciseWorkflow, type stlWorkflow } from '@app/workflows';
import { type Client, WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';

type DataOf<C, T> = C extends { type: T; data: infer D } ? D : never;
type StlRequestType = keyof typeof stlUpdates;
type ExerciseRequestType = keyof typeof exerciseUpdates;

/**
 * Drives the workflows as the API does (Updates), on an environment whose clock can be skipped: scenarios read
 * like the method's calendar ("sleep until the six-month monitoring") and never sleep for real.
 */
export class ScenarioDriver {
  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly taskQueue = TASK_QUEUE,
  ) {}

  get client(): Client {
    return this.env.client;
  }

  /** Today in Mexico City on the environment's clock. */
  async today(): Promise<LocalDate> {
    return localDateAt(await this.env.currentTimeMs());
  }

  async daysFromToday(days: number): Promise<LocalDate> {
    return addDays(await this.today(), days);
  }

  /** Skips the clock to `date` at `hour`:`minute` Mexico City time (no-op if already past). */
  async sleepUntil(date: LocalDate, hour = 12, minute = 0): Promise<void> {
    const target = Date.parse(instantAt(date, hour, minute));
    const now = await this.env.currentTimeMs();
    if (target > now) await this.env.sleep(target - now);
  }

  async sleepDays(days: number): Promise<void> {
    await this.env.sleep(days * 86_400_000);
  }

  stlHandle(entidad: string): WorkflowHandle<typeof stlWorkflow> {
    return this.client.workflow.getHandle(stlWorkflowId(entidad));
  }

  exerciseHandle(entidad: string, number = 1): WorkflowHandle<typeof exerciseWorkflow> {
    return this.client.workflow.getHandle(exerciseWorkflowId(entidad, number));
  }

  async stl<T extends StlRequestType>(entidad: string, type: T, data: DataOf<StlCommand, T>): Promise<StlState> {
    await this.sendToStl(entidad, type, data);
    return this.stlState(entidad);
  }

  async exercise<T extends ExerciseRequestType>(
    entidad: string,
    type: T,
    data: DataOf<ExerciseCommand, T>,
    number = 1,
  ): Promise<ExerciseState> {
    await this.sendToExercise(entidad, type, data, number);
    return this.exerciseState(entidad, number);
  }

  /**
   * The command alone, without reading the state back: a command that closes its workflow (the evaluation) leaves
   * nothing to query, and the time-skipping server may never answer a query to a closed run.
   */
  async sendToStl<T extends StlRequestType>(entidad: string, type: T, data: DataOf<StlCommand, T>): Promise<void> {
    const update = stlUpdates[type] as unknown as CommandUpdateDefinition;
    await this.stlHandle(entidad).executeUpdate(update, { args: [{ data, actor: 'escenario' }] });
  }

  async sendToExercise<T extends ExerciseRequestType>(
    entidad: string,
    type: T,
    data: DataOf<ExerciseCommand, T>,
    number = 1,
  ): Promise<void> {
    const update = exerciseUpdates[type] as unknown as CommandUpdateDefinition;
    await this.exerciseHandle(entidad, number).executeUpdate(update, { args: [{ data, actor: 'escenario' }] });
  }

  async stlState(entidad: string): Promise<StlState> {
    return this.stlHandle(entidad).query(getStlState);
  }

  async exerciseState(entidad: string, number = 1): Promise<ExerciseState> {
    return this.exerciseHandle(entidad, number).query(getExerciseState);
  }

  /** Starts `stl/<entidad>` and runs the commands of a 2017 record; `install: false` leaves installation to stage 10. */
  async seedStl(record: StlSeedRecord, { installedOn, install = true }: { installedOn: LocalDate; install?: boolean }): Promise<StlState> {
    const now = new Date(await this.env.currentTimeMs()).toISOString();
    const [register, ...rest] = stlSeedCommands(record, { installedOn, now });
    await this.startWith('stlWorkflow', stlWorkflowId(record.entidad), [{ entidad: record.entidad }], stlUpdates.RegisterStl, register.data);
    for (const command of rest) {
      if (command.type === 'InstallStl' && !install) continue;
      await this.stl(record.entidad, command.type as StlRequestType, command.data as never);
    }
    return this.stlState(record.entidad);
  }

  async startExercise(entidad: string, startedOn: LocalDate, number = 1): Promise<ExerciseState> {
    const data = { entidad, number, startedOn };
    await this.startWith('exerciseWorkflow', exerciseWorkflowId(entidad, number), [{ entidad, number }], exerciseUpdates.StartExercise, data);
    return this.exerciseState(entidad, number);
  }

  /**
   * The workflow started together with its first command (Update-with-Start), as the API does: a workflow started
   * alone ends at once on a real server when its first task finds nothing registered or started.
   */
  private async startWith(workflowType: string, workflowId: string, args: unknown[], update: CommandUpdateDefinition, data: unknown): Promise<void> {
    const startWorkflowOperation = new WithStartWorkflowOperation(workflowType, {
      workflowId,
      taskQueue: this.taskQueue,
      args,
      workflowIdConflictPolicy: 'FAIL',
    });
    await this.client.workflow.executeUpdateWithStart(update, {
      args: [{ data, actor: 'escenario' }],
      startWorkflowOperation,
    });
  }

}
