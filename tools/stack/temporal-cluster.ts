import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { Client } from 'pg';
// Relative on purpose, like temporal-dev-server.ts: scripts outside Nest's build load this file.
import { SEARCH_ATTRIBUTE_TYPES } from '../../libs/contracts/src/search-attributes';
import { PROJECT_ROOT, temporalCliPath, temporalServerHome } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { freePort } from './free-port';
import { type FrontDoor, startFrontDoor } from './front-door';
import { ensureDatabase } from './embedded-postgres';

const run = promisify(execFile);

/** Where the cluster keeps its state: two databases on a PostgreSQL server the caller runs. */
export interface ClusterDatabase {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

export interface TemporalClusterNode {
  readonly name: string;
  /** This node's own frontend. */
  readonly frontendAddress: string;
  /** This node's Prometheus endpoint (Temporal Server's own metrics). */
  readonly metricsUrl: string;
  readonly process: ManagedProcess;
}

export interface TemporalCluster {
  /** The front door (a TCP balancer over every node's frontend): what the API and the workers dial. */
  readonly address: string;
  readonly namespace: string;
  readonly nodes: readonly TemporalClusterNode[];
  stop(): Promise<void>;
}

export interface TemporalClusterOptions {
  readonly database: ClusterDatabase;
  /** Receives one log file per node. */
  readonly logDir: string;
  readonly nodes?: number;
  /** Extra environment for the server processes (e.g. the test run's marker is already in process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

const NAMESPACE = 'default';
/** Temporal's two databases and their schema folders under schema/postgresql/v12 of the server module. */
const DATABASES = [
  { name: 'temporal', schema: 'temporal' },
  { name: 'temporal_visibility', schema: 'visibility' },
] as const;

async function hasSchema(serverUrl: string, database: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl.replace(/\/[^/]*$/, `/${database}`) });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: string | null }>(`SELECT to_regclass('schema_version')::text AS found`);
    return rows[0].found !== null;
  } finally {
    await client.end();
  }
}

/**
 * The steps of deploy/temporal/setup-postgres.sh (the compose file's), with the same temporal-sql-tool: create each
 * database, set the schema up at 0.0, then bring it to the newest version of the module's versioned folders.
 * Idempotent: a database already set up only gets the updates it lacks.
 */
export async function applyTemporalSchemas(database: ClusterDatabase): Promise<void> {
  const { sqlTool, schemaDir } = temporalServerHome();
  const serverUrl = `postgres://${database.user}:${database.password}@${database.host}:${database.port}/postgres`;
  for (const { name, schema } of DATABASES) {
    const tool = (...args: string[]) =>
      run(sqlTool, [
        '--plugin', 'postgres12', '--endpoint', database.host, '--port', String(database.port),
        '--user', database.user, '--password', database.password, '--database', name, ...args,
      ]);
    await ensureDatabase(serverUrl, name);
    if (!(await hasSchema(serverUrl, name))) await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '-d', join(schemaDir, schema, 'versioned'));
  }
}

async function nodePorts() {
  const names = [
    'TEMPORAL_FRONTEND_PORT', 'TEMPORAL_FRONTEND_HTTP_PORT', 'TEMPORAL_FRONTEND_MEMBERSHIP_PORT',
    'TEMPORAL_HISTORY_PORT', 'TEMPORAL_HISTORY_MEMBERSHIP_PORT', 'TEMPORAL_MATCHING_PORT',
    'TEMPORAL_MATCHING_MEMBERSHIP_PORT', 'TEMPORAL_WORKER_PORT', 'TEMPORAL_WORKER_MEMBERSHIP_PORT',
    'TEMPORAL_PPROF_PORT', 'TEMPORAL_METRICS_PORT',
  ];
  const ports: Record<string, string> = {};
  for (const name of names) ports[name] = String(await freePort());
  return ports;
}

async function customSearchAttributes(address: string): Promise<Set<string>> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: NAMESPACE });
    return new Set(Object.keys(customAttributes ?? {}));
  } finally {
    await connection.close();
  }
}

/**
 * The namespace and the five search attributes, by compose's own deploy/temporal/setup-namespace.sh with the pinned
 * CLI: the cluster test runs the script a deployment runs, so a fresh cluster that it fails on fails here.
 */
async function registerNamespace(address: string): Promise<void> {
  await run('sh', [join(PROJECT_ROOT, 'deploy/temporal/setup-namespace.sh')], {
    env: { ...process.env, TEMPORAL_CLI: temporalCliPath(), TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: NAMESPACE },
  });
}

/** Until this frontend knows the namespace and its five search attributes. */
async function waitForNamespace(address: string, failFast: ManagedProcess): Promise<void> {
  await waitFor(
    `namespace ${NAMESPACE} with its search attributes on ${address}`,
    async () => {
      const existing = await customSearchAttributes(address);
      return Object.keys(SEARCH_ATTRIBUTE_TYPES).every((name) => existing.has(name)) ? true : undefined;
    },
    { failFast, timeoutMs: 90_000, intervalMs: 500 },
  );
}

/**
 * The real Temporal Server (the version `bootstrap.sh --for-cluster` builds) on PostgreSQL: the schemas applied with
 * temporal-sql-tool, then `nodes` server processes, each running all four services from
 * deploy/temporal/cluster-postgres12.yaml on its own ports, which find each other through membership and share the
 * history shards. The first node comes up and gets the namespace and the search attributes before the others start,
 * so no node serves an older view of them. Stops the nodes and the front door together.
 */
export async function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster> {
  const { server } = temporalServerHome();
  await applyTemporalSchemas(options.database);
  mkdirSync(options.logDir, { recursive: true });
  const count = options.nodes ?? 2;
  const ports = await Promise.all(Array.from({ length: count }, nodePorts));
  const frontends = ports.map((node) => `127.0.0.1:${node.TEMPORAL_FRONTEND_PORT}`);
  const nodes: TemporalClusterNode[] = [];
  let frontDoor: FrontDoor | undefined;
  const stop = async () => {
    await frontDoor?.stop();
    await Promise.all(nodes.map((node) => node.process.stop(30_000)));
  };
  const startNode = (index: number) => {
    const name = `temporal-${index + 1}`;
    const process_ = spawnManaged({
      name,
      command: server,
      args: ['--config-file', join(PROJECT_ROOT, 'deploy/temporal/cluster-postgres12.yaml'), '--allow-no-auth', 'start'],
      env: {
        ...process.env,
        ...options.env,
        ...ports[index],
        TEMPORAL_POSTGRES_ADDRESS: `${options.database.host}:${options.database.port}`,
        TEMPORAL_POSTGRES_USER: options.database.user,
        TEMPORAL_POSTGRES_PASSWORD: options.database.password,
        TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
        // Every node holds the same cluster metadata: the first node's frontend as the cluster's address.
        TEMPORAL_CLUSTER_ADDRESS: frontends[0],
        TEMPORAL_DYNAMIC_CONFIG: join(PROJECT_ROOT, 'deploy/temporal/dynamicconfig/production-sql.yaml'),
      },
      logFile: join(options.logDir, `${name}.log`),
    });
    const node = {
      name,
      logFile: join(options.logDir, `${name}.log`),
      frontendAddress: frontends[index],
      metricsUrl: `http://127.0.0.1:${ports[index].TEMPORAL_METRICS_PORT}/metrics`,
      process: process_,
    };
    nodes.push(node);
    return node;
  };
  try {
    const first = startNode(0);
    await waitForNamespaceReady(first, true);
    for (let index = 1; index < count; index += 1) await waitForNamespaceReady(startNode(index), false);
    frontDoor = await startFrontDoor(frontends);
    return { address: frontDoor.address, namespace: NAMESPACE, nodes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A node that failed to start says why in its log: the error carries its last lines. */
function withLogTail(error: unknown, logFile: string): Error {
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n') : '';
  return new Error(`${error instanceof Error ? error.message : String(error)}\n${logFile}:\n${tail}`);
}

async function waitForNamespaceReady(node: TemporalClusterNode & { readonly logFile: string }, register: boolean): Promise<void> {
  await waitForNode(node, register).catch((error: unknown) => {
    throw withLogTail(error, node.logFile);
  });
}

async function waitForNode(node: TemporalClusterNode, register: boolean): Promise<void> {
  await waitFor(
    `${node.name} at ${node.frontendAddress}`,
    async () => {
      const connection = await Connection.connect({ address: node.frontendAddress, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    },
    { failFast: node.process, timeoutMs: 120_000, intervalMs: 500 },
  );
  if (register) await registerNamespace(node.frontendAddress);
  await waitForNamespace(node.frontendAddress, node.process);
}
