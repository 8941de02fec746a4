import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { localDate, nullableText, oneOf, optionalText, requiredText } from '../shared/input';
import type { AssignPmoHead, EstablishPmo, IssueMandate, PmoCommand, RenamePmo } from './pmo.commands';
import { MANDATE_PURPOSES, PMO_KINDS, type PmoEvent } from './pmo.events';
import { changeCatalogue } from './pmo.catalogue.decide';
import { mergePmo, moveToSuccessor } from './pmo.merge.decide';
import { PMO_RANK, establishedPmo, notInFuture } from './pmo.rules';
import type { PmoState } from './pmo.state';

export const PMO_NAME_MAX = 200;
export const PMO_HEAD_MAX = 200;
export const MANDATE_STATEMENT_MAX = 2000;
export const MANDATE_SPONSOR_MAX = 200;
export const MANDATE_REASON_MAX = 2000;

const RANK = PMO_RANK;
const established = establishedPmo;

const establish = (command: EstablishPmo, state: PmoState, context: CommandContext): PmoEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('PMO_ALREADY_EXISTS', `PMO ${command.pmoId} already exists`);
  const name = requiredText('name', command.name, PMO_NAME_MAX);
  const kind = oneOf('kind', command.kind, PMO_KINDS);
  const head = nullableText('head', command.head, PMO_HEAD_MAX);
  const parent = command.parent;
  if (parent) {
    if (parent.pmoId === command.pmoId) {
      throw new DomainError('PMO_HIERARCHY_INVALID', 'a PMO cannot be its own parent', 'parentId');
    }
    if (RANK[kind] > RANK[parent.kind]) {
      throw new DomainError(
        'PMO_HIERARCHY_INVALID',
        `a ${kind} PMO cannot sit under a ${parent.kind} PMO`,
        'parentId',
      );
    }
    if (parent.merged) throw new DomainError('PMO_MERGED', `PMO ${parent.pmoId} was merged and takes no new children`, 'parentId');
  }
  // Absent, the day is the day recorded, which no parent's establishment can follow.
  const establishedOn = command.establishedOn == null ? null : notInFuture('establishedOn', localDate('establishedOn', command.establishedOn), context.today);
  if (establishedOn !== null && parent?.establishedOn !== undefined && establishedOn < parent.establishedOn) {
    throw new DomainError(
      'ESTABLISHED_BEFORE_PARENT',
      `establishedOn ${establishedOn} is before the parent PMO was established (${parent.establishedOn})`,
      'establishedOn',
    );
  }
  return [
    {
      type: 'PmoEstablished',
      data: { pmoId: command.pmoId, name, kind, parentId: parent?.pmoId ?? null, head, ...(establishedOn === null ? {} : { establishedOn }) },
    },
  ];
};

const rename = (command: RenamePmo, state: PmoState): PmoEvent[] => {
  const pmo = established(state, command.pmoId);
  const name = requiredText('name', command.name, PMO_NAME_MAX);
  if (name === pmo.name) return [];
  return [{ type: 'PmoRenamed', data: { pmoId: pmo.pmoId, name, previousName: pmo.name } }];
};

const assignHead = (command: AssignPmoHead, state: PmoState): PmoEvent[] => {
  const pmo = established(state, command.pmoId);
  const head = nullableText('head', command.head, PMO_HEAD_MAX);
  if (head === pmo.head) return [];
  return [{ type: 'PmoHeadAssigned', data: { pmoId: pmo.pmoId, head, previousHead: pmo.head } }];
};

const issueMandate = (command: IssueMandate, state: PmoState): PmoEvent[] => {
  const pmo = established(state, command.pmoId);
  const purpose = oneOf('purpose', command.purpose, MANDATE_PURPOSES);
  const statement = requiredText('statement', command.statement, MANDATE_STATEMENT_MAX);
  const sponsor = requiredText('sponsor', command.sponsor, MANDATE_SPONSOR_MAX);
  const effectiveFrom = localDate('effectiveFrom', command.effectiveFrom);
  // Null is no reason (enough for a first mandate); a reason given must be real text.
  const reason = optionalText('reason', command.reason, MANDATE_REASON_MAX);
  const current = pmo.mandate;
  // Re-issuing the mandate in force word for word is a retry (possibly of the first issue, which
  // carried no reason), not a new version.
  if (
    current &&
    current.purpose === purpose &&
    current.statement === statement &&
    current.sponsor === sponsor &&
    current.effectiveFrom === effectiveFrom
  ) {
    return [];
  }
  if (current && reason === null) {
    throw new DomainError('MANDATE_REASON_REQUIRED', 'replacing a mandate requires a reason', 'reason');
  }
  const version = current ? current.version + 1 : 1;
  return [
    {
      type: 'MandateIssued',
      data: { pmoId: pmo.pmoId, version, purpose, statement, sponsor, effectiveFrom, reason },
    },
  ];
};

export const decidePmo = (command: PmoCommand, state: PmoState, context: CommandContext): PmoEvent[] => {
  switch (command.type) {
    case 'EstablishPmo':
      return establish(command, state, context);
    case 'DeclarePmoCatalogueItem':
    case 'RetirePmoCatalogueItem':
      return changeCatalogue(command, state, context);
    case 'MergePmo':
      return mergePmo(command, state, context);
    case 'MovePmoToSuccessor':
      return moveToSuccessor(command, state);
    case 'RenamePmo':
      return rename(command, state);
    case 'AssignPmoHead':
      return assignHead(command, state);
    case 'IssueMandate':
      return issueMandate(command, state);
    default:
      return assertNever(command);
  }
};
