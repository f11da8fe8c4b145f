import { Module } from '@nestjs/common';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';

@Module({ controllers: [ExercisesController], providers: [ExercisesService, WorkflowCommands] })
export class ExercisesModule {}
