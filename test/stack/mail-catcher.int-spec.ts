import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startMailCatcher } from '../../tools/stack';

jest.setTimeout(120_000);

/**
 * MailDev as `npm start` and the tests start it. A port chosen free can be taken before MailDev binds it (two starts
 * at once on one machine): the start once went on with another person's inbox answering its health check, and its
 * e-mails went there.
 */
describe('the local inbox (MailDev)', () => {
  let dir: string;
  let impostor: Server | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-maildev-'));
  });

  afterEach(async () => {
    await new Promise((resolve) => (impostor ? impostor.close(resolve) : resolve(undefined)));
    impostor = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ready once it holds both of its ports and answers', async () => {
    const inbox = await startMailCatcher({ mailDir: dir });

    expect((await fetch(`${inbox.webUrl}/api/healthz`)).ok).toBe(true);
    await inbox.stop();
  });

  it('refuses a web port another process holds, naming it, even when that process answers the health check', async () => {
    const webPort = await freePort();
    impostor = createServer((_request, response) => response.end('true'));
    await new Promise<void>((resolve) => impostor!.listen(webPort, '127.0.0.1', resolve));

    await expect(startMailCatcher({ mailDir: dir, webPort })).rejects.toThrow(
      `MailDev: el puerto ${webPort} ya lo ocupa otro proceso (pid ${process.pid}:`,
    );
  });
});
