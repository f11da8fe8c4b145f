import { type AccountView, Accounts, type Actor, type NewAccount } from './accounts';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type MailTransport, SmtpMailTransport } from '@app/notifications';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { sendAccountMail } from './account-mail';
import { passwordLinkUrl, type PasswordLinkPurpose } from './password-links';

/** The accounts over HTTP: the same use cases as `npm run users`, with the links sent by e-mail instead of printed. */
@Injectable()
export class UsersService implements OnModuleDestroy {
  readonly accounts: Accounts;
  private readonly logger = new Logger('Cuentas');
  private transport?: MailTransport;

  constructor(
    dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.accounts = new Accounts(dataSource);
  }

  async invite(actor: Actor, input: NewAccount): Promise<{ account: AccountView; invitationSent: boolean }> {
    const { account, token } = await this.accounts.create(actor, input);
    return { account, invitationSent: await this.mail(account, 'invitation', token) };
  }

  async sendReset(actor: Actor, username: string): Promise<{ account: AccountView; sent: boolean }> {
    const { account, token } = await this.accounts.passwordLink(actor, username, 'reset');
    return { account, sent: await this.mail(account, 'reset', token) };
  }

  /**
   * The public form: the answer never depends on whether the account exists (the caller answers 202 before this
   * finishes), so its time tells nothing either.
   */
  async requestReset(username: string): Promise<void> {
    const user = await this.accounts.activeByUsername(username);
    if (!user?.email) return;
    const system: Actor = { username: 'sistema:restablecer', role: 'coordinador', entidades: [] };
    const { account, token } = await this.accounts.passwordLink(system, user.username, 'reset');
    await this.mail(account, 'reset', token);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  private async mail(account: AccountView, purpose: PasswordLinkPurpose, token: string): Promise<boolean> {
    if (!account.email) return false;
    this.transport ??= new SmtpMailTransport(this.config.smtpUrl);
    try {
      await sendAccountMail(this.transport, {
        purpose,
        to: { name: account.nombre, address: account.email },
        username: account.username,
        link: passwordLinkUrl(this.config.publicBaseUrl, token),
        from: this.config.mailFrom,
      });
      return true;
    } catch (error) {
      this.logger.warn(`No se pudo enviar el correo (${purpose}) a «${account.username}»: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
