import { join } from 'node:path';
import { PROJECT_ROOT } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { freePort } from './free-port';
import { commandText, listeningOn } from './processes';

export interface MailCatcher {
  /** What the worker sends to (`SMTP_URL`). */
  readonly smtpUrl: string;
  /** The web inbox: every e-mail the system sent, as its recipients would see it. */
  readonly webUrl: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** Where received mail is kept, so the inbox survives a restart. */
  readonly mailDir: string;
  readonly logFile?: string;
  readonly smtpPort?: number;
  readonly webPort?: number;
}

/**
 * MailDev (npm `maildev`): an SMTP server that delivers nowhere and a web inbox, both on loopback only. The
 * development default for `SMTP_URL`, so a new user sees every reminder and escalation the system sends.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const smtpPort = options.smtpPort ?? (await freePort());
  const webPort = options.webPort ?? (await freePort());
  const child = spawnManaged({
    name: 'maildev',
    command: process.execPath,
    args: [
      join(PROJECT_ROOT, 'node_modules/maildev/dist/bin/maildev.js'),
      '--smtp',
      String(smtpPort),
      '--ip',
      '127.0.0.1',
      '--web',
      String(webPort),
      '--web-ip',
      '127.0.0.1',
      '--mail-directory',
      options.mailDir,
    ],
    logFile: options.logFile,
  });
  const webUrl = `http://127.0.0.1:${webPort}`;
  // A free port may be taken between its choice and MailDev's bind (another start on the same machine): MailDev then
  // keeps running without it, and the web inbox that answers, like the SMTP server the worker would reach, is
  // someone else's. Ready means both ports held by this MailDev.
  const holders = (port: number) => listeningOn(port).map((info) => ({ port, info }));
  const foreign = await waitFor(
    'MailDev',
    async () => {
      const listening = [...holders(smtpPort), ...holders(webPort)];
      const other = listening.find(({ info }) => info.pgid !== child.child.pid);
      if (other) return other;
      const ours = [smtpPort, webPort].every((port) => listening.some((holder) => holder.port === port));
      return ours && (await fetch(`${webUrl}/api/healthz`)).ok ? null : undefined;
    },
    { failFast: child, timeoutMs: 60_000 },
  );
  if (foreign) {
    await child.stop();
    throw new Error(`MailDev: el puerto ${foreign.port} ya lo ocupa otro proceso (pid ${foreign.info.pid}: ${commandText(foreign.info)})`);
  }
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, process: child, stop: () => child.stop() };
}
