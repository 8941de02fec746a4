// Shared givens for support's specs: a PMO's supporter coaching a project manager through March.
import type { OpenSupportEngagement, RecordSupportSession } from './support-engagement.commands';
import type { SupportEngagementOpened, SupportSessionRecorded } from './support.events';

export const pmoId = '10000000-0000-4000-8000-000000000001';
export const otherPmoId = '10000000-0000-4000-8000-000000000002';
export const engagementId = '90000000-0000-4000-8000-000000000001';
export const subject = 'supported:a0000000-0000-4000-8000-000000000001';
export const supporter = 'coach@pmo.example';

export const openEngagement = (overrides: Partial<OpenSupportEngagement> = {}): OpenSupportEngagement => ({
  type: 'OpenSupportEngagement',
  engagementId,
  pmoId,
  supporter,
  supportedPerson: 'pm@org.example',
  supportedPmoId: null,
  subject,
  supportedErased: false,
  topic: 'Running steering meetings',
  requestedAs: 'COACH',
  goals: ['Chair the next steering meeting'],
  willingToChange: true,
  startedOn: '2026-03-01',
  agreedUntil: '2026-03-31',
  ...overrides,
});

export const engagementOpened = (data: Partial<SupportEngagementOpened['data']> = {}): SupportEngagementOpened => ({
  type: 'SupportEngagementOpened',
  data: {
    engagementId,
    pmoId,
    supporter,
    supportedPerson: 'pm@org.example',
    supportedPmoId: null,
    subject,
    topic: 'Running steering meetings',
    requestedAs: 'COACH',
    goals: ['Chair the next steering meeting'],
    willingToChange: true,
    startedOn: '2026-03-01',
    agreedUntil: '2026-03-31',
    ...data,
  },
});

export const coachQualification = { kind: 'COACH', validFrom: '2025-01-01', validUntil: null } as const;
export const counsellorQualification = { kind: 'COUNSELLOR', validFrom: '2025-01-01', validUntil: '2026-12-31' } as const;

export const recordSession = (overrides: Partial<RecordSupportSession> = {}): RecordSupportSession => ({
  type: 'RecordSupportSession',
  engagementId,
  heldOn: '2026-03-10',
  hours: 1.5,
  mode: 'MENTOR',
  notes: 'Walked through the agenda',
  workEntryId: null,
  qualifications: [],
  supportedErased: false,
  ...overrides,
});

export const sessionRecorded = (data: Partial<SupportSessionRecorded['data']> = {}): SupportSessionRecorded => ({
  type: 'SupportSessionRecorded',
  data: { engagementId, subject, heldOn: '2026-03-10', hours: 1.5, mode: 'MENTOR', supporter, notes: 'Walked through the agenda', workEntryId: null, ...data },
});
