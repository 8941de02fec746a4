import { spec } from '@throughline/testing';
import type { PublishPlanTemplate } from './template.commands';
import { planTemplateDecider } from './template.decider';
import type { PlanTemplatePublished } from './template.events';
import { shiftIntoPeriod } from './template.shift';
import { planTemplateView } from './template.view';

const templateId = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const planId = '3d2f8a61-5c4b-4e7a-9f10-2b6c8d4e1a90';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';

const publish = (activities: PublishPlanTemplate['source']['activities']): PublishPlanTemplate => ({
  type: 'PublishPlanTemplate',
  templateId,
  title: ' Stage-gate year ',
  source: { planId, pmoId, periodStart: '2026-01-01', periodEnd: '2026-12-31', activities },
});

const published: PlanTemplatePublished = {
  type: 'PlanTemplatePublished',
  data: {
    templateId,
    title: 'Stage-gate year',
    sourcePlanId: planId,
    pmoId: pmoId,
    activities: [
      { title: 'Kick-off', mode: 'DIRECT', startOffsetDays: 0, durationDays: 1, rationale: null },
      { title: 'Gate reviews', mode: 'SUPERVISED', startOffsetDays: 90, durationDays: 91, rationale: 'Projects pass their gates on time' },
    ],
  },
};

describe('plan templates', () => {
  it('given a plan with activities, when it is published, then the activities are kept relative to its period, earliest first', () => {
    spec(planTemplateDecider)
      .given([])
      .when(
        publish([
          { title: 'Gate reviews', mode: 'SUPERVISED', startsOn: '2026-04-01', endsOn: '2026-06-30', rationale: 'Projects pass their gates on time' },
          { title: 'Kick-off', mode: 'DIRECT', startsOn: '2026-01-01', endsOn: '2026-01-01', rationale: null },
        ]),
      )
      .then([published]);
  });

  it('given a plan without activities, when it is published, then TEMPLATE_FROM_EMPTY_PLAN names planId', () => {
    spec(planTemplateDecider).given([]).when(publish([])).thenThrows('TEMPLATE_FROM_EMPTY_PLAN', 'planId');
  });

  it('given a blank title, when published, then it is bad input', () => {
    spec(planTemplateDecider)
      .given([])
      .when({ ...publish([{ title: 'A', mode: 'DIRECT', startsOn: '2026-01-01', endsOn: '2026-01-02', rationale: null }]), title: ' ' })
      .thenThrows('BAD_USER_INPUT', 'title');
  });

  it('given a published template, when two plans use it, then it counts two uses', () => {
    const use = (p: string) => ({ type: 'RecordPlanTemplateUse' as const, templateId, planId: p, pmoId });
    spec(planTemplateDecider)
      .given([published, { type: 'PlanTemplateUsed', data: { templateId, planId: 'a', pmoId } }])
      .when(use('b'))
      .thenView(planTemplateView, (v) => expect(v).toMatchObject({ status: 'PUBLISHED', uses: 2, publishedBy: 'ada@pmo.example' }));
    spec(planTemplateDecider).given([]).when(use('b')).thenThrows('TEMPLATE_NOT_FOUND', 'templateId');
  });

  it('given a template, when shifted into a period as long as the source, then each activity keeps its offset and length', () => {
    expect(shiftIntoPeriod(published.data.activities, '2027-01-01', '2027-12-31')).toEqual([
      { title: 'Kick-off', mode: 'DIRECT', startsOn: '2027-01-01', endsOn: '2027-01-01', description: null },
      { title: 'Gate reviews', mode: 'SUPERVISED', startsOn: '2027-04-01', endsOn: '2027-06-30', description: 'Projects pass their gates on time' },
    ]);
  });

  it('given a shorter period, when shifted, then activities are clipped to its last day and none is lost', () => {
    expect(shiftIntoPeriod(published.data.activities, '2027-01-01', '2027-01-31').map((a) => [a.startsOn, a.endsOn])).toEqual([
      ['2027-01-01', '2027-01-01'],
      ['2027-01-31', '2027-01-31'],
    ]);
    expect(shiftIntoPeriod(published.data.activities, '2027-01-01', '2027-05-15').map((a) => [a.startsOn, a.endsOn])).toEqual([
      ['2027-01-01', '2027-01-01'],
      ['2027-04-01', '2027-05-15'],
    ]);
  });
});
