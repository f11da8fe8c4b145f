import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const scripts = Object.entries(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
const BOOTSTRAP = /^bash scripts\/bootstrap\.sh(?: (--[a-z-]+))? && /;
const accepted = [...readFileSync(join(ROOT, 'scripts/bootstrap.sh'), 'utf8').matchAll(/^ {2}(--[a-z-]+)\)/gm)].map(([, flag]) => flag);

/** What each kind of run needs beyond the npm packages, and the bootstrap options that install it. */
const NEEDS: readonly { readonly runs: RegExp; readonly options: readonly (string | undefined)[] }[] = [
  { runs: /--selectProjects (e2e|fuzz|fault|start)\b|scripts\/start\.ts/, options: [undefined, '--for-tests', '--for-bench', '--for-browser', '--for-cluster'] },
  { runs: /--selectProjects workflow\b|bench\/|scripts\/(simulate|chaos)\.ts/, options: ['--for-tests', '--for-bench', '--for-cluster'] },
  { runs: /--selectProjects browser\b/, options: ['--for-tests', '--for-browser'] },
  { runs: /--selectProjects cluster\b|bench\/cluster\.ts/, options: ['--for-tests', '--for-cluster'] },
];

describe('every npm run script installs what it needs, as npm start and npm test do', () => {
  it.each(scripts)('%s starts with scripts/bootstrap.sh, with an option it knows', (_name, command) => {
    const bootstrap = BOOTSTRAP.exec(command);
    expect(bootstrap).not.toBeNull();
    const option = bootstrap![1];
    if (option !== undefined) expect(accepted).toContain(option);
  });

  it.each(scripts)('%s asks bootstrap for the servers and browser it runs', (_name, command) => {
    const option = BOOTSTRAP.exec(command)?.[1];
    for (const need of NEEDS.filter(({ runs }) => runs.test(command))) expect(need.options).toContain(option);
  });

  it('knows the options the scripts use', () => {
    expect(accepted).toEqual(expect.arrayContaining(['--packages', '--for-tests', '--for-bench', '--for-browser', '--for-cluster']));
  });
});
