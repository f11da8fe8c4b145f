import { PersistenceModule } from '@app/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { TemporalModule } from '../temporal/temporal.module';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import { SeedService } from './seed.service';

@Module({})
export class SeedModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: SeedModule,
      imports: [PersistenceModule.forRoot({ url: config.databaseUrl, migrate: config.migrate }), TemporalModule],
      providers: [{ provide: API_CONFIG, useValue: config }, WorkflowInputs, SeedService],
      exports: [API_CONFIG],
      global: true,
    };
  }
}
