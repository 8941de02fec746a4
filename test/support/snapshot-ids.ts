/**
 * The id an object read as of an instant carries in an answer: its entity's id, `@`, and the
 * instant as the service spells instants (UTC, milliseconds). Live answers carry the entity's id.
 */
export const idAsOf = (entityId: string, instant: string): string => `${entityId}@${new Date(instant).toISOString()}`;

/** The id a business plan asked for at a version carries (and as known at an instant, when asked so). */
export const idAtVersion = (entityId: string, version: number, instant?: string): string =>
  `${entityId}@v${version}${instant ? `@${new Date(instant).toISOString()}` : ''}`;
