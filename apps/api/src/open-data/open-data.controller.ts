import { applyDecorators, Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { type OpenDataDocument, OpenDataService } from './open-data.service';

/** Cached five minutes by browsers and proxies; readable by any site (CORS) and loadable across origins. */
const OpenDataHeaders = () =>
  applyDecorators(
    Header('Cache-Control', 'public, max-age=300'),
    Header('Access-Control-Allow-Origin', '*'),
    Header('Cross-Origin-Resource-Policy', 'cross-origin'),
  );

const JSON_EXAMPLE = {
  generatedAt: '2026-11-22T16:00:00.000Z',
  count: 1,
  exercises: [
    {
      id: '02-1',
      entidad: '02',
      entidadName: 'Baja California',
      number: 1,
      status: 'open',
      currentStep: 6,
      currentStepName: 'Seguimiento, monitoreo y evaluación del PAL',
      currentStage: 10,
      currentStageName: 'Instalación del STL',
      startedOn: '2026-04-23',
      lastProgressOn: '2026-11-21',
      palLaunchedOn: '2026-11-21',
      monitoringDueOn: '2027-05-21',
      monitoringCompletedOn: null,
      evaluationDueOn: '2027-11-21',
      evaluationCompletedOn: null,
      closedOn: null,
      commitments: {
        total: 1,
        launched: true,
        byCompletion: { not_started: 0, limited: 1, substantial: 0, complete: 0, withdrawn: 0 },
        items: [{ id: 'C1', title: 'Datos abiertos de obra pública', kind: 'agenda_nacional', completion: 'limited', reportedOn: '2027-01-15' }],
      },
    },
  ],
};

const CSV_EXAMPLE =
  'id,entidad,entidadName,number,status,currentStep,currentStepName,currentStage,currentStageName,startedOn,…\r\n' +
  '14-1,14,Jalisco,1,open,4,Mesas participativas,10,Instalación del STL,2026-03-02,…\r\n';

/**
 * What anyone may download, without an account (DESIGN.md: anonymous = open data only), from anywhere: a garante's
 * micrositio may fetch it from its own pages.
 */
@ApiTags('datos abiertos')
@Public()
@Controller('open-data')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('exercises.json')
  @OpenDataHeaders()
  @ApiOkResponse({
    description: 'Un registro por ejercicio: entidad, paso y etapa, fechas clave y compromisos con su avance (MRI)',
    example: JSON_EXAMPLE,
  })
  exercisesJson(): Promise<OpenDataDocument> {
    return this.openData.exercises();
  }

  @Get('exercises.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8; header=present')
  @Header('Content-Disposition', 'attachment; filename="ejercicios-gobierno-abierto.csv"')
  @OpenDataHeaders()
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
