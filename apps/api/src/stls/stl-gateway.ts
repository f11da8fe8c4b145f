import { type CommandPayload, type CommandUpdateDefinition, type StlRequestType, stlUpdates, stlWorkflowId } from '@app/contracts';
import { type Entidad, type RegisteredStl, type StlCommand, type StlState } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { stlNotFound, stlNotFoundProblem } from './stl-problems';

/** The data of one STL command type, as the domain declares it. */
export type StlCommandData<T extends StlRequestType> = Extract<StlCommand, { type: T }>['data'];

/** Sends one command to `stl/<entidad>` as its Update and answers the folded state the workflow returns. */
@Injectable()
export class StlGateway {
  constructor(private readonly commands: WorkflowCommands) {}

  async execute<T extends StlRequestType>(
    entidad: Entidad,
    type: T,
    data: StlCommandData<T>,
    actor: string,
  ): Promise<RegisteredStl> {
    const update = stlUpdates[type] as CommandUpdateDefinition<StlState>;
    const payload: CommandPayload = { data, actor };
    const state = await this.commands.execute(stlWorkflowId(entidad), update, payload, stlNotFound(entidad));
    if (state.status === 'unregistered') throw stlNotFoundProblem(entidad);
    return state;
  }
}
