/**
 * The limit the service's trivial query is compared with: Fastify and Mercurius as installed for
 * the service, a one-field schema, no authentication, validation rules, hooks or logging. Run in
 * its own process (as the service is) on PORT, by bench/support/bare-graphql.ts. It runs on the
 * same runtime as the service, Node's AsyncResource#bind replaced as the service replaces it, and
 * compiles queries as the service does (graphql/jit.ts), so that the comparison weighs what the
 * service adds, not a runtime fix or an engine setting only one side has.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { JIT } from '../../apps/api/src/graphql/jit';
import { installLeanAsyncBind } from '../../apps/api/src/lean-async-bind';

async function main(): Promise<void> {
  installLeanAsyncBind();
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } }, path: '/graphql', jit: JIT });
  await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
  // Nothing to flush: it ends at once, whatever connections a load left open.
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
