import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveFeed } from './live-feed';
import { LiveResolver } from './live.resolver';
import { LiveSessions } from './live-sessions';

/** Live updates: GraphQL subscriptions over WebSocket (graphql-transport-ws), fed by this instance's projector. */
@Module({
  imports: [AuthModule],
  providers: [LiveFeed, LiveSessions, LiveResolver],
  exports: [LiveSessions],
})
export class LiveModule {}
