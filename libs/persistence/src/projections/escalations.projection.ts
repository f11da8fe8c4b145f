import { type Escalation } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { EscalationView } from '../entities/escalation-view.entity';
import { insertRows } from './rows';

/** One escalation's row. */
export function escalationRow(streamId: string, entidad: string, escalation: Escalation): EscalationView {
  return Object.assign(new EscalationView(), {
    id: `${streamId}#${escalation.id}`,
    streamId,
    escalationId: escalation.id,
    entidad,
    kind: escalation.kind,
    level: escalation.level,
    status: escalation.status,
    reason: escalation.reason,
    raisedAt: new Date(escalation.raisedAt),
    acknowledgedBy: escalation.acknowledgedBy ?? null,
    acknowledgedAt: escalation.acknowledgedAt ? new Date(escalation.acknowledgedAt) : null,
    resolvedAt: escalation.resolvedAt ? new Date(escalation.resolvedAt) : null,
    resolution: escalation.resolution ?? null,
  });
}

/** Replaces the stream's escalation rows with the ones in its folded state. */
export async function projectEscalations(
  manager: EntityManager,
  streamId: string,
  entidad: string,
  escalations: readonly Escalation[],
): Promise<void> {
  await manager.delete(EscalationView, { streamId });
  await insertRows(
    manager,
    EscalationView,
    escalations.map((escalation) => escalationRow(streamId, entidad, escalation)),
  );
}
