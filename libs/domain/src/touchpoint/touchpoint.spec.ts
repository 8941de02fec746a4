import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import { contactId, contactSnapshot, deliveryTeams, knownSince, otherContactId, otherGroupId, otherPmoId, today } from '../contact/contact.fixtures';
import { touchpointDecider } from './touchpoint.decider';
import { recordTouchpoint, touchpointRecorded } from './touchpoint.fixtures';
import { touchpointView } from './touchpoint.view';

const other = contactSnapshot({ contactId: otherContactId });

describe('Touchpoint', () => {
  it('records who took part, with which groups, how, and which way value went', () => {
    spec(touchpointDecider).given([]).when(recordTouchpoint()).then([touchpointRecorded()]);
  });

  it('records a touchpoint held today with several contacts, no group, no value and no work', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint({ heldOn: today, contacts: [contactSnapshot(), other], groups: [], value: null, workEntryId: null }))
      .then([touchpointRecorded({ heldOn: today, contactIds: [contactId, otherContactId], groupIds: [], value: null, workEntryId: null })]);
  });

  it('records a touchpoint on the day the relationship began and the group was formed', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint({ heldOn: knownSince, groups: [{ ...deliveryTeams, formedOn: knownSince }] }))
      .then([touchpointRecorded({ heldOn: knownSince })]);
  });

  it('refuses a touchpoint that already exists', () => {
    spec(touchpointDecider).given([touchpointRecorded()]).when(recordTouchpoint()).thenThrows('TOUCHPOINT_ALREADY_EXISTS', 'touchpointId');
  });

  it('refuses a touchpoint held after today', () => {
    spec(touchpointDecider).given([]).when(recordTouchpoint({ heldOn: '2026-03-16' })).thenThrows('TOUCHPOINT_IN_FUTURE', 'heldOn');
  });

  it('refuses a touchpoint held before a contact was known', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint({ contacts: [contactSnapshot(), contactSnapshot({ contactId: otherContactId, knownSince: '2026-03-11' })] }))
      .thenThrows('DAY_BEFORE_KNOWN_SINCE', 'heldOn');
  });

  it('refuses a touchpoint held before a group was formed', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint({ groups: [{ ...deliveryTeams, formedOn: '2026-03-11' }] }))
      .thenThrows('DAY_BEFORE_GROUP_FORMED', 'heldOn');
  });

  it('refuses a contact of another PMO', () => {
    spec(touchpointDecider).given([]).when(recordTouchpoint({ contacts: [contactSnapshot({ pmoId: otherPmoId })] })).thenThrows('CONTACT_OF_ANOTHER_PMO', 'contactIds');
  });

  it('refuses a group of another PMO', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint({ groups: [{ groupId: otherGroupId, pmoId: otherPmoId, formedOn: '2025-01-01' }] }))
      .thenThrows('NETWORK_GROUP_OF_ANOTHER_PMO', 'groupIds');
  });

  it('refuses an erased contact: there is no one left to seal the summary for', () => {
    spec(touchpointDecider).given([]).when(recordTouchpoint({ contacts: [other, contactSnapshot({ erased: true })] })).thenThrows('CONTACT_ERASED', 'contactIds');
  });

  it.each([
    ['contactIds', { contacts: [] }],
    ['contactIds', { contacts: [contactSnapshot(), other, contactSnapshot()] }],
    ['groupIds', { groups: [deliveryTeams, deliveryTeams] }],
    ['heldOn', { heldOn: '2026-02-29' }],
    ['vehicle', { vehicle: 'TELEGRAM' as never }],
    ['summary', { summary: ' ' }],
    ['summary', { summary: 'x'.repeat(2001) }],
    ['value', { value: 'TAKEN' as never }],
    ['workEntryId', { workEntryId: '' }],
  ])('refuses a bad %s', (field, overrides) => {
    spec(touchpointDecider).given([]).when(recordTouchpoint(overrides)).thenThrows('BAD_USER_INPUT', field);
  });

  it('then shows it as recorded, by whom and when', () => {
    spec(touchpointDecider)
      .given([])
      .when(recordTouchpoint(), { now: '2026-03-15T10:00:00.000Z', actor: 'head@pmo.example' })
      .thenView(touchpointView, (view) => {
        expect(view).toEqual({
          status: 'RECORDED',
          ...touchpointRecorded().data,
          recordedAt: '2026-03-15T10:00:00.000Z',
          recordedBy: 'head@pmo.example',
          revision: 0,
          createdAt: '2026-03-15T10:00:00.000Z',
          updatedAt: '2026-03-15T10:00:00.000Z',
        });
      });
  });

  it('keeps the first recording when one comes again, counting its revision', () => {
    const facts = (revision: number) => ({ revision, recordedAt: '2026-03-15T10:00:00.000Z', actor: 'head@pmo.example' });
    const view = foldView(touchpointView, [touchpointRecorded(), touchpointRecorded({ vehicle: 'EVENT' })], facts);
    expect(view).toMatchObject({ vehicle: 'ONE_TO_ONE', revision: 1 });
    expect(touchpointDecider.evolve(touchpointDecider.evolve(touchpointDecider.initialState, touchpointRecorded()), touchpointRecorded())).toEqual({
      status: 'RECORDED', touchpointId: touchpointRecorded().data.touchpointId, pmoId: touchpointRecorded().data.pmoId,
    });
  });
});
