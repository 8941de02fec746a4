// `npm run test:eventstoredb`: the EventStoreDB adapter's conformance suite against a real server.
if (!process.env.EVENTSTORE_CONNECTION_STRING) {
  console.error(
    [
      'EVENTSTORE_CONNECTION_STRING is not set: npm run test:eventstoredb runs the conformance suite against a real EventStoreDB.',
      'Start one, for example:',
      '  docker run --rm -p 2113:2113 -e EVENTSTORE_INSECURE=true -e EVENTSTORE_MEM_DB=true eventstore/eventstore:24.10.0-bookworm-slim',
      'then run:',
      '  EVENTSTORE_CONNECTION_STRING="esdb://localhost:2113?tls=false" npm run test:eventstoredb',
    ].join('\n'),
  );
  process.exit(1);
}

const { projects } = require('./jest.config.js');
const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  displayName: 'eventstoredb',
  testMatch: ['<rootDir>/libs/event-store/src/eventstoredb/**/*.real-server.spec.ts'],
  // A real server over a network answers slower than the in-process double.
  testTimeout: 30_000,
};
