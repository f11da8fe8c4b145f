import {
  type CommandPayload,
  type CommandUpdateDefinition,
  exerciseUpdates,
  exerciseWorkflowId,
  getExerciseState,
  stlUpdates,
  stlWorkflowId,
} from '@app/contracts';
import { type ExerciseState, localDateAt, STL_2017 } from '@app/domain';
import { StlView } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import { type ExerciseRequest, seedPlan, type StatePlan, type StlRequest } from './seed-plan';

const ACTOR = 'seed:stl-2017';
const PARALLEL_STATES = 4;

/**
 * Loads the 16 real STLs of 2017 into an empty development system, through the same Updates the API sends: the
 * events, projections, timers and reminders are those of real use.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly client: Client,
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly inputs: WorkflowInputs,
  ) {}

  async seedIfEmpty(): Promise<number> {
    if ((await this.dataSource.getRepository(StlView).count()) > 0) {
      this.logger.log('La base ya tiene STL: no se siembra nada.');
      return 0;
    }
    const now = new Date();
    const plans = STL_2017.map((record, index) => seedPlan(record, index, localDateAt(now.getTime()), now.toISOString()));
    for (let i = 0; i < plans.length; i += PARALLEL_STATES) {
      await Promise.all(plans.slice(i, i + PARALLEL_STATES).map((plan) => this.seedState(plan)));
    }
    this.logger.log(`Sembrados ${plans.length} STL con su ejercicio.`);
    return plans.length;
  }

  private async seedState(plan: StatePlan): Promise<void> {
    const [register, ...stlCommands] = plan.stl;
    await this.startWith('stlWorkflow', stlWorkflowId(plan.entidad), [this.inputs.stl(plan.entidad)], stlUpdates, register);
    for (const request of stlCommands) await this.update(stlWorkflowId(plan.entidad), stlUpdates, request);

    const exerciseId = exerciseWorkflowId(plan.entidad, 1);
    await this.startWith('exerciseWorkflow', exerciseId, [this.inputs.exercise(plan.entidad, 1)], exerciseUpdates, {
      type: 'StartExercise',
      data: { entidad: plan.entidad, number: 1, startedOn: plan.exercise.startedOn },
    });
    for (const request of plan.exercise.untilStep3) await this.update(exerciseId, exerciseUpdates, request);
    if (plan.exercise.afterStep3.length > 0) {
      await this.untilStepCompleted(exerciseId, 3);
      for (const request of plan.exercise.afterStep3) await this.update(exerciseId, exerciseUpdates, request);
    }
    for (const request of plan.sessions) await this.update(stlWorkflowId(plan.entidad), stlUpdates, request);
    this.logger.log(`STL ${plan.entidad} instalado el ${plan.installedOn}`);
  }

  private async startWith(
    workflowType: string,
    workflowId: string,
    args: unknown[],
    updates: object,
    request: StlRequest | ExerciseRequest,
  ): Promise<void> {
    const startWorkflowOperation = new WithStartWorkflowOperation(workflowType, {
      workflowId,
      taskQueue: this.config.taskQueue,
      args,
      workflowIdConflictPolicy: 'FAIL',
    });
    await this.client.workflow.executeUpdateWithStart(this.updateFor(updates, request.type), {
      args: [this.payload(request)],
      startWorkflowOperation,
    });
  }

  private async update(workflowId: string, updates: object, request: StlRequest | ExerciseRequest): Promise<void> {
    await this.client.workflow.getHandle(workflowId).executeUpdate(this.updateFor(updates, request.type), {
      args: [this.payload(request)],
    });
  }

  /** Step 3 completes inside the exercise once the STL reports its facilitador (a signal between workflows). */
  private async untilStepCompleted(exerciseId: string, step: number): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const state: ExerciseState = await this.client.workflow.getHandle(exerciseId).query(getExerciseState);
      if (state.status !== 'not_started' && state.steps[step as 3]) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${exerciseId}: el paso ${step} no se completó`);
  }

  private updateFor(updates: object, type: string): CommandUpdateDefinition {
    return (updates as Record<string, CommandUpdateDefinition>)[type];
  }

  private payload(request: StlRequest | ExerciseRequest): CommandPayload {
    return { data: request.data, actor: ACTOR };
  }
}

