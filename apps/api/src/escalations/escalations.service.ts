import { AGGREGATE_UPDATES, type CommandPayload, type CommandUpdateDefinition } from '@app/contracts';
import { type AggregateKind, entidadName, type Escalation } from '@app/domain';
import { EscalationView } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { entidadWhere, type Readable, readScope } from '../auth/read-scope';
import { notFound } from '../errors/api-problem';
import { closedExerciseOr } from '../exercises/closed-exercise';
import { exerciseResourceId } from '../exercises/exercise-id.pipe';
import { WorkflowCommands } from '../temporal/workflow-commands';
import { type EscalationRef, escalationResourceId, escalationSource, parseEscalationResourceId } from './escalation-id';
import { DEFAULT_ESCALATIONS_LIMIT, type ListEscalationsQuery } from './escalations.dto';

export interface EscalationResponse {
  /** For `/api/escalations/{id}/…`. */
  readonly id: string;
  readonly streamId: string;
  readonly escalationId: string;
  /** The workflow that raised it: an exercise's stall, or the STL's vacancy or cadence. */
  readonly source: AggregateKind;
  /** `14-1` when an exercise raised it. */
  readonly exerciseId?: string;
  readonly entidad: string;
  readonly entidadName: string;
  readonly kind: string;
  readonly level: string;
  readonly status: string;
  readonly reason: string;
  readonly raisedAt: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolution: string | null;
}

const ESCALATION_NOT_FOUND = { code: 'ESCALATION_NOT_FOUND', message: 'El escalamiento no existe.' };

function present(streamId: string, escalation: Escalation): EscalationResponse {
  const source = escalationSource(streamId);
  const entidad = source?.entidad ?? streamId;
  return {
    id: escalationResourceId(`${streamId}#${escalation.id}`),
    streamId,
    escalationId: escalation.id,
    source: source?.source ?? 'exercise',
    ...(source?.source === 'exercise' && { exerciseId: exerciseResourceId(streamId) }),
    entidad,
    entidadName: source ? entidadName(source.entidad) : entidad,
    kind: escalation.kind,
    level: escalation.level,
    status: escalation.status,
    reason: escalation.reason,
    raisedAt: escalation.raisedAt,
    acknowledgedBy: escalation.acknowledgedBy ?? null,
    acknowledgedAt: escalation.acknowledgedAt ?? null,
    resolvedAt: escalation.resolvedAt ?? null,
    resolution: escalation.resolution ?? null,
  };
}

/** A projection row in the domain's shape. */
function escalationOf(row: EscalationView): Escalation {
  return {
    id: row.escalationId,
    kind: row.kind as Escalation['kind'],
    level: row.level as Escalation['level'],
    status: row.status as Escalation['status'],
    reason: row.reason,
    raisedAt: row.raisedAt.toISOString(),
    ...(row.acknowledgedBy !== null && { acknowledgedBy: row.acknowledgedBy }),
    ...(row.acknowledgedAt !== null && { acknowledgedAt: row.acknowledgedAt.toISOString() }),
    ...(row.resolvedAt !== null && { resolvedAt: row.resolvedAt.toISOString() }),
    ...(row.resolution !== null && { resolution: row.resolution }),
  };
}

@Injectable()
export class EscalationsService {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly dataSource: DataSource,
  ) {}

  /** The inbox, most recent first: only the states the caller may read (a foreign `entidad` finds nothing). */
  async list(query: ListEscalationsQuery, readable: Readable): Promise<EscalationResponse[]> {
    const scope = readScope(readable, query.entidad);
    if (!scope) return [];
    const where: FindOptionsWhere<EscalationView> = { ...entidadWhere(scope), ...(query.status && { status: query.status }) };
    const rows = await this.dataSource.getRepository(EscalationView).find({
      where,
      order: { raisedAt: 'DESC', id: 'ASC' },
      take: query.limit ?? DEFAULT_ESCALATIONS_LIMIT,
      skip: query.offset ?? 0,
    });
    return rows.map((row) => present(row.streamId, escalationOf(row)));
  }

  acknowledge(resourceId: string, actor: string): Promise<EscalationResponse> {
    return this.command(resourceId, 'AcknowledgeEscalation', (escalationId) => ({ escalationId }), actor);
  }

  resolve(resourceId: string, resolution: string, actor: string): Promise<EscalationResponse> {
    return this.command(resourceId, 'ResolveEscalation', (escalationId) => ({ escalationId, resolution }), actor);
  }

  /** Sent to the workflow that raised it (which answers the rule that refused, if one did). */
  private async command(
    resourceId: string,
    type: 'AcknowledgeEscalation' | 'ResolveEscalation',
    data: (escalationId: string) => CommandPayload['data'],
    actor: string,
  ): Promise<EscalationResponse> {
    const ref = await this.find(resourceId);
    const update = AGGREGATE_UPDATES[ref.source][type] as CommandUpdateDefinition;
    await this.commands
      .execute(ref.streamId, update, { data: data(ref.escalationId), actor }, ESCALATION_NOT_FOUND)
      .catch(async (error: unknown) => {
        throw ref.source === 'exercise' ? await closedExerciseOr(error, this.dataSource, ref.streamId) : error;
      });
    // The escalation's row as the command's own append rewrote it (read-your-writes), as the GETs show it.
    const row = await this.dataSource.getRepository(EscalationView).findOneBy({ id: ref.rowId });
    if (!row) throw notFound(ESCALATION_NOT_FOUND.code, ESCALATION_NOT_FOUND.message);
    return present(ref.streamId, escalationOf(row));
  }

  private async find(resourceId: string): Promise<EscalationRef> {
    const ref = parseEscalationResourceId(resourceId);
    const row = ref && (await this.dataSource.getRepository(EscalationView).findOne({ where: { id: ref.rowId }, select: { id: true, entidad: true } }));
    if (!ref || !row || row.entidad !== ref.entidad) throw notFound(ESCALATION_NOT_FOUND.code, ESCALATION_NOT_FOUND.message);
    return ref;
  }
}
