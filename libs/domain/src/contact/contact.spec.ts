import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import { contactDecider } from './contact.decider';
import type { ContactEvent } from './contact.events';
import { contactAssessments, contactView, type ExistingContactView } from './contact.view';
import {
  addContact,
  added,
  addedInternal,
  assessContact,
  assessed,
  contactId,
  deliveryTeams,
  ended,
  erased,
  groupId,
  knownSince,
  otherGroupId,
  otherPmoId,
  today,
} from './contact.fixtures';

const update = (fields: object) => ({ type: 'UpdateContact' as const, contactId, ...fields });
const end = (endedOn = '2026-03-10') => ({ type: 'EndContactRelationship' as const, contactId, endedOn });
const erase = { type: 'EraseContactPersonalData' as const, contactId };

describe('Contact', () => {
  describe('adding', () => {
    it('records the contact with its details trimmed and the groups it was named in', () => {
      spec(contactDecider).given([]).when(addContact()).then([added()]);
    });

    it('records a relationship that began today, with no group', () => {
      spec(contactDecider).given([]).when(addContact({ knownSince: today, groups: [] })).then([added({ knownSince: today, groupIds: [] })]);
    });

    it('refuses a contact that already exists', () => {
      spec(contactDecider).given([added()]).when(addContact()).thenThrows('CONTACT_ALREADY_EXISTS', 'contactId');
    });

    it('refuses a relationship that begins after today', () => {
      spec(contactDecider).given([]).when(addContact({ knownSince: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'knownSince');
    });

    it('refuses a group of another PMO', () => {
      spec(contactDecider)
        .given([])
        .when(addContact({ groups: [deliveryTeams, { groupId: otherGroupId, pmoId: otherPmoId, formedOn: '2025-01-01' }] }))
        .thenThrows('NETWORK_GROUP_OF_ANOTHER_PMO', 'groupIds');
    });

    it.each([
      ['name', { name: ' ' }],
      ['name', { name: 'x'.repeat(201) }],
      ['organisation', { organisation: '' }],
      ['role', { role: 'Head\u200b' }],
      ['source', { source: 'FRIEND' as never }],
      ['relationship', { relationship: 'FAMILY' as never }],
      ['knownSince', { knownSince: '2026-02-30' }],
      ['groupIds', { groups: [deliveryTeams, deliveryTeams] }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(contactDecider).given([]).when(addContact(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('updating', () => {
    it('records only the fields given, and any personal field given whatever it says', () => {
      spec(contactDecider)
        .given([added()])
        .when(update({ name: 'Grace Hopper', role: ' Controller ', organisation: null, source: 'STAKEHOLDER' }))
        .then([{ type: 'ContactUpdated', data: { contactId, name: 'Grace Hopper', organisation: null, role: 'Controller' } }]);
    });

    it('records a new source', () => {
      spec(contactDecider).given([added()]).when(update({ source: 'CUSTOMER_SPONSOR' })).then([{ type: 'ContactUpdated', data: { contactId, source: 'CUSTOMER_SPONSOR' } }]);
    });

    it('keeps the name when it is given as null, which cannot clear it', () => {
      spec(contactDecider).given([added()]).when(update({ name: null, role: 'Controller' })).then([{ type: 'ContactUpdated', data: { contactId, role: 'Controller' } }]);
    });

    it.each([
      ['no field', {}],
      ['the source it has', { source: 'STAKEHOLDER' }],
    ])('refuses an update with %s: nothing to change', (_case, fields) => {
      spec(contactDecider).given([added()]).when(update(fields)).thenThrows('BAD_USER_INPUT', 'input');
    });

    it('refuses a contact that does not exist', () => {
      spec(contactDecider).given([]).when(update({ name: 'Ada' })).thenThrows('CONTACT_NOT_FOUND', 'contactId');
    });

    it.each(['name', 'organisation', 'role'])('refuses a new %s once the person is erased', (field) => {
      spec(contactDecider).given([added(), erased]).when(update({ [field]: 'Someone' })).thenThrows('CONTACT_ERASED', field);
    });

    it('takes a new source once the person is erased: it is not their personal data', () => {
      spec(contactDecider).given([added(), erased]).when(update({ source: 'TEAM_MEMBER' })).then([{ type: 'ContactUpdated', data: { contactId, source: 'TEAM_MEMBER' } }]);
    });

    it.each([
      ['name', { name: '' }],
      ['organisation', { organisation: ' ' }],
      ['source', { source: 'FRIEND' }],
    ])('refuses a bad %s', (field, fields) => {
      spec(contactDecider).given([added()]).when(update(fields)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('assessing', () => {
    it('records the stance, engagement and reason on the day given', () => {
      spec(contactDecider).given([added()]).when(assessContact()).then([assessed()]);
    });

    it('records an assessment on the day the relationship began, and today, without a reason', () => {
      spec(contactDecider).given([added()]).when(assessContact({ assessedOn: knownSince, reason: null })).then([assessed({ assessedOn: knownSince, reason: null })]);
      spec(contactDecider).given([added()]).when(assessContact({ assessedOn: today })).then([assessed({ assessedOn: today })]);
    });

    it('refuses a day before the relationship began', () => {
      spec(contactDecider).given([added()]).when(assessContact({ assessedOn: '2026-01-04' })).thenThrows('DAY_BEFORE_KNOWN_SINCE', 'assessedOn');
    });

    it('refuses a day after today', () => {
      spec(contactDecider).given([added()]).when(assessContact({ assessedOn: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'assessedOn');
    });

    it('assesses an erased person without a reason, and refuses one with a reason', () => {
      spec(contactDecider).given([added(), erased]).when(assessContact({ reason: null })).then([assessed({ reason: null })]);
      spec(contactDecider).given([added(), erased]).when(assessContact()).thenThrows('CONTACT_ERASED', 'reason');
    });

    it('refuses a contact that does not exist', () => {
      spec(contactDecider).given([]).when(assessContact()).thenThrows('CONTACT_NOT_FOUND', 'contactId');
    });

    it.each([
      ['stance', { stance: 'FAN' as never }],
      ['engagement', { engagement: 'HIGH' as never }],
      ['desiredEngagement', { desiredEngagement: null as never }],
      ['assessedOn', { assessedOn: '01/03/2026' }],
      ['reason', { reason: '' }],
      ['reason', { reason: 'x'.repeat(2001) }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(contactDecider).given([added()]).when(assessContact(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('ending the relationship', () => {
    it('records the day a stakeholder relationship ended', () => {
      spec(contactDecider).given([added()]).when(end()).then([ended()]);
    });

    it('refuses to end an internal relationship, which outlasts projects', () => {
      spec(contactDecider).given([addedInternal]).when(end()).thenThrows('CONTACT_RELATIONSHIP_NOT_STAKEHOLDER', 'contactId');
    });

    it('refuses to end it twice', () => {
      spec(contactDecider).given([added(), ended()]).when(end('2026-03-12')).thenThrows('CONTACT_RELATIONSHIP_ALREADY_ENDED', 'contactId');
    });

    it.each([
      ['DAY_BEFORE_KNOWN_SINCE', '2026-01-04'],
      ['DAY_IN_FUTURE', '2026-03-16'],
      ['BAD_USER_INPUT', '2026-3-1'],
    ])('refuses with %s a day of %s', (code, endedOn) => {
      spec(contactDecider).given([added()]).when(end(endedOn)).thenThrows(code, 'endedOn');
    });

    it('refuses a contact that does not exist', () => {
      spec(contactDecider).given([]).when(end()).thenThrows('CONTACT_NOT_FOUND', 'contactId');
    });
  });

  describe('erasing personal data', () => {
    it('records the erasure', () => {
      spec(contactDecider).given([added()]).when(erase).then([erased]);
    });

    it('records nothing the second time: nothing is left to forget', () => {
      spec(contactDecider).given([added(), erased]).when(erase).then([]);
    });

    it('refuses a contact that does not exist', () => {
      spec(contactDecider).given([]).when(erase).thenThrows('CONTACT_NOT_FOUND', 'contactId');
    });
  });

  describe('the view', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T09:00:00.000Z`, actor: `user${revision}@pmo.example` });
    const fold = (events: readonly ContactEvent[]) => foldView(contactView, events, facts) as ExistingContactView;

    it('shows the contact as added, by whom and when', () => {
      expect(fold([added()])).toMatchObject({
        status: 'ACTIVE', contactId, name: 'Grace Hopper', organisation: 'Finance', role: null, knownSince,
        groupIdsAtAdding: [groupId], addedAt: '2026-03-10T09:00:00.000Z', addedBy: 'user0@pmo.example',
        currentAssessment: null, endedOn: null, erased: false, revision: 0,
      });
    });

    it('shows updates field by field', () => {
      const view = fold([added(), { type: 'ContactUpdated', data: { contactId, organisation: null, source: 'CUSTOMER_SPONSOR' } }]);
      expect(view).toMatchObject({ name: 'Grace Hopper', organisation: null, source: 'CUSTOMER_SPONSOR', revision: 1 });
    });

    it('shows every assessment in the order recorded, and the stance of the latest day assessed, the later recorded winning a tie', () => {
      const view = fold([
        added(),
        assessed({ stance: 'SCEPTIC', assessedOn: '2026-03-01' }),
        assessed({ stance: 'CRITIC', assessedOn: '2026-02-01' }),
        assessed({ stance: 'SUPPORTER', assessedOn: '2026-03-01' }),
      ]);
      expect(contactAssessments(view).map((a) => [a.stance, a.recordedBy])).toEqual([
        ['SCEPTIC', 'user1@pmo.example'], ['CRITIC', 'user2@pmo.example'], ['SUPPORTER', 'user3@pmo.example'],
      ]);
      expect(view.currentAssessment).toMatchObject({ stance: 'SUPPORTER', recordedAt: '2026-03-13T09:00:00.000Z' });
    });

    it('shows the end of the relationship', () => {
      expect(fold([added(), ended()])).toMatchObject({ status: 'ENDED', endedOn: '2026-03-10' });
    });

    it('forgets the personal fields once erased, keeps the stances, and says who erased them when', () => {
      const view = fold([added(), assessed(), erased, assessed({ reason: 'sealed' }), erased]);
      expect(view).toMatchObject({ name: null, organisation: null, role: null, erased: true, erasedAt: '2026-03-12T09:00:00.000Z', erasedBy: 'user2@pmo.example', revision: 4 });
      expect(contactAssessments(view).map((a) => [a.stance, a.reason])).toEqual([['CHAMPION', null], ['CHAMPION', null]]);
    });

    it('ignores events before the contact was added, and a second adding', () => {
      expect(foldView(contactView, [assessed()], facts)).toEqual({ status: 'NONE' });
      expect(fold([added(), added({ name: 'Other' })])).toMatchObject({ name: 'Grace Hopper', revision: 1 });
    });
  });
});
