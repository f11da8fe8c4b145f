import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@app/observability';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadWorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const jsonLogger = config.jsonLogs ? new JsonLogger('worker') : undefined;
  // Once, before the first connection: the SDK's runtime holds the metrics exporter and the logger of the workflows
  // and activities.
  if (jsonLogger || config.metricsPort !== undefined) {
    Runtime.install({
      ...(jsonLogger ? { logger: new DefaultLogger('INFO', (entry) => jsonLogger.temporal(entry.level, entry.message, entry.meta)) } : {}),
      ...(config.metricsPort === undefined
        ? {}
        : { telemetryOptions: { metrics: { prometheus: { bindAddress: `0.0.0.0:${config.metricsPort}` } } } }),
    });
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), {
    logger: jsonLogger ?? ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
