import { loadConfig } from './app-config';

describe('the live update limits in the configuration', () => {
  it('bounds what one client holds open by default', () => {
    expect(loadConfig({}).live).toEqual({ subscriptionsPerConnection: 20, connectionsPerSubject: 10, backlog: 1000 });
  });

  it('takes each from its own variable', () => {
    const env = { PMO_SUBSCRIPTIONS_PER_CONNECTION: '3', PMO_CONNECTIONS_PER_SUBJECT: ' 2 ', PMO_SUBSCRIPTION_BACKLOG: '50' };

    expect(loadConfig(env).live).toEqual({ subscriptionsPerConnection: 3, connectionsPerSubject: 2, backlog: 50 });
  });

  it.each([
    ['PMO_SUBSCRIPTIONS_PER_CONNECTION', '0'],
    ['PMO_CONNECTIONS_PER_SUBJECT', 'many'],
    ['PMO_SUBSCRIPTION_BACKLOG', '2.5'],
    ['PMO_SUBSCRIPTION_BACKLOG', '100001'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}: "${value}" is not a whole number from 1 to 100000`);
  });
});
