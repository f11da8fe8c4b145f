import { type StlRequestType } from '@app/contracts';
import { type Entidad } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { type ALL_ENTIDADES } from '../auth/entidad-access';
import { type StlCommandData, StlGateway } from './stl-gateway';
import { type AdoptGovernanceMechanismDto, adoptionFrom, type RecordWorkingMeetingDto } from './stl-governance.dto';
import { StlReadModel } from './stl-read-model';
import { type StlDetailResponse, type StlResponse } from './stl-views';
import {
  type AddMemberDto,
  type AppointFacilitadorDto,
  type ChangeDecisionRuleDto,
  type CompleteRenewalDto,
  type DecideRemovalDto,
  type InstallStlDto,
  type ListStlsQuery,
  type ProposeRemovalDto,
  type ResignMemberDto,
  type SetNonWorkingDaysDto,
  type StartRenewalDto,
  type VacateFacilitadorDto,
} from './stls.dto';

/** The STL as a whole: reads from the projections; composition, rules and membership commands on `stl/<entidad>`. */
@Injectable()
export class StlsService {
  constructor(
    private readonly gateway: StlGateway,
    private readonly readModel: StlReadModel,
  ) {}

  list(query: ListStlsQuery, readable: typeof ALL_ENTIDADES | readonly Entidad[]): Promise<StlResponse[]> {
    return this.readModel.list(query, readable);
  }

  get(entidad: Entidad): Promise<StlDetailResponse> {
    return this.readModel.detail(entidad);
  }

  addMember(entidad: Entidad, dto: AddMemberDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'AddMember', dto, actor);
  }

  installStl(entidad: Entidad, dto: InstallStlDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'InstallStl', dto, actor);
  }

  appointFacilitador(entidad: Entidad, dto: AppointFacilitadorDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'AppointFacilitador', dto, actor);
  }

  vacateFacilitador(entidad: Entidad, dto: VacateFacilitadorDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'VacateFacilitador', dto, actor);
  }

  changeDecisionRule(entidad: Entidad, dto: ChangeDecisionRuleDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'ChangeDecisionRule', dto, actor);
  }

  setNonWorkingDays(entidad: Entidad, dto: SetNonWorkingDaysDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'SetNonWorkingDays', dto, actor);
  }

  resignMember(entidad: Entidad, memberId: string, dto: ResignMemberDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'ResignMember', { memberId, on: dto.on }, actor);
  }

  proposeRemoval(entidad: Entidad, memberId: string, dto: ProposeRemovalDto, actor: string): Promise<StlDetailResponse> {
    const { cause, proposedBy, proposedOn } = dto;
    return this.command(entidad, 'ProposeRemoval', { memberId, cause, proposedBy, ...(proposedOn === undefined ? {} : { proposedOn }) }, actor);
  }

  decideRemoval(entidad: Entidad, memberId: string, dto: DecideRemovalDto, actor: string): Promise<StlDetailResponse> {
    const { decision, historical, approved } = dto;
    return this.command(entidad, 'DecideRemoval', { memberId, decision, historical, approved }, actor);
  }

  adoptGovernance(entidad: Entidad, dto: AdoptGovernanceMechanismDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'AdoptGovernanceMechanism', adoptionFrom(dto), actor);
  }

  recordWorkingMeeting(entidad: Entidad, dto: RecordWorkingMeetingDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'RecordWorkingMeeting', dto, actor);
  }

  startRenewal(entidad: Entidad, dto: StartRenewalDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'RenewCivilSociety', dto, actor);
  }

  completeRenewal(entidad: Entidad, dto: CompleteRenewalDto, actor: string): Promise<StlDetailResponse> {
    return this.command(entidad, 'CompleteCivilSocietyRenewal', dto, actor);
  }

  private async command<T extends StlRequestType>(
    entidad: Entidad,
    type: T,
    data: StlCommandData<T>,
    actor: string,
  ): Promise<StlDetailResponse> {
    await this.gateway.execute(entidad, type, data, actor);
    return this.readModel.detail(entidad);
  }
}
