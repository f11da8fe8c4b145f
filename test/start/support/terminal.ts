import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real terminal for the tests of `npm start`: an interactive bash in a tmux pane (its own tmux server, on a
 * private socket), keys typed as a person types them, and everything the pane shows copied to a file.
 */
export class Terminal {
  private readonly socket = `cocreacion-start-${process.pid}-${Date.now()}`;
  private readonly session = 'npm-start';

  constructor(
    private readonly cwd: string,
    private readonly transcript: string,
  ) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Opens the terminal; `env` holds what the person exported in their shell. */
  open(env: Record<string, string>): void {
    const exports = Object.entries(env).map(([name, value]) => `${name}=${value}`);
    this.tmux('new-session', '-d', '-s', this.session, '-x', '200', '-y', '50', '-c', this.cwd, 'env', ...exports, 'bash', '--norc', '-i');
    this.tmux('pipe-pane', '-t', this.session, '-o', `cat >> '${this.transcript}'`);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', this.session, '-l', text);
    this.tmux('send-keys', '-t', this.session, 'Enter');
  }

  pressCtrlC(): void {
    this.tmux('send-keys', '-t', this.session, 'C-c');
  }

  /** The pid of the interactive bash, whose child is the foreground job. */
  shellPid(): number {
    return Number(this.tmux('display-message', '-p', '-t', this.session, '#{pane_pid}').trim());
  }

  /** Closes the terminal as a person closes its window: the kernel hangs up the pane (SIGHUP). */
  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already closed.
    }
    // A killed tmux server leaves its socket file behind.
    rmSync(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, this.socket), { force: true });
  }

  output(): string {
    return existsSync(this.transcript) ? readFileSync(this.transcript, 'utf8') : '';
  }
}

export function transcriptIn(dir: string): string {
  return join(dir, 'terminal.log');
}
