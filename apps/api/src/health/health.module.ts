import { Module } from '@nestjs/common';
import { SeedService } from '../seed/seed.service';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import { DemoSeedRunner } from './demo-seed.runner';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ controllers: [HealthController], providers: [HealthService, DemoSeedRunner, SeedService, WorkflowInputs] })
export class HealthModule {}
