import { type Entidad } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiAuthenticated } from '../auth/public.decorator';
import { IdempotentCommand } from '../idempotency/idempotent-command.decorator';
import { EntidadParamPipe, IdentifierParamPipe } from './stl-validation';
import { type StlDetailResponse } from './stl-views';
import { AddMemberDto, DecideRemovalDto, ProposeRemovalDto, ResignMemberDto } from './stls.dto';
import { StlsService } from './stls.service';
import { OnStl } from './stl-routes';

const MEMBER_ID = { name: 'memberId', description: 'Identificador del integrante', example: '14-sociedadcivil-1' };
const NEW_STATE = 'El nuevo estado del STL: resumen, integrantes, sesiones y escalamientos abiertos';

/** Membership over time: joining, resignation and succession, removal (MG cap. III). */
@ApiTags('stl')
@ApiAuthenticated()
@Controller('stls/:entidad/members')
export class StlMembersController {
  constructor(private readonly stls: StlsService) {}

  @Post()
  @IdempotentCommand()
  @OnStl('command')
  @ApiCreatedResponse({ description: `Integrante incorporado (titular, suplente, enlace o invitado). ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'DUPLICATE_MEMBER, SEAT_NOT_FOUND, SECTOR_NOT_DECLARED…' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE, SECTOR_MISMATCH, INVALID_VOTE_CAPACITY…' })
  add(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Body() body: AddMemberDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.addMember(entidad, body, user.username);
  }

  @Post(':memberId/resign')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiParam(MEMBER_ID)
  @ApiOkResponse({ description: `Renuncia; un titular con suplente lo deja como titular y se abre la vacante. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'UNKNOWN_MEMBER' })
  @ApiUnprocessableEntityResponse({ description: 'DATE_IN_FUTURE' })
  resign(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('memberId', new IdentifierParamPipe('memberId')) memberId: string,
    @Body() body: ResignMemberDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.resignMember(entidad, memberId, body, user.username);
  }

  @Post(':memberId/removal/propose')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiParam(MEMBER_ID)
  @ApiOkResponse({ description: `Propuesta de remoción (probidad, incumplimiento de normas, afectación al PAL). ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'UNKNOWN_MEMBER, REMOVAL_ALREADY_PROPOSED, STL_NOT_INSTALLED' })
  proposeRemoval(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('memberId', new IdentifierParamPipe('memberId')) memberId: string,
    @Body() body: ProposeRemovalDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.proposeRemoval(entidad, memberId, body, user.username);
  }

  @Post(':memberId/removal/decide')
  @IdempotentCommand()
  @OnStl('command')
  @HttpCode(200)
  @ApiParam(MEMBER_ID)
  @ApiOkResponse({ description: `Remoción decidida en una sesión posterior con quórum; aprobada, sigue la sucesión. ${NEW_STATE}` })
  @ApiNotFoundResponse({ description: 'STL_NOT_FOUND, SESSION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REMOVAL_NOT_PROPOSED, REMOVAL_NOT_AT_LATER_SESSION, NO_QUORUM, ATTENDANCE_NOT_RECORDED' })
  decideRemoval(
    @Param('entidad', EntidadParamPipe) entidad: Entidad,
    @Param('memberId', new IdentifierParamPipe('memberId')) memberId: string,
    @Body() body: DecideRemovalDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StlDetailResponse> {
    return this.stls.decideRemoval(entidad, memberId, body, user.username);
  }
}
