import { type Entidad, ENTIDAD_CODES } from '@app/domain';

/**
 * The 32 INEGI codes in order, "01" to "32". ENTIDAD_CODES comes from an object's keys, and JavaScript lists keys
 * that look like array indices ("10"…"32") before the others ("01"…"09"), so it is not in that order.
 */
export const ENTIDADES_EN_ORDEN: readonly Entidad[] = [...ENTIDAD_CODES].sort();
