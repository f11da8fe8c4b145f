import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AccountPagesController } from './account-pages.controller';
import { DashboardAssetsController } from './dashboard-assets.controller';
import { DashboardPagesController } from './dashboard-pages.controller';
import { DashboardSessionController } from './dashboard-session.controller';
import { PublicBoardController } from './public-board.controller';
import { DashboardReader } from './read-model/dashboard-reader';

/** The coordinators' board: server-rendered Spanish pages under /tablero (outside the /api prefix; see main.ts). */
@Module({
  imports: [AuthModule, UsersModule, NotificationsModule],
  controllers: [AccountPagesController, DashboardSessionController, DashboardAssetsController, PublicBoardController, DashboardPagesController],
  providers: [DashboardReader],
})
export class DashboardModule {}
