/** Distinct operation names kept as label values; clients name their operations, so the set is open. */
export const MAX_OPERATION_NAMES = 200;
export const ANONYMOUS_OPERATION = 'anonymous';
export const OTHER_OPERATIONS = 'other';

/**
 * Operation names as metric labels. Each name is a series in every histogram bucket, and a client
 * could send a new name with every request: past the first MAX_OPERATION_NAMES seen, new names
 * are counted together as "other".
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  label(name: string | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_OPERATION_NAMES) return OTHER_OPERATIONS;
    this.seen.add(name);
    return name;
  }
}
