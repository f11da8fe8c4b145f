import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { SeedService } from '../seed/seed.service';

export type SeedStatus = 'not_requested' | 'running' | 'done' | 'failed';

/**
 * `DEMO_SEED=true` (what `npm start` and the end-to-end tests set; never in production): once the API is up, load
 * the 16 STLs of 2017 into an empty system in the background, so that readiness can tell when the data is in.
 */
@Injectable()
export class DemoSeedRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');
  private state: SeedStatus;
  private error = '';

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly seed: SeedService,
  ) {
    this.state = config.seedDemoData ? 'running' : 'not_requested';
  }

  status(): SeedStatus {
    return this.state;
  }

  failure(): string {
    return this.error;
  }

  onApplicationBootstrap(): void {
    if (this.state === 'running') void this.run();
  }

  private async run(): Promise<void> {
    try {
      await this.seed.seedIfEmpty();
      this.state = 'done';
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.logger.error(`La carga de los datos de demostración falló: ${this.error}`);
    }
  }
}
