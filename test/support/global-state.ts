import { type PostgresServer, type RunningSystem } from '../../tools/stack';

/** Jest runs globalSetup and globalTeardown in the same process; this is how they hand over the servers. */
interface TestServers {
  postgres?: { server: PostgresServer; dir: string };
  system?: { system: RunningSystem; dir: string };
}

const holder = globalThis as typeof globalThis & { __cocreacionTestServers?: TestServers };

export function testServers(): TestServers {
  holder.__cocreacionTestServers ??= {};
  return holder.__cocreacionTestServers;
}
