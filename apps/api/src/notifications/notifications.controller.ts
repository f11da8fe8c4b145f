import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { commandableEntidades } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { ApiProblem } from '../errors/api-problem';
import { ListNotificationsQuery, NotificationDto, RequeuedNotificationsDto, RequeueNotificationsDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notificaciones')
@ApiAuthenticated()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The outbox holds people's e-mail addresses: only those who act for a state see it, not every integrante. */
  @Get()
  @EntidadAccess('command', entidadFrom.query('entidad'))
  @ApiOkResponse({
    type: [NotificationDto],
    description: 'Recordatorios y escalamientos por correo: destinatario, estado, intentos y el motivo si no salió',
  })
  list(@Query() query: ListNotificationsQuery, @CurrentUser() user: AuthenticatedUser): Promise<NotificationDto[]> {
    return this.notifications.list(query, commandableEntidades(user));
  }

  /**
   * After the cause is fixed (SMTP credentials, the sender): the undeliverable rows with an address go out again,
   * each at most once. The coordinación's, since SMTP settings are the deployment's, not a state's.
   */
  @Post('requeue')
  @HttpCode(200)
  @ApiOkResponse({ type: RequeuedNotificationsDto, description: 'Correos no entregados en cola de nuevo; una segunda vez no encuentra ninguno' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_ROLE: solo la coordinación' })
  requeue(@Body() body: RequeueNotificationsDto, @CurrentUser() user: AuthenticatedUser): Promise<RequeuedNotificationsDto> {
    if (user.role !== 'coordinador') {
      throw new ApiProblem(403, 'FORBIDDEN_ROLE', 'Reenviar los correos no entregados corresponde a la coordinación.');
    }
    return this.notifications.requeue(body.entidad, user.username);
  }
}
