import { rmSync } from 'node:fs';
import { testServers } from './global-state';

export default async function stopTestSystem(): Promise<void> {
  const running = testServers().system;
  if (!running) return;
  await running.system.stop();
  rmSync(running.dir, { recursive: true, force: true });
}
