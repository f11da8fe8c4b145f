import { serveMetrics } from '@app/observability';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Server } from 'node:http';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { apiRegistry, onScrape, openEscalations, outbox } from './api-metrics';

/**
 * The metrics endpoint (METRICS_PORT) and the gauges read from the database at each scrape: the outbox's pending and
 * undeliverable e-mails and the open escalations by level. A failed read leaves the gauges as they were; the
 * scrape still answers.
 */
@Injectable()
export class OperationalGauges implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.metricsPort === undefined) return;
    const read = async () => {
      try {
        const outboxRows = await this.dataSource.query<{ status: string; n: string }[]>(
          `SELECT status, count(*) AS n FROM notifications WHERE status IN ('pending', 'undeliverable') GROUP BY status`,
        );
        const escalationRows = await this.dataSource.query<{ level: string; n: string }[]>(
          `SELECT level, count(*) AS n FROM escalations WHERE status <> 'resuelta' GROUP BY level`,
        );
        outbox.reset();
        for (const status of ['pending', 'undeliverable']) outbox.set({ status }, Number(outboxRows.find((row) => row.status === status)?.n ?? 0));
        openEscalations.reset();
        for (const row of escalationRows) openEscalations.set({ level: row.level }, Number(row.n));
      } catch {
        // The database is down: /api/health/ready says so; the metrics keep their last values.
      }
    };
    onScrape(read);
    this.server = await serveMetrics(apiRegistry, this.config.metricsPort);
    new Logger('Metrics').log(`Métricas en http://127.0.0.1:${this.config.metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
