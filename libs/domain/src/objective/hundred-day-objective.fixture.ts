import type { ObjectiveDefined } from './objective.events';

/**
 * For specs: a 100-day objective from 0 to 100 (1 January to 11 April 2026), so that day n
 * expects n % and a value v is v % of the way.
 */
export const hundredDayObjective = (objectiveId: string): ObjectiveDefined => ({
  type: 'ObjectiveDefined',
  data: {
    objectiveId,
    pmoId: '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10',
    title: 'Certify every project manager',
    description: null,
    metric: { name: 'Certified project managers', unit: '%', baseline: 0, target: 100, direction: 'INCREASE' },
    startsOn: '2026-01-01',
    dueOn: '2026-04-11',
    owner: 'grace@pmo.example',
  },
});
