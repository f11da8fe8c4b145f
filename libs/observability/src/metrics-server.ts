import { createServer, type Server } from 'node:http';
import { type Registry } from 'prom-client';

/**
 * GET /metrics of `registry` on its own port (METRICS_PORT), never the public one: the figures say how many
 * commands each state sends and which fail, which is for the operators' Prometheus, not for the Internet.
 */
export async function serveMetrics(registry: Registry, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry
      .metrics()
      .then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text))
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return server;
}

/** METRICS_PORT: unset means no metrics endpoint; anything else must be a TCP port. */
export function metricsPort(env: NodeJS.ProcessEnv, problems: string[]): number | undefined {
  const raw = env.METRICS_PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) problems.push(`METRICS_PORT must be a TCP port (got "${raw}")`);
  return port;
}
