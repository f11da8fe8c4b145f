import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ASSETS } from './assets/dashboard-assets';

/** The stylesheet and the script of the board, from memory (they are compiled into the app). */
@ApiExcludeController()
@Public()
@Controller('tablero/recursos')
export class DashboardAssetsController {
  @Get(':file')
  asset(@Param('file') file: string, @Query('v') version: unknown, @Res() response: Response): void {
    const asset = Object.prototype.hasOwnProperty.call(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException();
    response.setHeader('Content-Type', asset.contentType);
    response.setHeader('Cache-Control', version === asset.version ? 'public, max-age=31536000, immutable' : 'no-cache');
    response.send(asset.body);
  }
}
