import { Injectable } from '@nestjs/common';

/**
 * Where an erasure makes a person's data unreadable for good: the keys their fields are sealed
 * under are destroyed. Called on every erasure request after the erasure is recorded, a repeated
 * one included (a request that stopped between the two must still finish), so it must be safe to
 * call again. Views forget the person's fields as soon as the erasure is recorded.
 */
export abstract class ErasureKeys {
  abstract destroy(contactId: string): Promise<void>;
}

/** No personal field is sealed yet, so there are no keys to destroy. */
@Injectable()
export class NoSealingKeys extends ErasureKeys {
  async destroy(): Promise<void> {
    return undefined;
  }
}
