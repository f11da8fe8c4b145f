import { type ExerciseSummary } from '@app/domain';

/**
 * One exercise at a glance, as GET /api/exercises lists it: the summary without what only the detail
 * (GET /api/exercises/:id) shows, the ten stages, the six steps, the escalations one by one (`openEscalations`
 * counts them) and the search attributes. A third of the bytes (bench/RESULTS.md).
 */
export type ExerciseListItem = Omit<ExerciseSummary, (typeof DETAIL_ONLY)[number]> & {
  readonly id: string;
  readonly workflowId: string;
};

const DETAIL_ONLY = ['stages', 'steps', 'escalations', 'searchAttributes'] as const;

/**
 * The cut made by PostgreSQL, with one operator so that each stored summary is read (and decompressed) once, and
 * sent as text: the API passes it through instead of parsing and serialising it again.
 */
export const EXERCISE_LIST_ITEM_JSONB_SQL = `summary - '{${DETAIL_ONLY.join(',')}}'::text[]`;
export const EXERCISE_LIST_ITEM_SQL = `(${EXERCISE_LIST_ITEM_JSONB_SQL})::text`;

export interface ExerciseListRow {
  /** The workflow id, `exercise/14/1`. */
  readonly id: string;
  /** The list item as JSON text: always a non-empty object (`{"entidad": …}`). */
  readonly item: string;
}

/** The JSON array of the page, each item led by its `id` (`14-1`) and `workflowId`, without parsing the items. */
export function listPageJson(rows: readonly ExerciseListRow[], resourceId: (workflowId: string) => string): string {
  const items = rows.map(({ id, item }) => {
    if (!item.startsWith('{') || item === '{}') throw new Error(`Resumen inesperado en la proyección de ${id}`);
    return `{"id":${JSON.stringify(resourceId(id))},"workflowId":${JSON.stringify(id)},${item.slice(1)}`;
  });
  return `[${items.join(',')}]`;
}
