import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { type ReadinessReport, HealthService } from './health.service';

const READY_EXAMPLE: ReadinessReport = {
  status: 'ready',
  database: 'up',
  temporal: 'up',
  migrations: 'applied',
  searchAttributes: 'registered',
  seed: 'done',
  problems: [],
};

@ApiTags('salud')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process answers. A restart would not bring back PostgreSQL or Temporal; readiness names them. */
  @Get()
  @ApiOkResponse({ description: 'El proceso de la API responde', example: { status: 'ok' } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Listo: PostgreSQL y Temporal responden, migraciones, atributos de búsqueda y datos de demostración listos', example: READY_EXAMPLE })
  @ApiServiceUnavailableResponse({
    description: 'Aún no está listo, o alguna parte no responde: se nombra cuál',
    example: { ...READY_EXAMPLE, status: 'not_ready', temporal: 'down', searchAttributes: 'unknown', problems: ['Temporal no responde en 127.0.0.1:7233.'] },
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    if (report.status !== 'ready') response.status(503);
    return report;
  }
}
