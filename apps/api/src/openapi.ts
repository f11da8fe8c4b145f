import { type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gobierno Abierto: Cocreación desde lo Local')
      .setDescription(
        'API del orquestador de los ejercicios locales de gobierno abierto (INAI): ejercicios, STL, sesiones, ' +
          'plazos, recordatorios y escalamientos. Fechas en formato AAAA-MM-DD (hora de la Ciudad de México).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
