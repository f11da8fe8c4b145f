import { Module } from '@nestjs/common';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { WorkflowInputs } from '../temporal/workflow-inputs';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';
import { PalController } from './pal.controller';

@Module({ controllers: [ExercisesController, PalController], providers: [ExercisesService, WorkflowCommands, WorkflowInputs] })
export class ExercisesModule {}
