import type { CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, oneOf, optionalText, requiredText } from '../shared/input';
import type { ChangePmoCatalogue } from './pmo.commands';
import { CATALOGUE_KINDS, type PmoEvent } from './pmo.events';
import { activePmo, notBeforeEstablishment, notInFuture } from './pmo.rules';
import { catalogueKey, type PmoState } from './pmo.state';

const NOUN = { SERVICE: 'service', TOOL: 'tool' } as const;

/**
 * Declaring an item the catalogue holds now, or retiring one it does not, is refused rather than
 * taken as a no-op: a catalogue change carries its own day and reason, and quietly dropping them
 * would record neither. A retry with the same commandId never reaches here (the store answers it).
 */
export const changeCatalogue = (command: ChangePmoCatalogue, state: PmoState, context: CommandContext): PmoEvent[] => {
  const pmo = activePmo(state, command.pmoId);
  const catalogue = oneOf('catalogue', command.catalogue, CATALOGUE_KINDS);
  const name = requiredText('name', command.name, NAME_MAX);
  const reason = optionalText('reason', command.reason, TEXT_MAX);
  const on = command.on === null ? context.today : localDate('on', command.on);
  notInFuture('on', on, context.today);
  notBeforeEstablishment('on', on, command.establishedOn);
  const standing = pmo.catalogue[catalogueKey(catalogue, name)];
  const noun = NOUN[catalogue];
  if (command.type === 'DeclarePmoCatalogueItem') {
    const description = optionalText('description', command.description, TEXT_MAX);
    if (standing?.current) {
      throw new DomainError('CATALOGUE_ITEM_ALREADY_CURRENT', `the ${noun} "${name}" is already in the catalogue, since ${standing.since}`, 'name');
    }
    if (standing && on < standing.retiredOn) {
      throw new DomainError('CATALOGUE_DAY_OUT_OF_ORDER', `the ${noun} "${name}" was retired on ${standing.retiredOn}; it can come back on that day or later`, 'on');
    }
    return [{ type: 'PmoCatalogueItemDeclared', data: { pmoId: pmo.pmoId, catalogue, name, description, on, reason } }];
  }
  if (!standing?.current) {
    throw new DomainError('CATALOGUE_ITEM_NOT_CURRENT', `the ${noun} "${name}" is not in the catalogue`, 'name');
  }
  if (on < standing.since) {
    throw new DomainError('CATALOGUE_DAY_OUT_OF_ORDER', `the ${noun} "${name}" is in the catalogue since ${standing.since}; it cannot be retired before`, 'on');
  }
  return [{ type: 'PmoCatalogueItemRetired', data: { pmoId: pmo.pmoId, catalogue, name, on, reason } }];
};
