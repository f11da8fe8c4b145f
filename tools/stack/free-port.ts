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

/**
 * Ports are drawn below Linux's ephemeral range (32768–60999): a port the kernel hands out for port 0 is also one it
 * hands to outgoing connections, and in the moment between this check and the server's bind one of the many
 * connections a starting system opens could take it (MailDev once exited early so). Below 32768 also suits
 * Temporal, which keeps membership ports in a smallint column.
 */
const LOW_PORTS = { from: 20_000, count: 12_000 } as const;

/** `preferred` when it is free (so defaults like 7233 keep working with other tools), otherwise any free low port. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred && !promised.has(preferred) && (await tryListen(preferred))) return promise(preferred);
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = LOW_PORTS.from + Math.floor(Math.random() * LOW_PORTS.count);
    if (!promised.has(candidate) && (await tryListen(candidate))) return promise(candidate);
  }
  throw new Error('No free TCP port below 32768 on 127.0.0.1');
}
