import { rmSync } from 'node:fs';
import { testServers } from './global-state';

export default async function stopTestPostgres(): Promise<void> {
  const running = testServers().postgres;
  if (!running) return;
  await running.server.stop();
  rmSync(running.dir, { recursive: true, force: true });
}
