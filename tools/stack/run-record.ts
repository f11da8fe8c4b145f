import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ManagedProcess } from './child-process';
import { type ProcessInfo, allProcesses, commandText, listeningOn, processInfo, sameCommand, startedWith, stopGroups } from './processes';

/**
 * Every process `npm start` spawns carries `COCREACION_DATA_DIR=<data dir>` in its environment, and so do their own
 * children (the PostgreSQL server under its runner): how the next start recognises what an earlier one left behind.
 */
export const STACK_MARKER = 'COCREACION_DATA_DIR';

interface RecordedProcess {
  readonly name: string;
  readonly pid: number;
  readonly command: readonly string[];
}

/** `<data dir>/run/start.json`: what the running (or last) `npm start` started, for the next one. */
export interface RunRecordContents {
  readonly pid: number;
  readonly startedAt: string;
  processes: RecordedProcess[];
  ports: Record<string, number>;
}

/** A start that cannot go on; the message says why and what to do, in Spanish. */
export class StartRefused extends Error {}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function isStartCommand(info: ProcessInfo | undefined): boolean {
  return info !== undefined && info.command.some((part) => part.endsWith('scripts/start.ts'));
}

/** The lock (`run/start.lock`, holding the pid) and the record of one `npm start` on one data directory. */
export class RunRecord {
  private readonly lockFile: string;
  private readonly file: string;
  private readonly contents: RunRecordContents;

  private constructor(
    readonly dataDir: string,
    /** What the previous start on this data directory recorded, if anything. */
    readonly previous: RunRecordContents | undefined,
  ) {
    this.lockFile = join(dataDir, 'run/start.lock');
    this.file = join(dataDir, 'run/start.json');
    this.contents = { pid: process.pid, startedAt: new Date().toISOString(), processes: [], ports: {} };
  }

  /** Takes the data directory for this process, or refuses naming the `npm start` that has it. */
  static acquire(dataDir: string): RunRecord {
    mkdirSync(join(dataDir, 'run'), { recursive: true });
    const record = new RunRecord(dataDir, readJson<RunRecordContents>(join(dataDir, 'run/start.json')));
    record.lock();
    record.save();
    return record;
  }

  private lock(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockFile, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number(readFileSync(this.lockFile, 'utf8'));
      if (holder !== process.pid && isStartCommand(processInfo(holder))) {
        const since = this.previous?.pid === holder ? `, iniciado el ${this.previous.startedAt}` : '';
        throw new StartRefused(
          `Ya hay un npm start con la carpeta de datos ${this.dataDir}: el proceso ${holder}${since}. ` +
            `Deténgalo con Ctrl-C en su terminal (o kill ${holder}), o use otra carpeta: DATA_DIR=<otra> npm start.`,
        );
      }
      // The holder is gone (killed without a chance to clean up): the lock is stale.
      rmSync(this.lockFile, { force: true });
    }
    throw new StartRefused(`No se pudo tomar ${this.lockFile}: otro npm start la tomó a la vez; inténtelo de nuevo.`);
  }

  add(managed: ManagedProcess): void {
    if (managed.child.pid === undefined) return;
    this.contents.processes.push({ name: managed.name, pid: managed.child.pid, command: managed.command });
    this.save();
  }

  setPorts(ports: Record<string, number>): void {
    this.contents.ports = { ...this.contents.ports, ...ports };
    this.save();
  }

  /** After a complete stop: nothing left to find. */
  release(): void {
    rmSync(this.file, { force: true });
    rmSync(this.lockFile, { force: true });
  }

  private save(): void {
    writeFileSync(this.file, `${JSON.stringify(this.contents, null, 2)}\n`);
  }

  /**
   * Stops what an earlier `npm start` on this data directory left running (recorded with the same command line, or
   * carrying its marker), saying so; then refuses, naming each, if anything else holds the data or the API port.
   */
  async clearLeftovers(apiPort: number, log: (message: string) => void): Promise<void> {
    const marker = `${STACK_MARKER}=${this.dataDir}`;
    const recorded = this.previous?.processes ?? [];
    const nameOf = (info: ProcessInfo) =>
      recorded.find((entry) => entry.pid === info.pid || entry.pid === info.pgid)?.name ?? basename(info.command[0] ?? '?');
    const orphans = allProcesses().filter(
      (info) =>
        info.pid !== process.pid &&
        (recorded.some((entry) => entry.pid === info.pid && sameCommand(entry.command, info.command)) ||
          startedWith(info.pid, marker)),
    );
    if (orphans.length > 0) {
      const names = orphans.map((info) => `${nameOf(info)} (pid ${info.pid})`).join(', ');
      log(`Una ejecución anterior de npm start en ${this.dataDir} dejó procesos en marcha; se detienen: ${names}.`);
      await stopGroups([...new Set(orphans.map((info) => info.pgid))]);
      log('Procesos de la ejecución anterior detenidos.');
    }
    const problems = foreignHolders(this.dataDir, apiPort);
    if (problems.length > 0) throw new StartRefused(problems.join('\n'));
  }
}

function holdsDataDir(info: ProcessInfo, paths: readonly string[]): boolean {
  return info.command.some((arg) => paths.some((path) => arg === path || arg.startsWith(`${path}/`) || arg.endsWith(`=${path}`)));
}

/** Processes that `npm start` did not start but that hold its data (PostgreSQL, Temporal, MailDev) or the API port. */
function foreignHolders(dataDir: string, apiPort: number): string[] {
  const paths = ['postgres', 'temporal.db', 'mail'].map((name) => join(dataDir, name));
  const problems = allProcesses()
    .filter((info) => info.pid !== process.pid && holdsDataDir(info, paths))
    .map(
      (info) =>
        `El proceso ${info.pid} (${commandText(info)}) usa la carpeta de datos ${dataDir} y no lo inició este npm start: ` +
        `deténgalo (kill ${info.pid}) o use otra carpeta (DATA_DIR=<otra> npm start).`,
    );
  for (const info of listeningOn(apiPort)) {
    problems.push(
      `El puerto ${apiPort} de la API lo ocupa el proceso ${info.pid} (${commandText(info)}): ` +
        `deténgalo (kill ${info.pid}) o use otro puerto (PORT=${apiPort + 1} npm start).`,
    );
  }
  return problems;
}
