import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { CommandContext } from '../shared/decider';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import type { PlanState } from './plan.state';
import { planView, type PlanVersion, type PlanView } from './plan.view';

const planId = '7e2b4d6f-1a3c-4e58-9b70-2d4f6a8c0e13';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const PEOPLE = ['ada@pmo.example', 'grace@pmo.example', 'lin@pmo.example'];

const reason = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Fits the mandate', 'Add a budget') }, { weight: 1, arbitrary: fc.constantFrom(null, '', '  ') });
const step = fc.record({
  actor: fc.constantFrom(...PEOPLE),
  command: fc.oneof(
    fc.record({
      type: fc.constant('DraftBusinessPlan' as const),
      planId: fc.constant(planId),
      pmoId: fc.constant(pmoId),
      title: fc.constantFrom('Plan 2026', '', 'x'.repeat(201)),
      periodStart: fc.constantFrom('2026-01-01', '2026-02-30'),
      periodEnd: fc.constantFrom('2026-12-31', '2025-12-31'),
    }),
    { weight: 3, arbitrary: fc.record({ type: fc.constant('SubmitBusinessPlan' as const), planId: fc.constant(planId), reason }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant('ApproveBusinessPlan' as const), planId: fc.constant(planId), reason }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('ReturnBusinessPlan' as const), planId: fc.constant(planId), reason: reason.map((r) => r ?? '') }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('ReviseBusinessPlan' as const), planId: fc.constant(planId), reason }) },
  ) as fc.Arbitrary<PlanCommand>,
});

describe('business plan invariants under any sequence of commands', () => {
  it('only ever grows its versions, keeps one approved baseline, and never lets a submitter approve their own version', () => {
    let approvals = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (rest) => {
        const draft: PlanCommand = { type: 'DraftBusinessPlan', planId, pmoId, title: 'Plan 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31' };
        const steps = [{ actor: PEOPLE[0]!, command: draft }, ...rest];
        let state: PlanState = planDecider.initialState;
        let view: PlanView = planView.initialState;
        let revision = 0;
        const superseded = new Map<number, PlanVersion>();
        steps.forEach(({ actor, command }, i) => {
          const context: CommandContext = { ...defaultContext, actor, now: new Date(Date.parse(defaultContext.now) + i * 60_000).toISOString() };
          const decision = decideOrRefuse(planDecider, command, state, context);
          if ('refused' in decision) return;
          const before = view;
          state = decision.events.reduce(planDecider.evolve, state);
          view = decision.events.reduce((v, e) => planView.evolve(v, e, { revision: revision++, recordedAt: context.now, actor }), view);
          if (state.status === 'NONE' || view.status === 'NONE') throw new Error('an accepted command left no plan');
          // The view shows what the decider's state holds.
          expect(view).toMatchObject({ status: state.status, version: state.version, approvedVersion: state.approvedVersion });

          // Versions only grow, numbered 1..n.
          expect(view.version).toBeGreaterThanOrEqual(before.status === 'NONE' ? 1 : before.version);
          expect(view.versions.map((v) => v.version)).toEqual(view.versions.map((_, n) => n + 1));
          expect(view.versions).toHaveLength(view.version);
          // The plan's status is its latest version's; every earlier version was approved (and maybe superseded).
          expect(view.versions.at(-1)!.status).toBe(view.status);
          for (const earlier of view.versions.slice(0, -1)) expect(['APPROVED', 'SUPERSEDED']).toContain(earlier.status);
          // One baseline at most: the approved version in force.
          const approved = view.versions.filter((v) => v.status === 'APPROVED').map((v) => v.version);
          expect(approved).toEqual(view.approvedVersion === null ? [] : [view.approvedVersion]);
          // A superseded version is history: it never changes again.
          for (const version of view.versions.filter((v) => v.status === 'SUPERSEDED')) {
            if (!superseded.has(version.version)) superseded.set(version.version, version);
            expect(version).toEqual(superseded.get(version.version));
          }
          if (command.type === 'ApproveBusinessPlan') {
            approvals += 1;
            const version = view.versions[view.approvedVersion! - 1]!;
            expect(version.approvedBy).toBe(actor);
            expect(version.submittedBy).not.toBe(actor);
          }
        });
      }),
      { numRuns: 300 },
    );
    expect(approvals).toBeGreaterThan(25);
  });
});
