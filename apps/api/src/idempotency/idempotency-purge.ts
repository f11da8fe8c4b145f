import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyKeys } from './idempotency-keys';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes expired keys at start-up and every hour; several API processes purging at once do no harm. */
@Injectable()
export class IdempotencyPurge implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;

  constructor(private readonly keys: IdempotencyKeys) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      const deleted = await this.keys.purgeExpired();
      if (deleted > 0) this.logger.log(`Claves de idempotencia vencidas borradas: ${deleted}`);
    } catch (error) {
      // PostgreSQL unreachable now: the next round tries again.
      this.logger.warn(`No se pudieron borrar las claves de idempotencia vencidas: ${String(error)}`);
    }
  }
}
