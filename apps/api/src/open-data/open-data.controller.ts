import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { type OpenDataDocument, OpenDataService } from './open-data.service';

const CACHE_FIVE_MINUTES = 'public, max-age=300';

const CSV_EXAMPLE =
  'id,entidad,entidadName,number,status,currentStep,currentStepName,currentStage,currentStageName,startedOn,…\r\n' +
  '14-1,14,Jalisco,1,open,4,Mesas participativas,10,Instalación del STL,2026-03-02,…\r\n';

/** What anyone may download, without an account (DESIGN.md: anonymous = open data only). */
@ApiTags('datos abiertos')
@Public()
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('exercises.json')
  @Header('Cache-Control', CACHE_FIVE_MINUTES)
  @ApiOkResponse({ description: 'Un registro por ejercicio: entidad, paso y etapa, fechas clave y compromisos con su avance (MRI)' })
  exercisesJson(): Promise<OpenDataDocument> {
    return this.openData.exercises();
  }

  @Get('exercises.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8; header=present')
  @Header('Content-Disposition', 'attachment; filename="ejercicios-gobierno-abierto.csv"')
  @Header('Cache-Control', CACHE_FIVE_MINUTES)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'CSV (RFC 4180, UTF-8 con BOM) con encabezado: un renglón por ejercicio, con el número de compromisos por grado de avance',
    content: { 'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE } },
  })
  exercisesCsv(): Promise<string> {
    return this.openData.exercisesCsv();
  }
}
