import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type BundleOptions } from '@temporalio/worker';

/** The repository root, from the sources (`apps/worker/src`) as well as from the build (`dist/apps/worker/src`). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`nest-cli.json not found above ${from}`);
    dir = parent;
  }
  return dir;
}

const LIBRARIES_IN_WORKFLOWS = ['domain', 'contracts', 'workflows'] as const;

/** The workflows' entry point, compiled by the Temporal bundler (webpack + swc) from TypeScript. */
export function workflowsPath(root = projectRoot()): string {
  return join(root, 'libs/workflows/src/index.ts');
}

/** Bundled with the workflows: they pass the API's request id on to the activities (libs/workflows). */
export function workflowInterceptorModules(root = projectRoot()): string[] {
  return [join(root, 'libs/workflows/src/request-id.interceptors.ts')];
}

/**
 * Webpack does not read tsconfig paths: the `@app/*` aliases are configured here, once, for every bundle
 * (worker in development, tests, replay, and the ahead-of-time bundle for production).
 */
export function workflowBundlerOptions(root = projectRoot()): Pick<BundleOptions, 'webpackConfigHook'> {
  const alias = Object.fromEntries(
    LIBRARIES_IN_WORKFLOWS.map((name) => [`@app/${name}`, resolve(root, `libs/${name}/src`)]),
  );
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object | undefined), ...alias } },
    }),
  };
}
