import { SEARCH_ATTRIBUTE_TYPES } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { DemoSeedRunner, type SeedStatus } from './demo-seed.runner';

export type PartStatus = 'up' | 'down';

export interface ReadinessReport {
  readonly status: 'ready' | 'not_ready';
  readonly database: PartStatus;
  readonly temporal: PartStatus;
  readonly migrations: 'applied' | 'pending' | 'unknown';
  readonly searchAttributes: 'registered' | 'missing' | 'unknown';
  readonly seed: SeedStatus;
  /** What keeps the system from being ready, one Spanish sentence each; empty when ready. */
  readonly problems: readonly string[];
}

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
  ]);
}

/**
 * Readiness: the API answers requests as they should be answered only once PostgreSQL and Temporal are reachable,
 * the migrations are applied, Temporal knows the search attributes and the demo data (when asked for) is in.
 */
@Injectable()
export class HealthService {
  /** Once registered, search attributes stay registered: asked again only until then. */
  private searchAttributesRegistered = false;

  constructor(
    private readonly connection: Connection,
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly seed: DemoSeedRunner,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [temporal, database] = await Promise.all([this.probeTemporal(), this.probeDatabase()]);
    const [migrations, missing] = await Promise.all([
      database === 'up' ? this.migrations() : ('unknown' as const),
      temporal === 'up' ? this.missingSearchAttributes() : undefined,
    ]);
    const seed = this.seed.status();
    const problems = [
      ...(database === 'down' ? ['PostgreSQL no responde.'] : []),
      ...(temporal === 'down' ? [`Temporal no responde en ${this.config.temporalAddress}.`] : []),
      ...(migrations === 'pending' ? ['Hay migraciones de la base de datos sin aplicar.'] : []),
      ...(missing && missing.length > 0 ? [`Temporal no tiene los atributos de búsqueda ${missing.join(', ')}.`] : []),
      ...(seed === 'running' ? ['Se están cargando los datos de demostración.'] : []),
      ...(seed === 'failed' ? [`La carga de los datos de demostración falló: ${this.seed.failure()}`] : []),
    ];
    return {
      status: problems.length === 0 ? 'ready' : 'not_ready',
      database,
      temporal,
      migrations,
      searchAttributes: missing === undefined ? 'unknown' : missing.length === 0 ? 'registered' : 'missing',
      seed,
      problems,
    };
  }

  async probeTemporal(): Promise<PartStatus> {
    try {
      await this.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.connection.workflowService.getSystemInfo({}),
      );
      return 'up';
    } catch {
      return 'down';
    }
  }

  async probeDatabase(): Promise<PartStatus> {
    try {
      await withTimeout(this.dataSource.query('SELECT 1'));
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async migrations(): Promise<'applied' | 'pending' | 'unknown'> {
    try {
      return (await withTimeout(this.dataSource.showMigrations())) ? 'pending' : 'applied';
    } catch {
      return 'unknown';
    }
  }

  /** The names of SEARCH_ATTRIBUTE_TYPES Temporal does not know; undefined when it could not be asked. */
  private async missingSearchAttributes(): Promise<string[] | undefined> {
    if (this.searchAttributesRegistered) return [];
    try {
      const response = await this.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.connection.operatorService.listSearchAttributes({ namespace: this.config.temporalNamespace }),
      );
      const known = new Set(Object.keys(response.customAttributes ?? {}));
      const missing = Object.keys(SEARCH_ATTRIBUTE_TYPES).filter((name) => !known.has(name));
      this.searchAttributesRegistered = missing.length === 0;
      return missing;
    } catch {
      return undefined;
    }
  }
}
