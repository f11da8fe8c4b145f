/**
 * Development only when asked for by name: `APP_MODE=development`, which only `npm start` and the tests set.
 * `NODE_ENV=production` wins over it, so the unsafe side never comes from a contradiction. The API and the worker
 * decide the same way.
 */
export function isProductionMode(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.APP_MODE !== 'development' || env.NODE_ENV === 'production';
}
