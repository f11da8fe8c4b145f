import { Module } from '@nestjs/common';
import { PasswordController } from './password.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController, PasswordController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
