import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, TOKEN_VERIFIER } from '../common/tokens';
import { AuthorizationGuard } from './authorization.guard';
import { tokenVerifierFor } from './token-verifier';

/**
 * Puts the permission check in front of every resolver and controller of the application, and
 * provides the one token verifier the HTTP path and live updates share.
 */
@Module({
  providers: [
    AuthorizationGuard,
    { provide: APP_GUARD, useExisting: AuthorizationGuard },
    { provide: TOKEN_VERIFIER, inject: [APP_CONFIG], useFactory: tokenVerifierFor },
  ],
  exports: [TOKEN_VERIFIER, AuthorizationGuard],
})
export class AuthModule {}
