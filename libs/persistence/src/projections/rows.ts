import { type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { type QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

// Projection rows are complete entities built from domain state; their JSON columns hold domain shapes with
// open-ended records, which TypeORM's deep-partial typing cannot follow. The casts live here, once.

export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  if (rows.length > 0) await manager.insert(entity, rows as unknown as QueryDeepPartialEntity<T>[]);
}

export async function upsertRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: T,
  conflictPaths: (keyof T & string)[],
): Promise<void> {
  await manager.upsert(entity, row, conflictPaths);
}
