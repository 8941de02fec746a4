import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import type { CommunityCommand } from './community.commands';
import { communityDecider } from './community.decider';
import type { CommunityEvent } from './community.events';
import { communityId, communityJoined, communityLeft, contributionRecorded, joinCommunity, joinedOn, today } from './community.fixtures';
import { communityContributions, communityView, type JoinedCommunityView } from './community.view';

const leave = (leftOn: string): CommunityCommand => ({ type: 'LeaveCommunity', communityId, leftOn });
const contribute = (overrides: object = {}): CommunityCommand => ({
  type: 'RecordCommunityContribution',
  communityId,
  on: '2026-02-12',
  title: ' Talk: benefits that survive the project ',
  kind: 'TALK',
  ...overrides,
});

describe('Community', () => {
  describe('joining', () => {
    it('records the membership: name, kind and the day it began', () => {
      spec(communityDecider).given([]).when(joinCommunity()).then([communityJoined()]);
    });

    it('records one joined today', () => {
      spec(communityDecider).given([]).when(joinCommunity({ joinedOn: today })).then([communityJoined({ joinedOn: today })]);
    });

    it('refuses a community that already exists', () => {
      spec(communityDecider).given([communityJoined()]).when(joinCommunity()).thenThrows('COMMUNITY_ALREADY_EXISTS', 'communityId');
    });

    it('refuses a membership that begins after today', () => {
      spec(communityDecider).given([]).when(joinCommunity({ joinedOn: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'joinedOn');
    });

    it.each([
      ['name', { name: ' ' }],
      ['name', { name: 'x'.repeat(201) }],
      ['kind', { kind: 'CLUB' as never }],
      ['joinedOn', { joinedOn: '2026-02-30' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(communityDecider).given([]).when(joinCommunity(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('leaving', () => {
    it('records the day the membership ended, once', () => {
      spec(communityDecider).given([communityJoined()]).when(leave('2026-03-01')).then([communityLeft('2026-03-01')]);
    });

    it('lets a PMO leave on the day it joined, or today', () => {
      spec(communityDecider).given([communityJoined()]).when(leave(joinedOn)).then([communityLeft(joinedOn)]);
      spec(communityDecider).given([communityJoined()]).when(leave(today)).then([communityLeft(today)]);
    });

    it('refuses leaving twice', () => {
      spec(communityDecider).given([communityJoined(), communityLeft()]).when(leave('2026-03-02')).thenThrows('COMMUNITY_ALREADY_LEFT', 'communityId');
    });

    it('refuses leaving before joining', () => {
      spec(communityDecider).given([communityJoined()]).when(leave('2026-01-09')).thenThrows('LEFT_BEFORE_JOINED', 'leftOn');
    });

    it('refuses leaving after today, or on no real day', () => {
      spec(communityDecider).given([communityJoined()]).when(leave('2026-03-16')).thenThrows('DAY_IN_FUTURE', 'leftOn');
      spec(communityDecider).given([communityJoined()]).when(leave('yesterday')).thenThrows('BAD_USER_INPUT', 'leftOn');
    });

    it('refuses leaving a community that does not exist', () => {
      spec(communityDecider).given([]).when(leave('2026-03-01')).thenThrows('COMMUNITY_NOT_FOUND', 'communityId');
    });
  });

  describe('contributing', () => {
    it('records a contribution within the membership, its kind optional', () => {
      spec(communityDecider).given([communityJoined()]).when(contribute()).then([contributionRecorded()]);
      spec(communityDecider).given([communityJoined()]).when(contribute({ kind: null, on: today })).then([contributionRecorded({ kind: null, on: today })]);
    });

    it('records one on the first and the last day of the membership', () => {
      spec(communityDecider).given([communityJoined(), communityLeft()]).when(contribute({ on: joinedOn })).then([contributionRecorded({ on: joinedOn })]);
      spec(communityDecider).given([communityJoined(), communityLeft()]).when(contribute({ on: '2026-03-01' })).then([contributionRecorded({ on: '2026-03-01' })]);
    });

    it('refuses one before joining or after leaving', () => {
      spec(communityDecider).given([communityJoined()]).when(contribute({ on: '2026-01-09' })).thenThrows('CONTRIBUTION_OUTSIDE_MEMBERSHIP', 'on');
      spec(communityDecider).given([communityJoined(), communityLeft()]).when(contribute({ on: '2026-03-02' })).thenThrows('CONTRIBUTION_OUTSIDE_MEMBERSHIP', 'on');
    });

    it('refuses one after today', () => {
      spec(communityDecider).given([communityJoined()]).when(contribute({ on: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'on');
    });

    it.each([
      ['title', { title: '' }],
      ['kind', { kind: 'TWEET' }],
      ['on', { on: '12/02/2026' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(communityDecider).given([communityJoined()]).when(contribute(overrides)).thenThrows('BAD_USER_INPUT', field);
    });

    it('refuses a contribution to a community that does not exist', () => {
      spec(communityDecider).given([]).when(contribute()).thenThrows('COMMUNITY_NOT_FOUND', 'communityId');
    });
  });

  describe('the view', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T09:00:00.000Z`, actor: `user${revision}@pmo.example` });
    const fold = (events: readonly CommunityEvent[]) => foldView(communityView, events, facts) as JoinedCommunityView;

    it('shows the membership, when it ended, and every contribution with who recorded it', () => {
      const view = fold([communityJoined(), contributionRecorded(), contributionRecorded({ on: '2026-02-20', kind: null }), communityLeft()]);
      expect(view).toMatchObject({ status: 'LEFT', name: 'PMO Flashmob', joinedOn, leftOn: '2026-03-01', joinedBy: 'user0@pmo.example', revision: 3 });
      expect(communityContributions(view)).toEqual([
        { on: '2026-02-12', title: 'Talk: benefits that survive the project', kind: 'TALK', recordedAt: '2026-03-11T09:00:00.000Z', recordedBy: 'user1@pmo.example' },
        { on: '2026-02-20', title: 'Talk: benefits that survive the project', kind: null, recordedAt: '2026-03-12T09:00:00.000Z', recordedBy: 'user2@pmo.example' },
      ]);
    });

    it('ignores events before joining, and a second leaving', () => {
      expect(foldView(communityView, [contributionRecorded()], facts)).toEqual({ status: 'NONE' });
      expect(fold([communityJoined(), communityLeft(), communityLeft('2026-03-05')]).leftOn).toBe('2026-03-01');
    });
  });
});
