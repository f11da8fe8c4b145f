import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONFIGURATION_VARIABLES, PROJECT_ROOT, testRunEnvironment } from '../tools/stack';

/** Source files of the API, the worker and the libraries they load (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `env.NAME`, `env['NAME']` and helpers called as `integer(env, 'NAME', …)`: how the configuration is read. */
const READ = /env(?:\.|\[['"])([A-Z][A-Z0-9_]+)|\(env, '([A-Z][A-Z0-9_]+)'/g;

function variablesRead(): Map<string, string> {
  const read = new Map<string, string>();
  for (const file of ['apps', 'libs'].flatMap((dir) => sources(join(PROJECT_ROOT, dir)))) {
    for (const match of readFileSync(file, 'utf8').matchAll(READ)) {
      const name = match[1] ?? match[2];
      if (!read.has(name)) read.set(name, relative(PROJECT_ROOT, file));
    }
  }
  return read;
}

describe("npm test's environment", () => {
  it('drops every variable the API and the worker read, so nothing exported in the shell reaches the servers', () => {
    const read = variablesRead();
    const kept = [...read.keys()].filter((name) => !(CONFIGURATION_VARIABLES as readonly string[]).includes(name));

    // The scan must find what it is meant to find, or the assertion below would pass on nothing.
    expect(read.get('DEMO_PASSWORD')).toBe('apps/api/src/config/api-config.ts');
    expect(read.get('MAIL_SWEEP_MS')).toBe('apps/worker/src/worker-config.ts');
    expect(kept.map((name) => `${name} (${read.get(name)})`)).toEqual([]);
  });

  it('drops APP_MODE, TRUST_PROXY or PROGRAMME_START exported in the shell and keeps the rest', () => {
    const env = testRunEnvironment({ APP_MODE: 'production', TRUST_PROXY: '1', PROGRAMME_START: '2026-06-01', HOME: '/root' }, 42);

    expect(env).toEqual({ HOME: '/root', COCREACION_TEST_RUN: '42', COCREACION_BUILT: '1' });
  });
});
