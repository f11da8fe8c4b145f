import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** What /proc tells about a process (Linux). */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  /** Program and arguments. */
  readonly command: readonly string[];
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function processInfo(pid: number): ProcessInfo | undefined {
  const stat = read(`/proc/${pid}/stat`);
  const cmdline = read(`/proc/${pid}/cmdline`);
  if (stat === undefined || cmdline === undefined) return undefined;
  // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so count from the last ")".
  const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (state === 'Z') return undefined;
  return { pid, ppid: Number(ppid), pgid: Number(pgrp), command: cmdline.split('\0').filter(Boolean) };
}

export function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => processInfo(Number(name)))
    .filter((info): info is ProcessInfo => info !== undefined);
}

/** Whether the process was started with `entry` (`NAME=value`) in its environment. */
export function startedWith(pid: number, entry: string): boolean {
  return (read(`/proc/${pid}/environ`) ?? '').split('\0').includes(entry);
}

export function sameCommand(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export function commandText(info: ProcessInfo): string {
  const text = info.command.join(' ');
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDR:PORT in hexadecimal; state 0A is LISTEN.
      if (fields.length > 9 && fields[3] === '0A' && parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

/** The processes listening on a TCP port, found through their open sockets. */
export function listeningOn(port: number): ProcessInfo[] {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return [];
  return allProcesses().filter((info) => {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${info.pid}/fd`);
    } catch {
      return false;
    }
    return fds.some((fd) => {
      try {
        const link = readlinkSync(`/proc/${info.pid}/fd/${fd}`);
        return link.startsWith('socket:[') && inodes.has(link.slice(8, -1));
      } catch {
        return false;
      }
    });
  });
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to each process group, SIGKILL to what is left after `timeoutMs`; resolves once all are gone. */
export async function stopGroups(pgids: readonly number[], timeoutMs = 15_000): Promise<void> {
  for (const pgid of pgids) signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (pgids.some(groupAlive)) {
    if (Date.now() > deadline) for (const pgid of pgids) signalGroup(pgid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
