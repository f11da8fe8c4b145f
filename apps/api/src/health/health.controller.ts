import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { type HealthReport, HealthService } from './health.service';

@ApiTags('salud')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Todo funciona', example: { status: 'ok', temporal: 'up', database: 'up' } })
  @ApiServiceUnavailableResponse({
    description: 'Alguna parte no responde; se nombra cuál',
    example: { status: 'degraded', temporal: 'down', database: 'up' },
  })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.check();
    if (report.status !== 'ok') response.status(503);
    return report;
  }
}
