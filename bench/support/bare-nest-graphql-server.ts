/**
 * Nest 11 with its Fastify adapter and Mercurius driver, a one-field schema built code first, and
 * nothing of the service's (no authentication, validation rules, hooks or logging): what the
 * framework the service is built on costs a `{ __typename }` by itself. Same runtime settings as
 * the bare Fastify + Mercurius server (bare-graphql-server.ts).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { JIT } from '../../apps/api/src/graphql/jit';
import { installLeanAsyncBind } from '../../apps/api/src/lean-async-bind';

@Resolver()
class OkResolver {
  @Query(() => Boolean)
  ok(): boolean {
    return true;
  }
}

@Module({
  imports: [GraphQLModule.forRoot<MercuriusDriverConfig>({ driver: MercuriusDriver, autoSchemaFile: true, path: '/graphql', graphiql: false, jit: JIT })],
  providers: [OkResolver],
})
class BareModule {}

async function main(): Promise<void> {
  installLeanAsyncBind();
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter({ logger: false, skipMiddie: true }), { logger: false });
  await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
