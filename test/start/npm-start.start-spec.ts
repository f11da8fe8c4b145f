import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  allProcesses,
  alive,
  freePort,
  processInfo,
  PROJECT_ROOT,
  type RunRecordContents,
  STACK_MARKER,
  startedWith,
} from '../../tools/stack';
import { until } from './support/processes';
import { Terminal, transcriptIn } from './support/terminal';
import { todayInMexicoCity } from '../support/dates';

const STOP_LIMIT_MS = 30_000;

// Each test starts the whole system (the first also loads the demo data) on a machine that may be busy.
jest.setTimeout(300_000);

function runRecord(dataDir: string): RunRecordContents {
  return JSON.parse(readFileSync(join(dataDir, 'run/start.json'), 'utf8')) as RunRecordContents;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `npm start` in a real terminal, stopped in every way a person or a process manager stops it. */
describe('npm start in a terminal', () => {
  let dir: string;
  let dataDir: string;
  let apiPort: number;
  let terminal: Terminal;

  /** What the running start left in the transcript since `from`, and what it started (from its record). */
  const startAndWaitUntilReady = async (): Promise<{ record: RunRecordContents; from: number }> => {
    const from = terminal.output().length;
    terminal.type('npm start');
    await until(
      '"El sistema está listo" and GET /api/health/ready 200',
      async () => {
        const output = terminal.output().slice(from);
        if (output.includes('No se pudo iniciar')) throw new Error(`npm start failed:\n${output.slice(-3_000)}`);
        if (!output.includes('El sistema está listo')) return undefined;
        const ready = await fetch(`http://127.0.0.1:${apiPort}/api/health/ready`).catch(() => undefined);
        return ready?.status === 200 ? true : undefined;
      },
      240_000,
    );
    return { record: runRecord(dataDir), from };
  };

  /** Every process of that start gone and every port it used free, within the limit; returns how long it took. */
  const expectAllGone = async (record: RunRecordContents): Promise<number> => {
    const since = Date.now();
    const ports = Object.values(record.ports);
    const leftovers = async () => {
      const running = allProcesses().filter((info) => startedWith(info.pid, `${STACK_MARKER}=${dataDir}`));
      if (alive(record.pid) && processInfo(record.pid)) running.push(processInfo(record.pid)!);
      const busy = [];
      for (const port of ports) if (!(await portFree(port))) busy.push(port);
      return { running: running.map((info) => `${info.pid} ${info.command.join(' ')}`), busy };
    };
    await until('no process of npm start left and its ports free', async () => {
      const left = await leftovers();
      return left.running.length === 0 && left.busy.length === 0 ? true : undefined;
    }, STOP_LIMIT_MS).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${JSON.stringify(await leftovers(), null, 2)}`);
    });
    return Date.now() - since;
  };

  const npmPid = (record: RunRecordContents) => processInfo(record.pid)!.ppid;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-npm-start-'));
    // As root, PostgreSQL runs as the "postgres" user, which must be able to reach DATA_DIR/postgres.
    chmodSync(dir, 0o755);
    dataDir = join(dir, 'data');
    apiPort = await freePort();
    terminal = new Terminal(PROJECT_ROOT, transcriptIn(dir));
    terminal.open({ DATA_DIR: dataDir, PORT: String(apiPort) });
  });

  afterAll(() => {
    terminal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second start on the same DATA_DIR, naming the first', async () => {
    const { record } = await startAndWaitUntilReady();

    const second = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()) },
      encoding: 'utf8',
    });

    expect(second.status).toBe(1);
    expect(second.stdout).toContain(`Ya hay un npm start con la carpeta de datos ${dataDir}: el proceso ${record.pid}`);
    expect(runRecord(dataDir).pid).toBe(record.pid);
  });

  it('after a crash of npm start, the next start stops what it left, says so, and becomes ready', async () => {
    const crashed = runRecord(dataDir);
    process.kill(crashed.pid, 'SIGKILL');
    const left = crashed.processes.filter((entry) => alive(entry.pid));
    expect(left.length).toBeGreaterThan(0);

    const { from, record } = await startAndWaitUntilReady();

    expect(terminal.output().slice(from)).toContain(`Una ejecución anterior de npm start en ${dataDir} dejó procesos en marcha; se detienen:`);
    expect(left.filter((entry) => alive(entry.pid) && !record.processes.some((now) => now.pid === entry.pid))).toEqual([]);
    // Ready means a command is served: on a data folder already seeded, "listo" once came while the worker still
    // bundled its workflows, and a command sent then waited 15 s and answered 500.
    const api = `http://127.0.0.1:${apiPort}`;
    const { accessToken } = (await (
      await fetch(`${api}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'coordinador', password: 'cocreacion' }),
      })
    ).json()) as { accessToken: string };
    const sentAt = Date.now();
    const started = await fetch(`${api}/api/exercises`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ entidad: '31', startedOn: todayInMexicoCity() }),
    });
    expect({ status: started.status, answeredWithinSeconds: (Date.now() - sentAt) / 1000 < 10 }).toEqual({ status: 201, answeredWithinSeconds: true });
    terminal.pressCtrlC();
    await expectAllGone(record);
  });

  it('one Ctrl-C stops everything and says "Todo detenido."', async () => {
    const { record, from } = await startAndWaitUntilReady();

    terminal.pressCtrlC();

    await expectAllGone(record);
    await until('"Todo detenido."', () => (terminal.output().slice(from).includes('Todo detenido.') ? true : undefined), 5_000);
  });

  it('a second Ctrl-C hurries a stop held up by a server that does not answer, and still stops everything', async () => {
    const { record, from } = await startAndWaitUntilReady();
    // A frozen API ignores the orderly SIGTERM, so the stop waits for it (15 s) unless the person insists; without
    // it a quick machine finished the stop before the second Ctrl-C and the hurrying went untested.
    const api = record.processes.find((entry) => entry.name === 'api')!;
    process.kill(api.pid, 'SIGSTOP');

    terminal.pressCtrlC();
    await until('"Deteniendo…"', () => (terminal.output().slice(from).includes('Deteniendo…') ? true : undefined), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    terminal.pressCtrlC();

    const stoppedWithinMs = await expectAllGone(record);
    await until('"Todo detenido."', () => (terminal.output().slice(from).includes('Todo detenido.') ? true : undefined), 5_000);
    expect(terminal.output().slice(from)).toContain('Terminando a la fuerza lo que queda (SIGKILL)…');
    expect(stoppedWithinMs).toBeLessThan(10_000);
  });

  it('SIGINT to the process group (as a process manager sends it) stops everything', async () => {
    const { record } = await startAndWaitUntilReady();

    process.kill(-processInfo(npmPid(record))!.pgid, 'SIGINT');

    await expectAllGone(record);
  });

  it('SIGTERM to npm stops everything', async () => {
    const { record, from } = await startAndWaitUntilReady();

    process.kill(npmPid(record), 'SIGTERM');

    await expectAllGone(record);
    await until('"Todo detenido."', () => (terminal.output().slice(from).includes('Todo detenido.') ? true : undefined), 5_000);
  });

  it('closing the terminal (SIGHUP) stops everything', async () => {
    const { record } = await startAndWaitUntilReady();

    terminal.close();

    await expectAllGone(record);
  });

  /** `npm start`'s script on this test's data folder and API port, run to its end. */
  const startOnTheSameFolder = () =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(apiPort) },
      encoding: 'utf8',
    });

  it('names a process it did not start that holds the data folder, with its pid and what to do', () => {
    // As a PostgreSQL started by hand on the same folder would appear: its data directory among its arguments.
    const stranger = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 120_000)', join(dataDir, 'postgres')], { stdio: 'ignore' });
    try {
      const refused = startOnTheSameFolder();

      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(`El proceso ${stranger.pid} (${process.execPath} -e`);
      expect(refused.stdout).toContain(
        `usa la carpeta de datos ${dataDir} y no lo inició este npm start: deténgalo (kill ${stranger.pid})`,
      );
      expect(alive(stranger.pid!)).toBe(true);
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('names what else holds the API port, with its pid and what to do, and starts nothing', async () => {
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(apiPort, '127.0.0.1', resolve));
    try {
      const refused = startOnTheSameFolder();

      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain(`El puerto ${apiPort} de la API lo ocupa el proceso ${process.pid} (`);
      expect(refused.stdout).toContain(`deténgalo (kill ${process.pid}) o use otro puerto (PORT=${apiPort + 1} npm start)`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
