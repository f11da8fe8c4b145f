import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The API's figures (GET /metrics on METRICS_PORT), one registry per process. */
export const apiRegistry = new Registry();

export const httpRequests = new Histogram({
  name: 'cocreacion_http_request_duration_seconds',
  help: 'Duración de las solicitudes HTTP, por ruta (su plantilla), método y estado.',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [apiRegistry],
});

export const commands = new Counter({
  name: 'cocreacion_commands_total',
  help: 'Órdenes recibidas (POST, PUT, DELETE bajo /api): aceptadas, o rechazadas con su código de error.',
  labelNames: ['outcome', 'code'] as const,
  registers: [apiRegistry],
});

let readOperationalGauges: (() => Promise<void>) | undefined;

/** What fills the database gauges at each scrape (OperationalGauges). */
export function onScrape(read: () => Promise<void>): void {
  readOperationalGauges = read;
}

/** Filled on each scrape from the database, so every API instance reports the same figures. */
export const outbox = new Gauge({
  name: 'cocreacion_outbox_notifications',
  help: 'Correos de la bandeja de salida por estado: pendientes de envío, o imposibles de entregar.',
  labelNames: ['status'] as const,
  registers: [apiRegistry],
  collect: async () => {
    await readOperationalGauges?.();
  },
});

export const openEscalations = new Gauge({
  name: 'cocreacion_open_escalations',
  help: 'Escalamientos no resueltos, por nivel.',
  labelNames: ['level'] as const,
  registers: [apiRegistry],
});
