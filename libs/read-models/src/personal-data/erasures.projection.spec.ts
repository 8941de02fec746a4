import { ArrayEventStore } from '../array-event-store.fixture';
import { Projector } from '../projector';
import { ReadModelDb, schemaFingerprint } from '../read-model-db';
import { erasedSubjectIds, PersonalDataErasuresProjection } from './erasures.projection';

const RULES = { Erased: (data: Readonly<Record<string, unknown>>) => [data['contactId'] as string] };
const meta = { actor: 'grace', correlationId: 'c' };

describe('PersonalDataErasuresProjection', () => {
  it('remembers every erased subject once and tells the instance as it applies the erasure', async () => {
    const store = new ArrayEventStore();
    const db = ReadModelDb.open(':memory:');
    const told: string[] = [];
    const projector = new Projector(store, db, [new PersonalDataErasuresProjection(RULES, (subject) => told.push(subject))]);
    await store.append('contact-a', [{ type: 'Added', data: { contactId: 'a', name: 'sealed' }, metadata: meta }]);
    await store.append('contact-a', [{ type: 'Erased', data: { contactId: 'a' }, metadata: meta }]);
    await store.append('contact-b', [{ type: 'Erased', data: { contactId: 'b' }, metadata: meta }]);
    await store.append('contact-a', [{ type: 'Erased', data: { contactId: 'a' }, metadata: meta }]);

    await projector.start();
    await projector.stop();

    expect(told).toEqual(['a', 'b', 'a']);
    expect(erasedSubjectIds(db)).toEqual(['a', 'b']);
    db.close();
  });

  it("changes the read models' fingerprint when another event type comes to erase, so earlier ones are found", () => {
    const before = schemaFingerprint([new PersonalDataErasuresProjection({})]);
    expect(schemaFingerprint([new PersonalDataErasuresProjection(RULES)])).not.toBe(before);
    expect(schemaFingerprint([new PersonalDataErasuresProjection({}, () => undefined)])).toBe(before);
  });
});
