import { ConfigError, loadConfig } from './app-config';

const refusal = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(Object.keys(env))}`);
};

describe('the EventStoreDB settings in the configuration', () => {
  const connectionString = 'esdb://admin:s3cret@node1:2113,node2:2113?tls=true';

  it('selects EventStoreDB with a connection string, and a deadline of 5 s unless told otherwise', () => {
    expect(loadConfig({ PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString })).toMatchObject({
      eventStore: 'eventstoredb',
      eventStoreDb: { connectionString, deadlineMs: 5000 },
    });
    expect(
      loadConfig({ PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://cluster.example:2113', PMO_EVENTSTORE_DEADLINE_MS: '1500' })
        .eventStoreDb,
    ).toEqual({ connectionString: 'esdb+discover://cluster.example:2113', deadlineMs: 1500 });
    expect(loadConfig({}).eventStoreDb).toBeNull();
  });

  it('requires the connection string with eventstoredb', () => {
    expect(refusal({ PMO_EVENT_STORE: 'eventstoredb' }).message).toMatch(/^EVENTSTORE_CONNECTION_STRING: not set, but PMO_EVENT_STORE=eventstoredb needs it/);
  });

  it.each([['sqlite'], ['memory'], ['']])('refuses the EventStoreDB variables with PMO_EVENT_STORE=%s', (store) => {
    expect(refusal({ PMO_EVENT_STORE: store, EVENTSTORE_CONNECTION_STRING: connectionString }).message).toMatch(
      /^EVENTSTORE_CONNECTION_STRING: applies only to PMO_EVENT_STORE=eventstoredb/,
    );
    expect(refusal({ PMO_EVENT_STORE: store, PMO_EVENTSTORE_DEADLINE_MS: '2000' }).message).toMatch(
      /^PMO_EVENTSTORE_DEADLINE_MS: applies only to PMO_EVENT_STORE=eventstoredb/,
    );
  });

  it.each([
    ['https://admin:s3cret@node1:2113'],
    ['admin:s3cret@node1:2113'],
    ['esdb:///s3cret'],
  ])('refuses %s as a connection string without repeating it', (value) => {
    const error = refusal({ PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: value });

    expect(error.message).toMatch(/^EVENTSTORE_CONNECTION_STRING: is not an EventStoreDB connection string/);
    expect(error.message).not.toContain('s3cret');
  });

  it.each([['0'], ['-1'], ['2.5'], ['soon'], ['60001']])('refuses PMO_EVENTSTORE_DEADLINE_MS=%s', (value) => {
    expect(
      refusal({ PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString, PMO_EVENTSTORE_DEADLINE_MS: value }).message,
    ).toBe(`PMO_EVENTSTORE_DEADLINE_MS: "${value}" is not a whole number of milliseconds from 1 to 60000`);
  });
});
