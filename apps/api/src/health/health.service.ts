import { Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';

export type PartStatus = 'up' | 'down';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly temporal: PartStatus;
  readonly database: PartStatus;
}

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
  ]);
}

@Injectable()
export class HealthService {
  constructor(
    private readonly connection: Connection,
    private readonly dataSource: DataSource,
  ) {}

  async check(): Promise<HealthReport> {
    const [temporal, database] = await Promise.all([this.probeTemporal(), this.probeDatabase()]);
    return { status: temporal === 'up' && database === 'up' ? 'ok' : 'degraded', temporal, database };
  }

  private async probeTemporal(): Promise<PartStatus> {
    try {
      await this.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.connection.workflowService.getSystemInfo({}),
      );
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async probeDatabase(): Promise<PartStatus> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'));
      return 'up';
    } catch {
      return 'down';
    }
  }
}
