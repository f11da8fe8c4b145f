import { type AccountView, type Accounts, type Actor } from '../accounts';
import { passwordLinkUrl } from '../password-links';
import { entidadesOption, type ParsedArguments, required, roleOption } from './users-arguments';

export interface CommandContext {
  readonly publicBaseUrl: string;
  readonly readPassword: () => Promise<string>;
}

const line = (account: AccountView) =>
  [
    account.username.padEnd(20),
    account.role.padEnd(12),
    (account.entidades.join(',') || 'todas').padEnd(12),
    (account.active ? 'activa' : 'inactiva').padEnd(9),
    (account.hasPassword ? '' : 'sin contraseña').padEnd(15),
    account.email ?? '(sin correo)',
  ].join(' ');

const linkMessage = (context: CommandContext, token: string) =>
  `Enlace para definir la contraseña (una sola vez, vence en 72 horas):\n${passwordLinkUrl(context.publicBaseUrl, token)}`;

/** One command of `npm run users`, as the text to print. */
export async function runCommand(accounts: Accounts, actor: Actor, parsed: ParsedArguments, context: CommandContext): Promise<string> {
  const { options } = parsed;
  switch (parsed.command) {
    case 'list':
      return (await accounts.list(actor)).map(line).join('\n') || '(ninguna cuenta)';
    case 'create': {
      const { account, token } = await accounts.create(actor, {
        username: required(options, 'username'),
        role: roleOption(options),
        nombre: required(options, 'nombre'),
        email: required(options, 'email'),
        entidades: entidadesOption(options),
      });
      if (options['password-stdin'] !== true) return `Cuenta creada: ${line(account)}\n${linkMessage(context, token)}`;
      await accounts.setPasswordFromLink(token, await context.readPassword());
      return `Cuenta creada con la contraseña recibida: ${line(account)}`;
    }
    case 'deactivate':
    case 'activate': {
      const account = await accounts.update(actor, required(options, 'username'), { active: parsed.command === 'activate' });
      return `${parsed.command === 'activate' ? 'Activada' : 'Desactivada (sus sesiones terminaron)'}: ${line(account)}`;
    }
    case 'reset': {
      const { account, token } = await accounts.passwordLink(actor, required(options, 'username'), 'reset');
      return `${line(account)}\n${linkMessage(context, token)}`;
    }
    case 'set-role': {
      const account = await accounts.update(actor, required(options, 'username'), {
        role: roleOption(options),
        ...(options.entidades !== undefined && { entidades: entidadesOption(options) }),
        ...(options.entidades === undefined && roleOption(options) === 'coordinador' && { entidades: [] }),
      });
      return `Rol cambiado (sus sesiones terminaron): ${line(account)}`;
    }
    default: {
      const unknown: never = parsed.command;
      throw new Error(`Orden desconocida: ${String(unknown)}`);
    }
  }
}
