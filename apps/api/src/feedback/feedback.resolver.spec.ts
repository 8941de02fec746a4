import type { CommandBus, EventBus } from '@nestjs/cqrs';
import type { PmoKind, FeedbackStandard } from '@throughline/domain';
import { KeyedLock, MemoryEventStore, StateCache, MemoryPersonalKeyStore, PersonalDataVault } from '@throughline/event-store';
import type { Projector } from '@throughline/read-models';
import { AggregateLoader, RequestFolds } from '../common/aggregate-loader';
import { PMO } from '../common/aggregates';
import { SystemClock } from '../common/clock';
import { DecideCommand, NEW_ENTITY } from '../common/decide.command';
import { DecideHandler } from '../common/decide.handler';
import type { Loaders } from '../common/loaders';
import type { RequestContext } from '../common/request-context';
import type { FeedbackReader } from './feedback.reader';
import { FeedbackResolver } from './feedback.resolver';
import { FeedbackSnapshots } from './feedback.snapshots';
import type { RaiseFeedbackInput, ResolveFeedbackInput } from './feedback.inputs';
import { NoStandards, StandardLookup } from './standard-lookup';
import type { Standard } from '../standards/standard.types';

const STANDARD_ID = '7f3e2d1c-0000-4000-8000-0000000000f1';
const noLoaders = {} as Loaders;

const caller = (operation: string): RequestContext => ({
  principal: { subject: 'ada@pmo.example', roles: ['ADMIN'], pmoIds: [] },
  correlationId: 'c-1',
  operation,
  folds: new RequestFolds(),
});

/** A lookup that knows one standard, revised once, as RecordedStandards would over a real one. */
class OneStandard extends StandardLookup {
  readonly asked: (string | null)[] = [];

  async snapshot(standardId: string): Promise<FeedbackStandard | null> {
    return standardId === STANDARD_ID ? { standardId, latestVersion: 2 } : null;
  }

  async shown(_loaders: Loaders, standardId: string, asOf: string | null): Promise<Standard | null> {
    this.asked.push(asOf);
    // Feedback reads nothing of a standard but its id; the rest is the standards' queries' own.
    return standardId === STANDARD_ID ? ({ id: standardId } as Standard) : null;
  }
}

/** The real command path over a memory store, with the given standards lookup. */
const setUp = async (standards: StandardLookup) => {
  const store = new MemoryEventStore();
  const cache = new StateCache();
  const clock = new SystemClock();
  const loader = new AggregateLoader(store, cache);
  const projector = { waitFor: async () => undefined } as unknown as Projector;
  const handler = new DecideHandler(store, clock, cache, new KeyedLock(), projector, loader, { publish: () => undefined } as unknown as EventBus, new PersonalDataVault(new MemoryPersonalKeyStore()), {});
  const bus = { execute: (command: DecideCommand<never, never, never, { readonly status: string }>) => handler.execute(command) } as unknown as CommandBus;
  const resolver = new FeedbackResolver(bus, {} as FeedbackReader, new FeedbackSnapshots(loader, standards), loader, standards, clock);
  const establish = async (kind: PmoKind, parent: { pmoId: string; kind: PmoKind } | null) =>
    (
      await bus.execute(
        new DecideCommand(PMO, NEW_ENTITY, {}, caller('establishPmo'), (pmoId) => ({ type: 'EstablishPmo', pmoId, name: `${kind} office`, kind, parent, head: null })),
      )
    ).id;
  const portfolio = await establish('PORTFOLIO', null);
  const programme = await establish('PROGRAMME', { pmoId: portfolio, kind: 'PORTFOLIO' });
  const project = await establish('PROJECT', { pmoId: programme, kind: 'PROGRAMME' });
  return { resolver, loader, portfolio, programme, project };
};

const raise = (fromPmoId: string, toPmoId: string, extra: Partial<RaiseFeedbackInput> = {}) =>
  ({ fromPmoId, toPmoId, subject: 'Method and regulator', body: 'The method lacks an approval step.', ...extra }) as RaiseFeedbackInput;

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, code: (error as { code?: string }).code, field: (error as { field?: string }).field };
  }
  throw new Error('expected a refusal');
};

describe('feedback through the command path', () => {
  it('reads the PMOs above the one feedback comes from, nearest first, from their streams', async () => {
    const { loader, portfolio, programme, project } = await setUp(new NoStandards());

    const lineage = await new FeedbackSnapshots(loader, new NoStandards()).lineage(project, 'fromPmoId', new RequestFolds());

    expect(lineage).toEqual({ pmoId: project, ancestorIds: [programme, portfolio] });
  });

  it('refuses a standard the lookup does not find, and stores one it finds, shown through the same lookup as of the feedback’s instant', async () => {
    const standards = new OneStandard();
    const { resolver, portfolio, project } = await setUp(standards);

    const unknown = await refusal(resolver.raiseFeedback(raise(project, portfolio, { standardId: '00000000-0000-4000-8000-000000000000' }), caller('raiseFeedback')));
    const raised = await resolver.raiseFeedback(raise(project, portfolio, { standardId: STANDARD_ID.toUpperCase() }), caller('raiseFeedback'));
    const shown = await resolver.standard({ ...raised, asOf: '2026-03-01T00:00:00.000Z' }, noLoaders);

    expect(unknown).toEqual({ name: 'NotFoundError', code: undefined, field: 'standardId' });
    expect(raised).toMatchObject({ standardId: STANDARD_ID, toPmoId: portfolio, fromPmoId: project, status: 'OPEN' });
    expect(shown).toEqual({ id: STANDARD_ID });
    expect(standards.asked).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('resolves feedback about a standard by a version it has reached, and no later one', async () => {
    const { resolver, portfolio, project } = await setUp(new OneStandard());
    const raised = await resolver.raiseFeedback(raise(project, portfolio, { standardId: STANDARD_ID }), caller('raiseFeedback'));
    const revise = (standardVersion: number) =>
      ({ feedbackId: raised.id, outcome: 'STANDARD_REVISED', standardVersion, resolution: 'Version 2 adds the approval step.' }) as ResolveFeedbackInput;

    const tooFar = await refusal(resolver.resolveFeedback(revise(3), caller('resolveFeedback')));
    const resolved = await resolver.resolveFeedback(revise(2), caller('resolveFeedback'));

    expect(tooFar).toEqual({ name: 'DomainError', code: 'STANDARD_VERSION_NOT_FOUND', field: 'standardVersion' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'STANDARD_REVISED', standardVersion: 2, revision: 1 });
  });

  it('answers null for the standard while no lookup finds standards, and for feedback about none', async () => {
    const { resolver, portfolio, programme } = await setUp(new NoStandards());
    const raised = await resolver.raiseFeedback(raise(programme, portfolio), caller('raiseFeedback'));

    expect(await resolver.standard(raised, noLoaders)).toBeNull();
    expect(await resolver.standard({ ...raised, standardId: STANDARD_ID }, noLoaders)).toBeNull();
  });
});
