import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommunitySnapshot, CommunityView, InsightView } from '@throughline/domain';
import { Snapshots } from '../activities/activity.snapshots';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { COMMUNITY, PMO } from '../common/aggregates';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import { INSIGHT } from '../common/aggregates';
import { requiredReason } from '../network/reason';
import type { CommunityContributionInput, DecideInsightInput, JoinCommunityInput, LeaveCommunityInput, RecordInsightInput } from './insight.inputs';

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Communities a PMO takes part in (their contributions on the community's stream) and insights it
 * heard outside (their decisions on the insight's stream). Other aggregates a command names (the
 * PMO, the community, the activity) are folded the way commands fold them and are NOT_FOUND on
 * the field that named them.
 */
@Injectable()
export class InsightCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly activities: Snapshots,
  ) {}

  async join(input: JoinCommunityInput, caller: RequestContext): Promise<Decided<CommunityView>> {
    const { id: pmoId } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    return this.commands.execute(
      new DecideCommand(COMMUNITY, NEW_ENTITY, input, caller, (communityId) => ({
        type: 'JoinCommunity',
        communityId,
        pmoId,
        name: input.name,
        kind: input.kind,
        joinedOn: input.joinedOn,
      })),
    );
  }

  leave(input: LeaveCommunityInput, caller: RequestContext): Promise<Decided<CommunityView>> {
    const reason = given(input.reason) ? requiredReason(input.reason) : null;
    return this.commands.execute(
      new DecideCommand(COMMUNITY, { id: input.communityId, field: 'communityId' }, { ...input, reason }, caller, (communityId) => ({
        type: 'LeaveCommunity',
        communityId,
        leftOn: input.leftOn,
      })),
    );
  }

  contribute(input: CommunityContributionInput, caller: RequestContext): Promise<Decided<CommunityView>> {
    return this.commands.execute(
      new DecideCommand(COMMUNITY, { id: input.communityId, field: 'communityId' }, input, caller, (communityId) => ({
        type: 'RecordCommunityContribution',
        communityId,
        on: input.on,
        title: input.title,
        kind: input.kind ?? null,
      })),
    );
  }

  async record(input: RecordInsightInput, caller: RequestContext): Promise<Decided<InsightView>> {
    const { id: pmoId } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    const community = given(input.communityId) ? await this.community(input.communityId, caller.folds) : null;
    return this.commands.execute(
      new DecideCommand(INSIGHT, NEW_ENTITY, input, caller, (insightId) => ({
        type: 'RecordInsight',
        insightId,
        pmoId,
        community,
        title: input.title,
        summary: input.summary,
        heardOn: input.heardOn,
      })),
    );
  }

  async decide(input: DecideInsightInput, caller: RequestContext): Promise<Decided<InsightView>> {
    const activity = given(input.activityId) ? await this.activities.activity(input.activityId, caller.folds) : null;
    return this.commands.execute(
      new DecideCommand(INSIGHT, { id: input.insightId, field: 'insightId' }, input, caller, (insightId) => ({
        type: 'DecideInsight',
        insightId,
        decision: input.decision,
        reason: input.reason,
        decidedOn: input.decidedOn,
        activity,
      })),
    );
  }

  private async community(value: string, folds: RequestFolds): Promise<CommunitySnapshot> {
    const { state } = await this.loader.existing(COMMUNITY, value, 'communityId', folds);
    return { communityId: state.communityId, pmoId: state.pmoId, joinedOn: state.joinedOn };
  }
}
