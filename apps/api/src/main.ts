import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { loadApiConfig } from './config/api-config';
import { setUpOpenApi } from './openapi';
import { validationPipe } from './validation/validation';

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: ['log', 'warn', 'error'],
  });
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.listen(config.port, '0.0.0.0');
  new Logger('API').log(`API escuchando en http://127.0.0.1:${config.port}/api`);
}

bootstrap().catch((error: unknown) => {
  new Logger('API').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
