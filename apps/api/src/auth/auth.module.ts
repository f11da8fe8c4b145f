import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { accessTokenOptions } from './access-token-options';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DemoUsersSeeder } from './demo-users.seeder';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LOGIN_THROTTLING, LoginThrottlerGuard } from './login-throttler.guard';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => accessTokenOptions(config),
    }),
    ThrottlerModule.forRoot(LOGIN_THROTTLING),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    DemoUsersSeeder,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
