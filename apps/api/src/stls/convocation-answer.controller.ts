import { Body, Controller, Get, Logger, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Response } from 'express';
import { Public } from '../auth/public.decorator';
import { sendPage } from '../dashboard/dashboard-page.filter';
import { convocationAnswerView, convocationLinkProblemView } from '../dashboard/views/convocation-answer.view';
import { ApiProblem } from '../errors/api-problem';
import { ConvocationAnswers } from './convocation-answers.service';

/**
 * `/tablero/convocatoria/<token>`: the page a convened person reaches from the e-mail, with no account. GET shows
 * it; POST (its two buttons, a plain form) answers. Errors are pages in Spanish, never a sign-in form nor a 500.
 */
@ApiExcludeController()
@Public()
@Controller('tablero/convocatoria')
export class ConvocationAnswerController {
  private readonly logger = new Logger('Convocatoria');

  constructor(private readonly answers: ConvocationAnswers) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    await this.render(response, async () => convocationAnswerView(await this.answers.open(token)));
  }

  @Post(':token')
  async answer(@Param('token') token: string, @Body() body: unknown, @Res() response: Response): Promise<void> {
    const answer = typeof body === 'object' && body !== null ? (body as { respuesta?: unknown }).respuesta : undefined;
    await this.render(response, async () => convocationAnswerView(await this.answers.answer(token, answer), true));
  }

  private async render(response: Response, view: () => Promise<ReturnType<typeof convocationAnswerView>>): Promise<void> {
    try {
      sendPage(response, 200, await view());
    } catch (error) {
      if (error instanceof ApiProblem && error.getStatus() < 500) {
        return sendPage(response, error.getStatus(), convocationLinkProblemView(error.getStatus(), error.body.message));
      }
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      sendPage(response, 503, convocationLinkProblemView(503, 'No pudimos registrar su respuesta en este momento; intente de nuevo en unos minutos.'));
    }
  }
}
