import { createServer } from 'node:net';

/**
 * Ports already handed out by this process. Servers started side by side ask for their ports before any of
 * them binds (PostgreSQL's initdb alone takes seconds), so a port the kernel reports free may already be promised.
 */
const promised = new Set<number>();

function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

function promise(port: number): number {
  promised.add(port);
  return port;
}

/** `preferred` when it is free (so defaults like 7233 keep working with other tools), otherwise any free port. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred && !promised.has(preferred) && (await tryListen(preferred))) return promise(preferred);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await tryListen(0);
    if (port && !promised.has(port)) return promise(port);
  }
  throw new Error('No free TCP port on 127.0.0.1');
}

/**
 * A free port below 32768, outside Linux's ephemeral range: Temporal keeps membership ports in a smallint column,
 * which refuses the ports the kernel hands out for port 0.
 */
export async function freeLowPort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    if (!promised.has(candidate) && (await tryListen(candidate))) return promise(candidate);
  }
  throw new Error('No free TCP port below 32768 on 127.0.0.1');
}
