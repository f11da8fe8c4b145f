import { type ExerciseWorkflowInput, type StlWorkflowInput } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** The input of every workflow the API starts: the deployment's deadline policy travels with it. */
@Injectable()
export class WorkflowInputs {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  exercise(entidad: string, number: number): ExerciseWorkflowInput {
    return { entidad, number, policy: this.config.deadlinePolicy };
  }

  stl(entidad: string): StlWorkflowInput {
    return { entidad, policy: this.config.deadlinePolicy };
  }
}
