import { PersistenceModule, ProjectionWriter } from '@app/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { EventStoreActivitiesService } from './activities/event-store.activities';
import { TemporalWorkerService } from './temporal-worker.service';
import { type WorkerConfig } from './worker-config';
import { WORKER_CONFIG } from './worker.tokens';

@Module({})
export class WorkerModule {
  static forConfig(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot({ url: config.databaseUrl, migrate: config.migrate })],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        ProjectionWriter,
        EventStoreActivitiesService,
        TemporalWorkerService,
      ],
    };
  }
}
