import { processInfo } from '../../../tools/stack';

/** Polls `probe` until it gives a value; fails after `timeoutMs`, naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Whether `pid` runs under `ancestor` (a terminal's shell, npm), by the parents /proc gives. */
export function descendsFrom(pid: number, ancestor: number): boolean {
  for (let info = processInfo(pid); info !== undefined && info.ppid > 1; info = processInfo(info.ppid)) {
    if (info.ppid === ancestor) return true;
  }
  return false;
}
