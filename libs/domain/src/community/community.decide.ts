import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { NAME_MAX, localDate, oneOf, requiredText } from '../shared/input';
import { notInFuture } from '../network/network.rules';
import type { CommunityCommand, JoinCommunity, LeaveCommunity, RecordCommunityContribution } from './community.commands';
import { COMMUNITY_KINDS, CONTRIBUTION_KINDS, type CommunityEvent } from './community.events';
import type { CommunityState, JoinedCommunity } from './community.state';

const joined = (state: CommunityState, communityId: string): JoinedCommunity => {
  if (state.status === 'NONE') throw new DomainError('COMMUNITY_NOT_FOUND', `community ${communityId} does not exist`, 'communityId');
  return state;
};

const join = (command: JoinCommunity, state: CommunityState, context: CommandContext): CommunityEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('COMMUNITY_ALREADY_EXISTS', `community ${command.communityId} already exists`, 'communityId');
  const name = requiredText('name', command.name, NAME_MAX);
  const kind = oneOf('kind', command.kind, COMMUNITY_KINDS);
  const joinedOn = notInFuture('joinedOn', localDate('joinedOn', command.joinedOn), context.today);
  return [{ type: 'CommunityJoined', data: { communityId: command.communityId, pmoId: command.pmoId, name, kind, joinedOn } }];
};

const leave = (command: LeaveCommunity, state: CommunityState, context: CommandContext): CommunityEvent[] => {
  const community = joined(state, command.communityId);
  if (community.status === 'LEFT') {
    throw new DomainError('COMMUNITY_ALREADY_LEFT', `the PMO left community ${community.communityId} on ${community.leftOn}`, 'communityId');
  }
  const leftOn = notInFuture('leftOn', localDate('leftOn', command.leftOn), context.today);
  if (leftOn < community.joinedOn) {
    throw new DomainError('LEFT_BEFORE_JOINED', `leftOn ${leftOn} is before the PMO joined (${community.joinedOn})`, 'leftOn');
  }
  return [{ type: 'CommunityLeft', data: { communityId: community.communityId, leftOn } }];
};

/** A contribution is made while a member: from the day the PMO joined to the day it left. */
const contribute = (command: RecordCommunityContribution, state: CommunityState, context: CommandContext): CommunityEvent[] => {
  const community = joined(state, command.communityId);
  const on = notInFuture('on', localDate('on', command.on), context.today);
  if (on < community.joinedOn || (community.leftOn !== null && on > community.leftOn)) {
    const membership = `${community.joinedOn}..${community.leftOn ?? 'today'}`;
    throw new DomainError('CONTRIBUTION_OUTSIDE_MEMBERSHIP', `on ${on} is outside the PMO's membership (${membership})`, 'on');
  }
  const title = requiredText('title', command.title, NAME_MAX);
  const kind = command.kind === null || command.kind === undefined ? null : oneOf('kind', command.kind, CONTRIBUTION_KINDS);
  return [{ type: 'CommunityContributionRecorded', data: { communityId: community.communityId, on, title, kind } }];
};

export const decideCommunity = (command: CommunityCommand, state: CommunityState, context: CommandContext): CommunityEvent[] => {
  switch (command.type) {
    case 'JoinCommunity':
      return join(command, state, context);
    case 'LeaveCommunity':
      return leave(command, state, context);
    case 'RecordCommunityContribution':
      return contribute(command, state, context);
    default:
      return assertNever(command);
  }
};
