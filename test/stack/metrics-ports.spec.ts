import { metricsPortsFrom } from '../../tools/stack/system';

/** `METRICS_PORT=9418 npm start` once killed the API: the worker, started first, had taken 9418 (EADDRINUSE). */
describe('METRICS_PORT under npm start', () => {
  it('gives the API the port and the worker the next one, never the same', () => {
    expect(metricsPortsFrom('9418')).toEqual({ api: 9418, worker: 9419 });
  });

  it('leaves unset, and values that are no port pair, to the processes’ own configuration check', () => {
    for (const value of [undefined, '', 'abc', '0', '-1', '9418.5', '65535', '70000']) expect(metricsPortsFrom(value)).toBeUndefined();
  });
});
