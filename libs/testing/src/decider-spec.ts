import type { CommandContext, Decider, DomainEvent, ViewProjection } from '@throughline/domain';
import { DomainError, foldView } from '@throughline/domain';

export const defaultContext: CommandContext = {
  now: '2026-03-15T09:00:00.000Z',
  today: '2026-03-15',
  actor: 'ada@pmo.example',
};

/**
 * given(events).when(command).then(events) / .thenThrows(code) for a decider.
 *
 *   spec(objectiveDecider)
 *     .given([objectiveDefined])
 *     .when({ type: 'RecordProgress', ... }, { today: '2026-04-01' })
 *     .then([{ type: 'ProgressRecorded', data: ... }]);
 */
export const spec = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>) => ({
  given: (events: readonly E[]) => ({
    when: (command: C, context: Partial<CommandContext> = {}) => {
      const state = events.reduce(decider.evolve, decider.initialState);
      const run = () => decider.decide(command, state, { ...defaultContext, ...context });
      return {
        then: (expected: readonly E[]) => {
          expect(run()).toEqual(expected);
        },
        thenThrows: (code: string, field?: string) => {
          let error: unknown;
          try {
            run();
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          if (field !== undefined) expect((error as DomainError).field).toBe(field);
        },
        /** The state after the given events and the decided ones, for assertions on evolve. */
        thenState: (assert: (state: S) => void) => {
          assert(run().reduce(decider.evolve, state));
        },
        /**
         * The view after the given events and the decided ones, for assertions on what the API
         * shows. Each event is taken as recorded at the command's instant by its actor.
         */
        thenView: <V>(projection: ViewProjection<E, V>, assert: (view: V) => void) => {
          const { now, actor } = { ...defaultContext, ...context };
          const all = [...events, ...run()];
          assert(foldView(projection, all, (revision) => ({ revision, recordedAt: now, actor })));
        },
      };
    },
  }),
});
