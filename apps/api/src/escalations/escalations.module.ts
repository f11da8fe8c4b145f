import { Module } from '@nestjs/common';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { EscalationHandlerGuard } from './escalation-access.guard';
import { EscalationsController } from './escalations.controller';
import { EscalationsService } from './escalations.service';

@Module({ controllers: [EscalationsController], providers: [EscalationsService, EscalationHandlerGuard, WorkflowCommands] })
export class EscalationsModule {}
