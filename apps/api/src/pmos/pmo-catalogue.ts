import { catalogueOn, currentCatalogue, type CatalogueEntry, type CatalogueKind, type EstablishedPmoView } from '@throughline/domain';
import type { Pmo } from './pmo.types';

type Catalogued = Pick<Pmo, 'catalogue' | 'status' | 'mergedOn'>;

/**
 * The items of one catalogue a PMO had on `day`, or now when no day is given. A merged PMO
 * offers and uses nothing from its merger day on: its catalogue ends with it, whatever was
 * never retired (its items stay readable as of earlier days and in the history).
 */
export const catalogueItems = (pmo: Catalogued, kind: CatalogueKind, day: string | null): CatalogueEntry[] => {
  // Only the catalogue is read: the helpers take the view, of which the rest is not needed here.
  const view = { catalogue: pmo.catalogue } as EstablishedPmoView;
  if (day === null) return pmo.status === 'MERGED' ? [] : currentCatalogue(view, kind);
  if (pmo.mergedOn !== null && day >= pmo.mergedOn) return [];
  return catalogueOn(view, kind, day);
};

/** The names in every list. */
export const common = (lists: readonly (readonly string[])[]): string[] =>
  lists.length === 0 ? [] : lists[0]!.filter((name) => lists.every((list) => list.includes(name)));

/** The names of `own` that no other list holds. */
export const onlyIn = (own: readonly string[], others: readonly (readonly string[])[]): string[] =>
  own.filter((name) => !others.some((list) => list.includes(name)));
