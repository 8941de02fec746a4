/**
 * The limit the service's trivial query is compared with: Fastify and Mercurius as installed for
 * the service, a one-field schema, no authentication, validation rules, hooks or logging. Run in
 * its own process (as the service is) on PORT, by bench/support/bare-graphql.ts.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';

async function main(): Promise<void> {
  const app = Fastify({ logger: false });
  await app.register(mercurius, { schema: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } }, path: '/graphql' });
  await app.listen({ port: Number(process.env['PORT']), host: '127.0.0.1' });
  // Nothing to flush: it ends at once, whatever connections a load left open.
  process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
