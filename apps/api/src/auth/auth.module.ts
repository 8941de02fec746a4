import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthorizationGuard } from './authorization.guard';
import { ScopeLookup } from './scope-lookup';

/** Puts the permission check in front of every resolver and controller of the application. */
@Module({ providers: [ScopeLookup, { provide: APP_GUARD, useClass: AuthorizationGuard }] })
export class AuthModule {}
