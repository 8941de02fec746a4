import type { ActivityMode, MandatePurpose, PmoKind } from '@throughline/domain';

/** A measurable result a PMO of some kind typically owes, with a plausible baseline and target. */
export interface MetricTemplate {
  readonly title: string;
  readonly metric: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
}

export const METRICS: Readonly<Record<PmoKind, readonly MetricTemplate[]>> = {
  PORTFOLIO: [
    { title: 'Portfolio delivered on time', metric: 'Projects delivered on time', unit: '%', baseline: 45, target: 75 },
    { title: 'Benefits realised', metric: 'Benefits realised against business cases', unit: '%', baseline: 30, target: 60 },
    { title: 'Standard method adopted', metric: 'Projects using the group method', unit: '%', baseline: 40, target: 90 },
    { title: 'Fewer red projects', metric: 'Projects reported red', unit: 'projects', baseline: 18, target: 6 },
    { title: 'Certified project managers', metric: 'Certified project managers', unit: 'people', baseline: 12, target: 40 },
    { title: 'Reliable status reporting', metric: 'Status reports on time', unit: '%', baseline: 60, target: 95 },
  ],
  PROGRAMME: [
    { title: 'Milestones met', metric: 'Programme milestones met', unit: '%', baseline: 55, target: 85 },
    { title: 'Cost variance under control', metric: 'Cost variance', unit: '%', baseline: 14, target: 5 },
    { title: 'Dependencies tracked', metric: 'Cross-project dependencies with an owner', unit: '%', baseline: 35, target: 95 },
    { title: 'Risks closed', metric: 'High risks closed', unit: 'risks', baseline: 0, target: 30 },
    { title: 'Sponsor satisfaction', metric: 'Sponsor satisfaction score', unit: 'points', baseline: 6.1, target: 8 },
    { title: 'Stage gates passed first time', metric: 'Stage gates passed at first review', unit: '%', baseline: 50, target: 80 },
    { title: 'Change requests decided fast', metric: 'Days to decide a change request', unit: 'days', baseline: 21, target: 7 },
  ],
  PROJECT: [
    { title: 'On-time deliverables', metric: 'Deliverables accepted on time', unit: '%', baseline: 60, target: 90 },
    { title: 'Open issues down', metric: 'Open issues', unit: 'issues', baseline: 48, target: 12 },
    { title: 'Schedule performance', metric: 'Schedule performance index', unit: 'SPI', baseline: 0.82, target: 1 },
    { title: 'Team trained', metric: 'Team members trained on the method', unit: 'people', baseline: 2, target: 12 },
    { title: 'Customer acceptance', metric: 'Acceptance tests passed', unit: '%', baseline: 70, target: 98 },
  ],
};

export const PURPOSES: Readonly<Record<PmoKind, readonly MandatePurpose[]>> = {
  PORTFOLIO: ['GOVERNANCE', 'CENTRE_OF_EXCELLENCE', 'COMMERCIAL_VALUE'],
  PROGRAMME: ['GOVERNANCE', 'DELIVERY_SUPPORT', 'COMMERCIAL_VALUE'],
  PROJECT: ['DELIVERY_SUPPORT', 'DELIVERY_SUPPORT', 'GOVERNANCE'],
};

export const MANDATE_STATEMENTS: Readonly<Record<MandatePurpose, string>> = {
  GOVERNANCE: 'Assure that every project is reviewed, reported and steered against agreed standards',
  DELIVERY_SUPPORT: 'Give project managers the planning, reporting and tooling support they need to deliver',
  CENTRE_OF_EXCELLENCE: 'Own the delivery method, standards and training for the whole group',
  COMMERCIAL_VALUE: 'Raise delivery performance and the benefits the organisation gets from its projects',
};

export const SPONSORS = ['CFO', 'COO', 'CIO', 'Chief Strategy Officer', 'Programme Director', 'Head of Operations'];

const ACTIVITY_TITLES: Readonly<Record<ActivityMode, readonly string[]>> = {
  DIRECT: [
    'Monthly portfolio review',
    'Steering committee secretariat',
    'Project health checks',
    'Method training sessions',
    'Benefits tracking',
    'Risk and issue register upkeep',
    'Resource capacity planning',
    'Status report consolidation',
    'Stage-gate reviews',
    'Lessons learned workshops',
    'Tool administration',
    'Dependency mapping',
  ],
  SUPERVISED: [
    'Supplier delivery oversight',
    'Project schedule recovery',
    'Business case refresh by project teams',
    'Quality assurance of deliverables',
    'Change control board follow-up',
    'Mentoring of new project managers',
    'Estimation improvement by delivery teams',
    'Regulatory compliance checks',
  ],
};

export const activityTitle = (mode: ActivityMode, index: number): string => {
  const titles = ACTIVITY_TITLES[mode];
  const title = titles[index % titles.length] as string;
  return index < titles.length ? title : `${title} (${Math.floor(index / titles.length) + 1})`;
};

export const WORK_DESCRIPTIONS = [
  'Prepared the steering pack',
  'Reviewed schedules with the project managers',
  'Updated the RAID log',
  'Ran a health check interview',
  'Consolidated weekly status reports',
  'Coached a project manager on estimation',
  'Chased overdue actions',
  'Drafted the change request assessment',
  'Checked benefits figures with finance',
  'Facilitated a planning workshop',
  'Answered questions on the method',
  'Reconciled resource bookings',
];

export const ADMIN_DESCRIPTIONS = ['Team meeting', 'Email and admin', 'Internal training', 'Recruiting interviews', 'Timesheet housekeeping'];

export const CORRECTION_REASONS = [
  'Logged on the wrong activity',
  'Hours mistyped',
  'Entered against the wrong day',
  'Clearer description for the audit',
];

export const RETRACTION_REASONS = ['Logged twice', 'Work did not take place', 'Belongs to another team'];

export const PMO_NAMES: Readonly<Record<PmoKind, readonly string[]>> = {
  PORTFOLIO: ['Group Portfolio Office'],
  PROGRAMME: ['Digital Transformation', 'Network Modernisation', 'Customer Experience', 'Finance Systems', 'Supply Chain', 'Data Platform', 'Regulatory Change', 'Workplace'],
  PROJECT: ['Billing Replacement', 'CRM Rollout', 'Data Centre Exit', 'ERP Upgrade', 'Mobile App', 'Payroll Migration', 'Warehouse Automation', 'Identity Management', 'Branch Refit', 'Reporting Hub'],
};

export const pmoName = (kind: PmoKind, index: number): string => {
  const names = PMO_NAMES[kind];
  const base = names[index % names.length] as string;
  const suffix = index < names.length ? '' : ` ${Math.floor(index / names.length) + 1}`;
  return kind === 'PORTFOLIO' ? base : `${base}${suffix} ${kind === 'PROGRAMME' ? 'Programme Office' : 'Project Office'}`;
};
