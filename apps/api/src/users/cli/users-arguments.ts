import { type UserRole } from '@app/persistence';

export const COMMANDS = ['create', 'list', 'deactivate', 'activate', 'reset', 'set-role'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArguments {
  readonly command: Command;
  readonly options: Readonly<Record<string, string | true>>;
}

export const USAGE = `Uso: npm run users -- <orden> [opciones]
  create     --username U --role R --nombre N --email E [--entidades 14,20] [--password-stdin]
  list
  deactivate --username U
  activate   --username U
  reset      --username U            (imprime un enlace nuevo para definir la contraseña)
  set-role   --username U --role R [--entidades 14,20]
Base de datos: DATABASE_URL o, sin ella, la base embebida de npm start (debe estar en marcha).`;

/** `create --username garante-14 --role garante` → { command, options }; a problem in Spanish otherwise. */
export function parseArguments(argv: readonly string[]): ParsedArguments | { problem: string } {
  const [command, ...rest] = argv;
  if (!(COMMANDS as readonly string[]).includes(command ?? '')) return { problem: `Orden desconocida: «${command ?? ''}».` };
  const options: Record<string, string | true> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index];
    if (!flag.startsWith('--')) return { problem: `Se esperaba una opción (--nombre valor), no «${flag}».` };
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) options[flag.slice(2)] = true;
    else {
      options[flag.slice(2)] = next;
      index += 1;
    }
  }
  return { command: command as Command, options };
}

export function required(options: ParsedArguments['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`Falta --${name}.`);
  return value.trim();
}

export function entidadesOption(options: ParsedArguments['options']): string[] | undefined {
  const value = options.entidades;
  if (value === undefined) return undefined;
  if (value === true) return [];
  return value.split(',').map((code) => code.trim().padStart(2, '0')).filter(Boolean);
}

export const roleOption = (options: ParsedArguments['options']) => required(options, 'role') as UserRole;
