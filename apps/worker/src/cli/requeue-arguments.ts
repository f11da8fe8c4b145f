import { isEntidad } from '@app/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RequeueArguments {
  readonly entidades?: readonly string[];
  readonly ids?: readonly string[];
}

/** `--entidad 14` and `--id <uuid>`, each repeatable; none means every undeliverable row. Problems in Spanish. */
export function parseRequeueArguments(args: readonly string[]): RequeueArguments | { readonly problem: string } {
  const entidades: string[] = [];
  const ids: string[] = [];
  for (let index = 0; index < args.length; index += 2) {
    const [flag, value] = [args[index], args[index + 1]];
    if (flag === '--entidad' && isEntidad(value)) entidades.push(value);
    else if (flag === '--id' && value !== undefined && UUID.test(value)) ids.push(value.toLowerCase());
    else if (flag === '--entidad') return { problem: `--entidad espera la clave de dos dígitos de una entidad (01 a 32), no «${value ?? ''}»` };
    else if (flag === '--id') return { problem: `--id espera el id (UUID) de un correo del outbox, no «${value ?? ''}»` };
    else return { problem: `Opción desconocida «${flag}». Uso: --entidad <01-32> y --id <uuid>, cada una repetible` };
  }
  return { ...(entidades.length > 0 && { entidades }), ...(ids.length > 0 && { ids }) };
}
