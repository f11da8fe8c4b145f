import { join } from 'node:path';
import { PROJECT_ROOT } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { freePort } from './free-port';

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
  await waitFor('MailDev', async () => ((await fetch(`${webUrl}/api/healthz`)).ok ? true : undefined), {
    failFast: child,
    timeoutMs: 60_000,
  });
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, process: child, stop: () => child.stop() };
}
