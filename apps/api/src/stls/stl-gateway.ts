import { type CommandPayload, type CommandUpdateDefinition, type StlRequestType, type StoredEventData, stlUpdates, stlWorkflowId } from '@app/contracts';
import { type Entidad, type StlCommand } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentUpdateId } from '../idempotency/command-scope';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { stlNotFound } from './stl-problems';

/** The data of one STL command type, as the domain declares it. */
export type StlCommandData<T extends StlRequestType> = Extract<StlCommand, { type: T }>['data'];

/**
 * Sends one command to `stl/<entidad>` as its Update and answers the events it stored. A command the workflow had
 * already applied (a retry under the same Idempotency-Key, in a later run) answers none: its events are then read
 * from the log by the Update id each of them keeps.
 */
@Injectable()
export class StlGateway {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly dataSource: DataSource,
  ) {}

  async execute<T extends StlRequestType>(
    entidad: Entidad,
    type: T,
    data: StlCommandData<T>,
    actor: string,
  ): Promise<readonly StoredEventData[]> {
    const update = stlUpdates[type] as CommandUpdateDefinition;
    const payload: CommandPayload = { data, actor };
    const streamId = stlWorkflowId(entidad);
    const outcome = await this.commands.execute(streamId, update, payload, stlNotFound(entidad));
    if (outcome.events.length > 0) return outcome.events;
    const commandId = currentUpdateId();
    if (commandId === undefined) return [];
    return this.dataSource.query<StoredEventData[]>(
      "SELECT seq, type, data FROM domain_events WHERE stream_id = $1 AND metadata->>'commandId' = $2 ORDER BY seq",
      [streamId, commandId],
    );
  }

  /**
   * The place of the decision stored at `seq` among its session's decisions (1 for the first). Its content cannot
   * tell: a session may take the same decision twice, and a retry's answer must name the one its command stored.
   */
  async decisionNumber(entidad: Entidad, sessionId: string, seq: number): Promise<number> {
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      "SELECT count(*)::int AS count FROM domain_events WHERE stream_id = $1 AND type = 'DecisionRecorded' AND data->>'sessionId' = $2 AND seq <= $3",
      [stlWorkflowId(entidad), sessionId, seq],
    );
    return count;
  }
}
