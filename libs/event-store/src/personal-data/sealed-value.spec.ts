import { newPersonalKey, normaliseSubjects, openWithKeys, parseSealed, SEALED_PREFIX, sealWithKeys, UnreadableSealedValueError } from './sealed-value';

describe('the sealed form of a personal value', () => {
  const ada = '0b7c6f0e-0000-4000-8000-00000000000a';
  const bob = '0b7c6f0e-0000-4000-8000-00000000000b';
  const [adaKey, bobKey] = [newPersonalKey(), newPersonalKey()];

  it('is one ASCII token with the version prefix, opening to the plaintext with the same keys', () => {
    const sealed = sealWithKeys('Ada Lovelace', [ada], [adaKey]);

    expect(sealed.startsWith(SEALED_PREFIX)).toBe(true);
    expect(sealed).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(sealed).not.toContain('Ada');
    expect(JSON.parse(JSON.stringify({ name: sealed })).name).toBe(sealed);
    expect(openWithKeys(parseSealed(sealed), [adaKey])).toBe('Ada Lovelace');
  });

  it('never seals the same text to the same string, each value having its own salt and IV', () => {
    expect(sealWithKeys('same', [ada], [adaKey])).not.toBe(sealWithKeys('same', [ada], [adaKey]));
  });

  it('seals empty and non-Latin text', () => {
    for (const text of ['', 'Zoë Ærø 李雷 👩‍💻']) expect(openWithKeys(parseSealed(sealWithKeys(text, [ada], [adaKey])), [adaKey])).toBe(text);
  });

  it('names its subjects sorted, and needs every one of their keys', () => {
    const subjects = normaliseSubjects([bob, ada, bob]);
    const sealed = sealWithKeys('met at the steering meeting', subjects, [adaKey, bobKey]);

    expect(parseSealed(sealed).subjects).toEqual([ada, bob]);
    expect(() => openWithKeys(parseSealed(sealed), [adaKey, newPersonalKey()])).toThrow(UnreadableSealedValueError);
    expect(() => openWithKeys(parseSealed(sealed), [bobKey, adaKey])).toThrow(UnreadableSealedValueError);
  });

  it('fails closed when any part was altered, the subject list included', () => {
    const sealed = sealWithKeys('Ada Lovelace', [ada, bob], [adaKey, bobKey]);
    const parts = sealed.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    for (let index = 2; index < parts.length; index += 1) {
      const altered = parts.map((part, n) => (n === index ? flip(part) : part)).join('.');
      expect(() => openWithKeys(parseSealed(altered), [adaKey, bobKey])).toThrow(UnreadableSealedValueError);
    }
    // Dropping a subject from the header cannot make the value readable with fewer keys.
    const onlyAda = [parts[0], Buffer.from(ada).toString('base64url'), ...parts.slice(2)].join('.');
    expect(() => openWithKeys(parseSealed(onlyAda), [adaKey])).toThrow(UnreadableSealedValueError);
  });

  it('refuses strings that only look sealed', () => {
    for (const text of ['pd1.', 'pd1.a.b', 'pd1.!!.a.b.c.d', `pd1.${Buffer.from('x,y').toString('base64url')}.a.b.c.d`]) {
      expect(() => parseSealed(text)).toThrow(UnreadableSealedValueError);
    }
  });

  it('takes subject ids that are entity ids only, and at least one', () => {
    expect(() => normaliseSubjects([])).toThrow(RangeError);
    expect(() => normaliseSubjects(['a,b'])).toThrow(RangeError);
    expect(() => normaliseSubjects(['x'.repeat(129)])).toThrow(RangeError);
  });
});
