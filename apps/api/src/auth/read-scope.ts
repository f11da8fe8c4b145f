import { type Entidad } from '@app/domain';
import { In } from 'typeorm';
import { ALL_ENTIDADES } from './entidad-access';

/** The states an account may read, as `readableEntidades` gives them. */
export type Readable = typeof ALL_ENTIDADES | readonly Entidad[];

/** Which states a per-state read may return rows of: `undefined` for every state. */
export interface ReadScope {
  readonly entidades?: readonly string[];
}

/**
 * The one way a per-state read is narrowed: the states the account may read, cut to the one it asked for. `null`
 * when nothing can match (an account that reads no state, or a foreign state asked for), so the read answers an
 * empty list without querying. Every GET that lists rows of several states goes through it (the authorisation
 * matrix, test/authorization-matrix.e2e-spec.ts, has a row for every GET of the API).
 */
export function readScope(readable: Readable, requested?: string): ReadScope | null {
  if (readable === ALL_ENTIDADES) return requested ? { entidades: [requested] } : {};
  const entidades = requested ? readable.filter((entidad) => entidad === requested) : readable;
  return entidades.length === 0 ? null : { entidades };
}

/** The scope as a TypeORM `where` on an `entidad` column. */
export function entidadWhere(scope: ReadScope): { entidad?: string | ReturnType<typeof In<string>> } {
  const { entidades } = scope;
  if (entidades === undefined) return {};
  return { entidad: entidades.length === 1 ? entidades[0] : In([...entidades]) };
}
