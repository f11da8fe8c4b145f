import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../tools/stack';
import { CREDENTIAL_PATHS } from './support/openapi';
import { FUZZ_SEED } from './support/runner';
import { fuzzApiUrl, loginAs } from './support/session';

/**
 * schemathesis (PyPI, pinned in scripts/bootstrap.sh, installed in the project's virtualenv) against the running
 * system's /api/docs-json, signed in as coordinador: examples, coverage, fuzzing and stateful phases.
 *
 * Checks: no 5xx (not_a_server_error), and every response that the document describes matches it: body schema,
 * content type and headers. Not status_code_conformance: the document lists each route's typical answers, and the
 * API may also answer 400/404/413/415 to anything malformed (docs/DESIGN.md), which the fast-check fuzz covers.
 *
 * Bounded: 10 examples per operation in the fuzzing phase and a fixed seed (about 3 000 requests, ~45 s here). No
 * --max-time: in this version it is a budget that fuzzing repeats to fill, not a cap; the cap is BUDGET_MS below.
 *
 * The credential routes (CREDENTIAL_PATHS) are left out: they share a limit of 60 a minute per address, so
 * schemathesis would get 429s and lock the other fuzz file out of signing in, and logout would end its session.
 */
const SCHEMATHESIS = process.env.SCHEMATHESIS_PATH ?? join(PROJECT_ROOT, '.tools/venv/bin/schemathesis');
const BUDGET_MS = 150_000;
const CHECKS = ['not_a_server_error', 'response_schema_conformance', 'content_type_conformance', 'response_headers_conformance'];

function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost', PYTHONUNBUFFERED: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      output += `\n[schemathesis took longer than its ${BUDGET_MS / 1000} s budget and was stopped]\n`;
      child.kill('SIGTERM');
    }, BUDGET_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? 'unknown', output });
    });
  });
}

describe('schemathesis against /api/docs-json', () => {
  const apiUrl = fuzzApiUrl();
  let workDir: string;

  beforeAll(() => {
    // Its reports and example database stay out of the repository.
    workDir = mkdtempSync(join(tmpdir(), 'cocreacion-schemathesis-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it(
    'finds no server error and no documented response that breaks the document',
    async () => {
      if (!existsSync(SCHEMATHESIS)) {
        throw new Error(`${SCHEMATHESIS} is missing: run scripts/bootstrap.sh --for-tests (or set SCHEMATHESIS_PATH)`);
      }
      const token = await loginAs(apiUrl, 'coordinador');
      const { code, output } = await run(
        SCHEMATHESIS,
        [
          'run',
          `${apiUrl}/api/docs-json`,
          '--header',
          `Authorization: Bearer ${token}`,
          '--checks',
          CHECKS.join(','),
          ...CREDENTIAL_PATHS.flatMap((path) => ['--exclude-path', path]),
          '--max-examples',
          '10',
          '--seed',
          String(FUZZ_SEED),
          '--workers',
          '1',
          '--request-timeout',
          '30',
          '--generation-database',
          'none',
          '--no-color',
        ],
        workDir,
      );

      if (code !== 0) throw new Error(`schemathesis exited with ${code}:\n${output}`);
      expect(output).toMatch(/Operations:\s+\d+ selected/);
      const summary = [/Operations:\s+(.*)/, /(\d+ generated.*)/, /=+ (.* in [\d.]+s) =+/].map((line) => line.exec(output)?.[1]?.trim());
      console.log(`schemathesis (seed ${FUZZ_SEED}): ${summary.filter(Boolean).join(' · ')}`);
    },
    BUDGET_MS + 30_000,
  );
});
