import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './free-port';

export interface FrontDoor {
  /** host:port the clients dial. */
  readonly address: string;
  stop(): Promise<void>;
}

/**
 * What a load balancer does in front of a Temporal cluster's frontends: each new TCP connection goes to the next
 * node in turn, skipping those that refuse it. gRPC keeps one connection open, so a client stays on its node until
 * that node dies; its reconnection then lands on a node still alive.
 */
export async function startFrontDoor(backends: readonly string[]): Promise<FrontDoor> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let next = 0;

  const connect = (client: Socket, attempt: number) => {
    if (attempt >= backends.length) {
      client.destroy();
      return;
    }
    const [host, backendPort] = backends[(next + attempt) % backends.length].split(':');
    const backend = createConnection({ host, port: Number(backendPort) });
    sockets.add(backend);
    backend.once('close', () => sockets.delete(backend));
    let connected = false;
    backend.once('error', () => {
      if (!connected) connect(client, attempt + 1);
    });
    backend.once('connect', () => {
      connected = true;
      next = (next + attempt + 1) % backends.length;
      client.pipe(backend).pipe(client);
      const end = () => {
        client.destroy();
        backend.destroy();
      };
      client.once('close', end);
      backend.once('close', end);
      client.once('error', end);
      backend.on('error', end);
    });
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.once('error', () => client.destroy());
    // Paused until a node accepts: pipe() resumes it, so no byte the client sent is lost in between.
    connect(client, 0);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    address: `127.0.0.1:${port}`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
