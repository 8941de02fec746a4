import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import { supportEngagementDecider } from './support-engagement.decider';
import { engagementAgreements, engagementSessions, supportEngagementView } from './support-engagement.view';
import {
  coachQualification,
  counsellorQualification,
  engagementOpened,
  openEngagement,
  otherPmoId,
  pmoId,
  recordSession,
  sessionRecorded,
  engagementId,
} from './support.fixtures';

const today = { today: '2026-03-15', now: '2026-03-15T10:00:00.000Z' };
const closed = { type: 'SupportEngagementClosed', data: { engagementId, outcome: 'GOALS_MET', closedOn: '2026-03-12', reason: 'done' } } as const;

describe('Support engagement: opening', () => {
  it('opens an engagement with a person', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement()).then([engagementOpened()]);
  });

  it('opens an engagement with another PMO', () => {
    spec(supportEngagementDecider)
      .given([])
      .when(openEngagement({ supportedPerson: null, supportedPmoId: otherPmoId, subject: `supportedpmo:${otherPmoId}` }))
      .then([engagementOpened({ supportedPerson: null, supportedPmoId: otherPmoId, subject: `supportedpmo:${otherPmoId}` })]);
  });

  it('refuses neither a person nor a PMO, naming supportedPerson', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement({ supportedPerson: null })).thenThrows('SUPPORTED_PARTY_REQUIRED', 'supportedPerson');
  });

  it('refuses both a person and a PMO, naming supportedPmoId', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement({ supportedPmoId: otherPmoId })).thenThrows('SUPPORTED_PARTY_AMBIGUOUS', 'supportedPmoId');
  });

  it('refuses a PMO supporting itself', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement({ supportedPerson: null, supportedPmoId: pmoId })).thenThrows('PMO_SUPPORTING_ITSELF', 'supportedPmoId');
  });

  it('refuses an agreed end before the start', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement({ agreedUntil: '2026-02-28' })).thenThrows('AGREED_UNTIL_BEFORE_START', 'agreedUntil');
  });

  it('refuses a person whose data was erased', () => {
    spec(supportEngagementDecider).given([]).when(openEngagement({ supportedErased: true })).thenThrows('SUPPORTED_PERSON_ERASED', 'supportedPerson');
  });

  it('refuses an engagement that already exists', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(openEngagement()).thenThrows('SUPPORT_ENGAGEMENT_ALREADY_EXISTS', 'engagementId');
  });

  it.each([
    ['supporter', { supporter: ' ' }],
    ['topic', { topic: '' }],
    ['requestedAs', { requestedAs: 'GURU' as never }],
    ['goals', { goals: [] }],
    ['goals[0]', { goals: [' '] }],
    ['startedOn', { startedOn: '2026-02-30' }],
    ['willingToChange', { willingToChange: 'yes' as never }],
  ])('refuses a bad %s', (field, overrides) => {
    spec(supportEngagementDecider).given([]).when(openEngagement(overrides)).thenThrows('BAD_USER_INPUT', field);
  });
});

describe('Support engagement: sessions', () => {
  it('records a mentoring session without any qualification', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(recordSession(), today).then([sessionRecorded()]);
  });

  it('records a coaching session of a qualified coach with someone willing to change', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened()])
      .when(recordSession({ mode: 'COACH', qualifications: [coachQualification], workEntryId: 'w-1' }), today)
      .then([sessionRecorded({ mode: 'COACH', workEntryId: 'w-1' })]);
  });

  it('refuses a coaching session without a COACH qualification valid that day', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened()])
      .when(recordSession({ mode: 'COACH', qualifications: [{ kind: 'COACH', validFrom: '2026-03-11', validUntil: null }, counsellorQualification] }), today)
      .thenThrows('COACH_QUALIFICATION_REQUIRED', 'mode');
  });

  it('refuses a coaching session with someone not willing to change', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened({ willingToChange: false })])
      .when(recordSession({ mode: 'COACH', qualifications: [coachQualification] }), today)
      .thenThrows('COACHING_NEEDS_WILLINGNESS_TO_CHANGE', 'mode');
  });

  it('records a counselling session of a qualified counsellor', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened()])
      .when(recordSession({ mode: 'COUNSELLOR', qualifications: [counsellorQualification] }), today)
      .then([sessionRecorded({ mode: 'COUNSELLOR' })]);
  });

  it('refuses a counselling session without a COUNSELLOR qualification valid that day', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened()])
      .when(recordSession({ mode: 'COUNSELLOR', qualifications: [coachQualification, { ...counsellorQualification, validUntil: '2026-03-09' }] }), today)
      .thenThrows('COUNSELLOR_QUALIFICATION_REQUIRED', 'mode');
  });

  it('refuses counselling a PMO', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened({ supportedPerson: null, supportedPmoId: otherPmoId, subject: `supportedpmo:${otherPmoId}` })])
      .when(recordSession({ mode: 'COUNSELLOR', qualifications: [counsellorQualification] }), today)
      .thenThrows('COUNSELLING_NEEDS_A_PERSON', 'mode');
  });

  it.each([
    ['before the start', '2026-02-28', 'SESSION_OUTSIDE_ENGAGEMENT'],
    ['after the agreed end', '2026-04-01', 'SESSION_OUTSIDE_ENGAGEMENT'],
    ['in the future', '2026-03-16', 'SESSION_IN_FUTURE'],
  ])('refuses a session %s', (_case, heldOn, code) => {
    spec(supportEngagementDecider)
      .given([engagementOpened({ agreedUntil: heldOn > '2026-03-31' ? '2026-03-31' : '2026-04-30' })])
      .when(recordSession({ heldOn }), { today: heldOn > '2026-03-31' ? '2026-04-02' : '2026-03-15' })
      .thenThrows(code, 'heldOn');
  });

  it('refuses a session after the engagement closed', () => {
    spec(supportEngagementDecider).given([engagementOpened(), closed]).when(recordSession(), today).thenThrows('SUPPORT_ENGAGEMENT_CLOSED', 'engagementId');
  });

  it.each([0, -1, 24.5, Number.NaN])('refuses %s hours', (hours) => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(recordSession({ hours }), today).thenThrows('BAD_USER_INPUT', 'hours');
  });

  it('takes a whole day of 24 hours', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(recordSession({ hours: 24 }), today).then([sessionRecorded({ hours: 24 })]);
  });

  it('refuses notes about a person whose data was erased', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(recordSession({ supportedErased: true }), today).thenThrows('SUPPORTED_PERSON_ERASED', 'notes');
  });

  it('records a session without notes for a person whose data was erased', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(recordSession({ supportedErased: true, notes: null }), today).then([sessionRecorded({ notes: null })]);
  });
});

describe('Support engagement: renegotiating and closing', () => {
  const renegotiate = (overrides = {}) => ({ type: 'RenegotiateEngagement' as const, engagementId, agreedUntil: '2026-04-30', reason: 'More time for the gate review', ...overrides });

  it('keeps the other terms and records the new version with its reason', () => {
    spec(supportEngagementDecider)
      .given([engagementOpened()])
      .when(renegotiate())
      .then([{ type: 'SupportEngagementRenegotiated', data: { engagementId, goals: ['Chair the next steering meeting'], agreedUntil: '2026-04-30', willingToChange: true, reason: 'More time for the gate review' } }]);
  });

  it('refuses nothing to change', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(renegotiate({ agreedUntil: null })).thenThrows('NOTHING_TO_RENEGOTIATE', 'goals');
  });

  it('refuses no reason', () => {
    spec(supportEngagementDecider).given([engagementOpened()]).when(renegotiate({ reason: ' ' })).thenThrows('BAD_USER_INPUT', 'reason');
  });

  it('refuses an agreed end before a session already held', () => {
    spec(supportEngagementDecider).given([engagementOpened(), sessionRecorded()]).when(renegotiate({ agreedUntil: '2026-03-09' })).thenThrows('SESSIONS_AFTER_AGREED_UNTIL', 'agreedUntil');
  });

  it('refuses a closed engagement', () => {
    spec(supportEngagementDecider).given([engagementOpened(), closed]).when(renegotiate()).thenThrows('SUPPORT_ENGAGEMENT_CLOSED', 'engagementId');
  });

  it('closes once, with an outcome and a reason', () => {
    const close = { type: 'CloseSupportEngagement' as const, engagementId, outcome: 'GOALS_MET' as const, reason: 'done' };
    spec(supportEngagementDecider).given([engagementOpened()]).when(close, { today: '2026-03-12' }).then([closed]);
    spec(supportEngagementDecider).given([engagementOpened(), closed]).when(close).thenThrows('SUPPORT_ENGAGEMENT_CLOSED', 'engagementId');
    spec(supportEngagementDecider).given([engagementOpened()]).when({ ...close, outcome: 'MAYBE' as never }).thenThrows('BAD_USER_INPUT', 'outcome');
  });

  it('shows every agreement and session in order', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T10:00:00.000Z`, actor: 'head@pmo.example' });
    const events = [
      engagementOpened(),
      sessionRecorded(),
      { type: 'SupportEngagementRenegotiated', data: { engagementId, goals: ['A'], agreedUntil: '2026-04-30', willingToChange: false, reason: 'why' } } as const,
      closed,
    ];
    const view = foldView(supportEngagementView, events, facts);
    if (view.status === 'NONE') throw new Error('no view');
    expect(view).toMatchObject({ status: 'CLOSED', goals: ['A'], agreedUntil: '2026-04-30', outcome: 'GOALS_MET', closeReason: 'done', revision: 3 });
    expect(engagementAgreements(view).map((a) => a.reason)).toEqual([null, 'why']);
    expect(engagementSessions(view)).toEqual([expect.objectContaining({ heldOn: '2026-03-10', hours: 1.5, mode: 'MENTOR' })]);
  });
});
