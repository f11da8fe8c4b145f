import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { commandableEntidades } from '../auth/entidad-access';
import { EntidadAccess, entidadFrom } from '../auth/entidad-access.guard';
import { ApiAuthenticated } from '../auth/public.decorator';
import { ListNotificationsQuery, NotificationDto } from './notifications.dto';
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
}
