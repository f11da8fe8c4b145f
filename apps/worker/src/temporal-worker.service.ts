import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { EventStoreActivitiesService } from './activities/event-store.activities';
import { NotificationActivitiesService } from './activities/notification.activities';
import { WORKER_CONFIG } from './worker.tokens';
import { type WorkerConfig } from './worker-config';
import { requestIdActivityInterceptors } from './observability/request-id.activity-interceptors';
import { workflowBundlerOptions, workflowInterceptorModules, workflowsPath } from './workflow-bundle';

/** Create the Worker on init, run it on bootstrap, and drain it (awaiting the run) on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly eventStoreActivities: EventStoreActivitiesService,
    private readonly notificationActivities: NotificationActivitiesService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const activity = [requestIdActivityInterceptors];
    // The ahead-of-time bundle already holds the workflow interceptors (scripts/build.ts).
    const workflows = this.config.workflowBundlePath
      ? { workflowBundle: { codePath: this.config.workflowBundlePath }, interceptors: { activity } }
      : {
          workflowsPath: workflowsPath(),
          bundlerOptions: workflowBundlerOptions(),
          interceptors: { activity, workflowModules: workflowInterceptorModules() },
        };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      ...workflows,
      activities: {
        appendEvents: this.eventStoreActivities.appendEvents.bind(this.eventStoreActivities),
        deliverNotifications: this.notificationActivities.deliverNotifications.bind(this.notificationActivities),
      },
      maxCachedWorkflows: this.config.maxCachedWorkflows,
      maxConcurrentActivityTaskExecutions: this.config.maxConcurrentActivities,
      shutdownGraceTime: '10 seconds',
    });
  }

  onApplicationBootstrap(): void {
    const worker = this.worker;
    if (!worker) throw new Error('Temporal worker was not created');
    this.running = worker.run().catch((error: unknown) => {
      this.logger.error(`El worker de Temporal se detuvo: ${String(error)}`);
      process.exitCode = 1;
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`Worker escuchando la cola "${this.config.taskQueue}" en ${this.config.temporalAddress}`);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    this.logger.log('Worker detenido');
  }
}
