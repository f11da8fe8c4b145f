import { PersistenceModule } from '@app/persistence';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DashboardModule } from './dashboard/dashboard.module';
import { ProblemFilter } from './errors/problem.filter';
import { EscalationsModule } from './escalations/escalations.module';
import { ExercisesModule } from './exercises/exercises.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { OpenDataModule } from './open-data/open-data.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationalGauges } from './observability/operational-gauges';
import { StlsModule } from './stls/stls.module';
import { TemporalModule } from './temporal/temporal.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        PersistenceModule.forRoot({ url: config.databaseUrl, migrate: config.migrate }),
        TemporalModule,
        IdempotencyModule,
        AuthModule,
        HealthModule,
        ExercisesModule,
        EscalationsModule,
        OpenDataModule,
        NotificationsModule,
        StlsModule,
        DashboardModule,
        UsersModule,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemFilter },
        OperationalGauges,
      ],
      exports: [API_CONFIG],
    };
  }
}
