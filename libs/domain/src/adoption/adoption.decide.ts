import { assertNever, type CommandContext } from '../shared/decider';
import { badInput, DomainError } from '../shared/domain-error';
import { localDate, requiredText, TEXT_MAX } from '../shared/input';
import { isInScope, type PmoInTree, type StandardSnapshot } from '../standard/standard.snapshots';
import type { AdoptionCommand, AdoptStandard, KeepStandardVersion } from './adoption.commands';
import type { AdoptionEvent } from './adoption.events';

/** A standard that is still in force and binds the PMO: what adoptions, leeways and deviations need. */
export const bindingStandard = (standard: StandardSnapshot, pmo: PmoInTree): void => {
  if (standard.status === 'RETIRED') throw new DomainError('STANDARD_RETIRED', `standard ${standard.standardId} is retired`, 'standardId');
  if (!isInScope(standard, pmo)) {
    throw new DomainError(
      'STANDARD_NOT_APPLICABLE',
      `standard ${standard.standardId} applies to ${standard.appliesTo.join(', ')} PMOs under PMO ${standard.publisherPmoId}; PMO ${pmo.pmoId} is not one`,
      'pmoId',
    );
  }
};

const existingVersion = (standard: StandardSnapshot, value: unknown): number => {
  if (typeof value !== 'number' || !standard.versions.some((v) => v.version === value)) {
    throw new DomainError('UNKNOWN_STANDARD_VERSION', `standard ${standard.standardId} has versions 1 to ${standard.versions.length}`, 'version');
  }
  return value;
};

const adopt = (command: AdoptStandard, context: CommandContext): AdoptionEvent[] => {
  const { standard, pmo } = command;
  bindingStandard(standard, pmo);
  const version = existingVersion(standard, command.version);
  const adoptedOn = localDate('adoptedOn', command.adoptedOn);
  return [
    {
      type: 'StandardAdopted',
      data: {
        adoptionId: command.adoptionId,
        standardId: standard.standardId,
        pmoId: pmo.pmoId,
        version,
        adoptedOn,
        adoptedAt: context.now,
        adoptedBy: context.actor,
      },
    },
  ];
};

const keep = (command: KeepStandardVersion, context: CommandContext): AdoptionEvent[] => {
  const { standard, pmo, grantor } = command;
  // Leeway is the programme's to give to its own children, and nobody else's.
  if (grantor === null || pmo.ancestorIds[0] !== grantor.pmoId || grantor.kind !== 'PROGRAMME') {
    throw new DomainError('LEEWAY_NOT_GRANTABLE', `only a PROGRAMME PMO grants leeway, to its child PMOs; PMO ${pmo.pmoId}'s parent is not one`, 'pmoId');
  }
  bindingStandard(standard, pmo);
  const version = existingVersion(standard, command.version);
  const latest = standard.versions[standard.versions.length - 1]!;
  if (version >= latest.version) throw badInput('version', `version must be earlier than the latest (${latest.version}): leeway keeps an older version`);
  const until = localDate('until', command.until);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  return [
    {
      type: 'StandardVersionKept',
      data: {
        adoptionId: command.adoptionId,
        standardId: standard.standardId,
        pmoId: pmo.pmoId,
        grantorPmoId: grantor.pmoId,
        version,
        until,
        reason,
        grantedAt: context.now,
        grantedBy: context.actor,
      },
    },
  ];
};

export const decideAdoption = (command: AdoptionCommand, _state: unknown, context: CommandContext): AdoptionEvent[] => {
  switch (command.type) {
    case 'AdoptStandard':
      return adopt(command, context);
    case 'KeepStandardVersion':
      return keep(command, context);
    default:
      return assertNever(command);
  }
};
