import type { PersonalFieldRules } from '@throughline/domain';
import { looksSealed } from './sealed-value';

/** What opening event data needs of the vault. */
export interface PersonalValueOpener {
  open(value: string | null | undefined): Promise<string | null>;
  openFound(value: string): Promise<string | null>;
  isErased(subjectId: string): Promise<boolean>;
}

export interface OpenedEventData {
  /** The data with every sealed value replaced by its plaintext, or by null once erased. */
  readonly data: Record<string, unknown>;
  /** The fields whose personal data was erased: top-level names, dotted paths below them. */
  readonly erasedFields: readonly string[];
}

/**
 * An event's data as an auditor is shown it (history, audit log, exports): never a sealed string,
 * and after an erasure never the plaintext. The fields `rules` declares personal for the event's
 * type are opened, or null once any of their subjects is erased — also a plain string written
 * before sealing was in place, which cannot be destroyed but is no longer shown. A sealed value
 * anywhere else in the data is opened too, and text there that only looks sealed is left as typed
 * (PersonalDataVault.openFound): free text can never make an answer fail.
 */
export async function openEventData(
  type: string,
  data: Readonly<Record<string, unknown>>,
  rules: PersonalFieldRules,
  vault: PersonalValueOpener,
): Promise<OpenedEventData> {
  const rule = Object.hasOwn(rules, type) ? rules[type] : undefined;
  // Most events hold no personal data: they are handed back as they are, without a walk per field.
  if (!rule && !containsSealed(data)) return { data: data as Record<string, unknown>, erasedFields: [] };
  const declared = new Set<string>(rule?.fields ?? []);
  const erasedFields: string[] = [];
  let subjectsErased: Promise<boolean> | undefined;
  const anySubjectErased = () =>
    (subjectsErased ??= (async () => {
      const subjects = rule ? rule.subjects(data) : [];
      return (await Promise.all(subjects.map((subject) => vault.isErased(subject)))).some(Boolean);
    })());

  const opened: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (declared.has(field) && typeof value === 'string' && !looksSealed(value)) {
      const erased = await anySubjectErased();
      if (erased) erasedFields.push(field);
      opened[field] = erased ? null : value;
      continue;
    }
    opened[field] = declared.has(field) && typeof value === 'string' ? await openDeclared(value, field, vault, erasedFields) : await openWithin(value, field, vault, erasedFields);
  }
  return { data: opened, erasedFields };
}

function containsSealed(value: unknown): boolean {
  if (looksSealed(value)) return true;
  if (Array.isArray(value)) return value.some(containsSealed);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsSealed);
  return false;
}

/** A declared field holds what this service sealed: one that does not open was altered, and fails. */
async function openDeclared(value: string, path: string, vault: PersonalValueOpener, erased: string[]): Promise<string | null> {
  const plaintext = await vault.open(value);
  if (plaintext === null) erased.push(path);
  return plaintext;
}

async function openWithin(value: unknown, path: string, vault: PersonalValueOpener, erased: string[]): Promise<unknown> {
  if (looksSealed(value)) {
    const plaintext = await vault.openFound(value);
    if (plaintext === null) erased.push(path);
    return plaintext;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) items.push(await openWithin(item, `${path}.${index}`, vault, erased));
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const fields: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) fields[name] = await openWithin(item, `${path}.${name}`, vault, erased);
    return fields;
  }
  return value;
}
