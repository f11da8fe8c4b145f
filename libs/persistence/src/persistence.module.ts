import { type DynamicModule, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { initializeWhenReachable } from './connect';
import { createDataSource, type DatabaseConfig } from './data-source';
import { EventStore } from './event-store/event-store';
import { runMigrations } from './migrate';

export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');

export interface PersistenceModuleOptions extends DatabaseConfig {
  /** Apply pending migrations at start-up (under an advisory lock, so concurrent starts are safe). */
  readonly migrate: boolean;
}

@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE_CONFIG, useValue: options },
        {
          provide: DataSource,
          useFactory: async () => {
            const logger = new Logger('Persistence');
            const dataSource = await initializeWhenReachable(() => createDataSource(options), {
              log: (message) => logger.warn(message),
            });
            if (options.migrate) {
              const applied = await runMigrations(dataSource);
              if (applied.length > 0) logger.log(`Migraciones aplicadas: ${applied.join(', ')}`);
            }
            return dataSource;
          },
        },
        { provide: EventStore, useFactory: (dataSource: DataSource) => new EventStore(dataSource), inject: [DataSource] },
      ],
      exports: [DataSource, EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.logger.log('Conexiones a PostgreSQL cerradas');
    }
  }
}
