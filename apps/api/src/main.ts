import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { type HelmetOptions } from 'helmet';
import { JsonLogger } from '@app/observability';
import { AppModule } from './app.module';
import { loadApiConfig } from './config/api-config';
import { BOARD_HOME } from './dashboard/session/dashboard-session';
import { DASHBOARD_ROUTES_OUTSIDE_API, securityHeaders } from './dashboard/security-headers';
import { httpObservability } from './observability/http-observability';
import { setUpOpenApi } from './openapi';
import { DATE_BOUNDS } from './validation/decorators';
import { refusePrototypeKeys } from './validation/prototype-keys';
import { validationPipe } from './validation/validation';

/**
 * Helmet's defaults, with a Content Security Policy that lets Swagger UI (/api/docs) and future server-rendered
 * pages load their own scripts and styles ('self'; Swagger UI also uses inline styles and data: images), and
 * without upgrade-insecure-requests, which would break plain-HTTP deployments reached by address.
 */
const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
};

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  DATE_BOUNDS.earliest = config.programmeStart;
  if (!config.production) {
    new Logger('API').warn(
      `Modo de desarrollo (APP_MODE=development): cuentas de demostración${process.env.JWT_SECRET ? '' : ' y clave de firma de desarrollo'}; nunca en un servidor real.`,
    );
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: config.production ? new JsonLogger('api') : ['log', 'warn', 'error'],
  });
  app.use(httpObservability);
  // Behind a reverse proxy (TRUST_PROXY): the client's address for the rate limits, https for Secure cookies and links.
  app.set('trust proxy', config.trustProxy);
  // Framing only from this site, except the public boards (/tablero/publico/*) the garantes embed.
  app.use(securityHeaders(SECURITY_HEADERS));
  app.use(refusePrototypeKeys);
  app.setGlobalPrefix('api', { exclude: DASHBOARD_ROUTES_OUTSIDE_API });
  app.getHttpAdapter().getInstance().get('/', (_request, response) => response.redirect(302, BOARD_HOME));
  app.useBodyParser('json', { limit: '256kb' });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.listen(config.port, '0.0.0.0');
  new Logger('API').log(`API escuchando en http://127.0.0.1:${config.port}/api; tablero en /tablero`);
}

bootstrap().catch((error: unknown) => {
  new Logger('API').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
