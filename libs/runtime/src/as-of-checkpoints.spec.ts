import { CATEGORY } from './stream-ids';
import { CHECKPOINTED_KINDS, EVENT_TYPES_OF_CATEGORY } from './as-of-checkpoints';
import { ENTITY_KINDS } from './entity-kinds';
import { PERSONAL_FIELD_RULES } from './personal-data';

describe('the kinds whose views are checkpointed', () => {
  it('given every entity kind, then each says which events its streams hold', () => {
    expect(ENTITY_KINDS.filter((kind) => EVENT_TYPES_OF_CATEGORY[kind.category] === undefined).map((k) => k.category)).toEqual([]);
  });

  it('given the events that carry personal fields, then no checkpointed kind records any of them', () => {
    for (const kind of CHECKPOINTED_KINDS) {
      expect(EVENT_TYPES_OF_CATEGORY[kind.category]!.filter((type) => PERSONAL_FIELD_RULES[type] !== undefined)).toEqual([]);
    }
    const left = ENTITY_KINDS.filter((kind) => !CHECKPOINTED_KINDS.includes(kind)).map((k) => k.category);
    expect(left).toEqual(expect.arrayContaining([CATEGORY.contact, CATEGORY.touchpoint, CATEGORY.supportengagement]));
    expect(CHECKPOINTED_KINDS.map((k) => k.category)).toContain(CATEGORY.objective);
  });
});
