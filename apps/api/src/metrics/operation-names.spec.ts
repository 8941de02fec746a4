import { ANONYMOUS_OPERATION, MAX_OPERATION_NAMES, OTHER_OPERATIONS, OperationNames } from './operation-names';

describe('operation names as metric labels', () => {
  it('given an unnamed operation, labels it anonymous', () => {
    expect(new OperationNames().label(undefined)).toBe(ANONYMOUS_OPERATION);
  });

  it('given more distinct names than are kept, labels the newcomers "other" and keeps the ones seen', () => {
    const names = new OperationNames();
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) expect(names.label(`Op${i}`)).toBe(`Op${i}`);

    expect(names.label('OneTooMany')).toBe(OTHER_OPERATIONS);
    expect(names.label('Op0')).toBe('Op0');
  });
});
