/**
 * The baseline of `npm run bench:api`: the rows GET /api/exercises returns (the same SQL cut of each summary), read
 * with one raw `pg` query and sent as JSON by a bare Node HTTP server (no Nest, no TypeORM, no authentication).
 * Started by bench/api.ts in its own process, so that it does not share the load generator's event loop. Prints its
 * port on stdout.
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { EXERCISE_LIST_ITEM_JSONB_SQL } from '../apps/api/src/exercises/exercise-list';

// The same rows and fields, parsed by the driver and serialised again: the straightforward way to write it.
const LIST_QUERY = `SELECT id, ${EXERCISE_LIST_ITEM_JSONB_SQL} AS item FROM exercises ORDER BY entidad, number LIMIT $1 OFFSET 0`;
const resourceId = (workflowId: string) => workflowId.replace(/^exercise\/(\d{2})\/(\d+)$/, '$1-$2');

function main(): void {
  const limit = Number(process.env.LIST_LIMIT ?? '100');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const server = createServer((_request, response) => {
    pool
      .query<{ id: string; item: object }>(LIST_QUERY, [limit])
      .then(({ rows }) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(rows.map(({ id, item }) => ({ id: resourceId(id), workflowId: id, ...item }))));
      })
      .catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as AddressInfo).port}\n`));
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}

main();
