/**
 * `node dist/apps/api/src/seed/main.js`: loads the 16 STLs of 2017, each with an open exercise, into an empty
 * development system, by hand. `npm start` and the end-to-end tests instead give the API `DEMO_SEED=true`, and
 * the API loads them itself once it is up (GET /api/health/ready tells when they are in).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadApiConfig } from '../config/api-config';
import { SeedModule } from './seed.module';
import { SeedService } from './seed.service';

async function main(): Promise<void> {
  const config = loadApiConfig();
  if (config.production) {
    new Logger('Seed').log('Producción: no se siembran datos de demostración.');
    return;
  }
  const app = await NestFactory.createApplicationContext(SeedModule.forConfig(config), { logger: ['log', 'warn', 'error'] });
  try {
    await app.get(SeedService).seedIfEmpty();
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  new Logger('Seed').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
