import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProcesses, alive, type ProcessInfo, PROJECT_ROOT } from '../../tools/stack';
import { descendsFrom, until } from './support/processes';
import { Terminal, transcriptIn } from './support/terminal';

const STOP_LIMIT_MS = 30_000;

// Each case bootstraps, bundles or builds, and starts its servers on a machine that may be busy.
jest.setTimeout(300_000);

const descendantsOf = (ancestor: number): ProcessInfo[] => allProcesses().filter((info) => descendsFrom(info.pid, ancestor));
const running = (infos: readonly ProcessInfo[], ending: string) => infos.some((info) => info.command.some((part) => part.endsWith(ending)));

/**
 * The other commands that start servers of their own (the simulation, the chaos run; the benchmarks share their
 * mechanism), stopped by Ctrl-C in a terminal as a person stops them: none of their servers outlives them.
 */
describe('npm run <command that starts servers>, stopped by Ctrl-C in a terminal', () => {
  let dir: string;
  let terminal: Terminal;
  let started: ProcessInfo[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-npm-run-stop-'));
    terminal = new Terminal(PROJECT_ROOT, transcriptIn(dir));
    terminal.open({});
  });

  afterEach(() => {
    // Only what this test started, if the stop under test failed to.
    for (const info of started) if (alive(info.pid)) process.kill(info.pid, 'SIGKILL');
    started = [];
  });

  afterAll(() => {
    terminal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['simulate', 'npm run simulate -- --seed 1 --states 2 --years 1', 'temporal-test-server'],
    ['chaos', 'npm run chaos -- --seed 1 --duration 60 --states 2', 'dist/apps/api/src/main.js'],
  ])('%s: one Ctrl-C stops it with every server it started', async (label, command, server) => {
    const from = terminal.output().length;
    const shell = terminal.shellPid();
    terminal.type(command);
    // PostgreSQL is the server a stop used to leave behind: it runs under its own runner, in its own process group.
    started = await until(
      `${label} to have started PostgreSQL and ${server}`,
      () => {
        const now = descendantsOf(shell);
        return running(now, 'native/bin/postgres') && running(now, server) ? now : undefined;
      },
      240_000,
    );

    terminal.pressCtrlC();

    const left = () => started.filter((info) => alive(info.pid)).map((info) => `${info.pid} ${info.command.join(' ')}`);
    await until('no process of the command left', () => (left().length === 0 ? true : undefined), STOP_LIMIT_MS).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${left().join('\n')}`);
    });
    expect(terminal.output().slice(from)).toContain(`[${label}] Todo detenido.`);
  });
});
