import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard } from './authorization.guard';

/** Puts the permission check in front of every resolver and controller of the application. */
@Module({ providers: [{ provide: APP_GUARD, useClass: AuthorizationGuard }] })
export class AuthModule {}
