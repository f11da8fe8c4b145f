import { type CommandPayload, domainRejectionOf } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import {
  ApplicationFailure,
  Client,
  isGrpcServiceError,
  type UpdateDefinition,
  WithStartWorkflowOperation,
  type Workflow,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type WorkflowStartOptions,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ApiProblem, notFound, serviceUnavailable } from '../errors/api-problem';
import { currentUpdateId, isRetry } from '../idempotency/command-scope';

export interface NotFoundMessage {
  readonly code: string;
  readonly message: string;
}

/**
 * Commands reach workflows as Temporal Updates: the caller gets the outcome (version and stored events) or the rule
 * that refused it.
 * Every failure becomes an ApiProblem here, so controllers never see Temporal's errors. A request that sent an
 * Idempotency-Key sends its Updates under the key's Update id: a retry after a 503 reaches the Update the first
 * attempt sent, and Temporal answers its result instead of running the command again.
 */
@Injectable()
export class WorkflowCommands {
  constructor(
    private readonly client: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute<S, D>(
    workflowId: string,
    update: UpdateDefinition<S, [CommandPayload<D>], string>,
    payload: CommandPayload<D>,
    missing: NotFoundMessage,
  ): Promise<S> {
    const handle = this.client.workflow.getHandle(workflowId);
    const updateId = currentUpdateId();
    try {
      return await this.withinTimeout(async () => {
        for (let delivery = 1; ; delivery += 1) {
          try {
            return await handle.executeUpdate(update, { args: [payload], updateId });
          } catch (error) {
            // The server answers this only for an Update the workflow never saw: sending it again cannot apply it twice.
            if (!isUnprocessedUpdate(error) || delivery === UPDATE_DELIVERIES) throw error;
          }
        }
      });
    } catch (error) {
      throw this.toProblem(error, missing);
    }
  }

  /**
   * Starts the workflow and runs its first command atomically (Update-with-Start). A retry under an Idempotency-Key
   * joins the workflow its first attempt may have started, where Temporal answers the same Update id with its result.
   */
  async startWith<S, D, W extends Workflow>(
    workflow: string | W,
    options: Omit<WorkflowStartOptions<W>, 'taskQueue' | 'workflowIdConflictPolicy'>,
    update: UpdateDefinition<S, [CommandPayload<D>], string>,
    payload: CommandPayload<D>,
    alreadyRunning: NotFoundMessage,
  ): Promise<S> {
    try {
      return await this.updateWithStart(workflow, options, isRetry() ? 'USE_EXISTING' : 'FAIL', update, payload);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ApiProblem(409, alreadyRunning.code, alreadyRunning.message);
      }
      throw this.toProblem(error, { code: 'NOT_FOUND', message: 'El flujo no existe.' });
    }
  }

  /**
   * Makes sure a workflow exists: starts it with its first command (Update-with-Start) unless it is already running,
   * or unless its rules answer one of `alreadyDone` (e.g. STL_ALREADY_REGISTERED). Idempotent, safe under races.
   */
  async ensureStarted<S, D, W extends Workflow>(
    workflow: string | W,
    options: Omit<WorkflowStartOptions<W>, 'taskQueue' | 'workflowIdConflictPolicy'>,
    update: UpdateDefinition<S, [CommandPayload<D>], string>,
    payload: CommandPayload<D>,
    alreadyDone: readonly string[],
  ): Promise<'started' | 'existing'> {
    try {
      await this.updateWithStart(workflow, options, 'FAIL', update, payload);
      return 'started';
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return 'existing';
      const rejection = domainRejectionOf(error);
      if (rejection && alreadyDone.includes(rejection.code)) return 'existing';
      throw this.toProblem(error, { code: 'NOT_FOUND', message: 'El flujo no existe.' });
    }
  }

  async query<R>(workflowId: string, run: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<R>, missing: NotFoundMessage): Promise<R> {
    try {
      return await this.withinTimeout(() => run(this.client.workflow.getHandle(workflowId)));
    } catch (error) {
      throw this.toProblem(error, missing);
    }
  }

  /** The workflow started together with its first command, under the request's Update id. */
  private updateWithStart<S, D, W extends Workflow>(
    workflow: string | W,
    options: Omit<WorkflowStartOptions<W>, 'taskQueue' | 'workflowIdConflictPolicy'>,
    workflowIdConflictPolicy: 'FAIL' | 'USE_EXISTING',
    update: UpdateDefinition<S, [CommandPayload<D>], string>,
    payload: CommandPayload<D>,
  ): Promise<S> {
    const startWorkflowOperation = new WithStartWorkflowOperation(workflow, {
      ...options,
      taskQueue: this.config.taskQueue,
      workflowIdConflictPolicy,
    } as WorkflowStartOptions<W> & { workflowIdConflictPolicy: typeof workflowIdConflictPolicy });
    return this.withinTimeout(() =>
      this.client.workflow.executeUpdateWithStart(update, { args: [payload], startWorkflowOperation, updateId: currentUpdateId() }),
    );
  }

  private withinTimeout<T>(call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + this.config.commandTimeoutMs, call);
  }

  private toProblem(error: unknown, missing: NotFoundMessage): unknown {
    const rejection = domainRejectionOf(error);
    if (rejection) {
      const status = rejection.category === 'conflict' ? 409 : 422;
      return new ApiProblem(status, rejection.code, rejection.message, { ...rejection.details });
    }
    if (error instanceof WorkflowNotFoundError) return notFound(missing.code, missing.message);
    // The client turns an Update's expired deadline into its own error, which carries no gRPC code.
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return workflowTimeout();
    if (isUnprocessedUpdate(error)) {
      return serviceUnavailable('WORKFLOW_UPDATE_NOT_DELIVERED', 'El flujo no recibió la solicitud; no se aplicó. Intente de nuevo en unos momentos.');
    }
    switch (grpcCodeOf(error)) {
      case GRPC_NOT_FOUND:
        return notFound(missing.code, missing.message);
      case GRPC_DEADLINE_EXCEEDED:
        return workflowTimeout();
      case GRPC_UNAVAILABLE:
        return serviceUnavailable('TEMPORAL_UNAVAILABLE', 'El servidor de flujos (Temporal) no está disponible.');
      default:
        return error;
    }
  }
}

const workflowTimeout = () => serviceUnavailable('WORKFLOW_TIMEOUT', 'El flujo no respondió a tiempo; intente de nuevo en unos momentos.');

/**
 * An Update the worker left unanswered in the task that carried it: Temporal's SDK 1.24 drops one that reaches a run
 * it is replaying for a query sent at the same moment, and the server then rejects it before the workflow sees it
 * (bench/RESULTS.md, chaos seed 20261203). A query from the Temporal UI or the CLI beside a person's command is enough.
 */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';
/** The first delivery and two more: the race needs a run the worker has not cached, which the first one leaves cached. */
const UPDATE_DELIVERIES = 3;

function isUnprocessedUpdate(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type === UNPROCESSED_UPDATE) return true;
  }
  return false;
}

// gRPC status codes (stable across every gRPC implementation).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_NOT_FOUND = 5;
const GRPC_UNAVAILABLE = 14;

function grpcCodeOf(error: unknown): number | undefined {
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 5; depth += 1) {
    if (isGrpcServiceError(cause)) return cause.code;
    cause = cause.cause;
  }
  return undefined;
}
