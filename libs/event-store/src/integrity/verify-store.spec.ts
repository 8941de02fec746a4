import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newEvent } from '../conformance/conformance-fixtures';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { hashEvent } from './event-hash';
import { StoreVerifier, type IntegrityReport, type StreamHead } from './verify-store';

const A = 'objective-aaaaaaaa-0000-4000-8000-000000000001';
const B = 'objective-bbbbbbbb-0000-4000-8000-000000000002';
const HASH_MISMATCH = 'hash does not match the event content';
const UNLINKED = 'prevHash does not link to the hash of the previous event';

/**
 * A real SQLite event store, and a second connection to its file standing for anyone who edits
 * the file behind the service's back.
 */
describe('StoreVerifier', () => {
  let dir: string;
  let store: SqliteEventStore;
  let file: Database.Database;

  /** Streams A (revisions 0..3) and B (0..2), appended alternately so their positions interleave. */
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-verify-'));
    store = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    for (let n = 0; n < 4; n += 1) {
      await store.append(A, [newEvent('StepTaken', { n, note: `step ${n}` })], n - 1);
      if (n < 3) await store.append(B, [newEvent('StepTaken', { n })], n - 1);
    }
    file = new Database(store.file);
  });

  afterEach(async () => {
    file.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const edit = (sql: string, ...params: unknown[]) => file.prepare(sql).run(...params);
  const everything = (batchSize = 2) => new StoreVerifier(store, { batchSize }).verifyAll();
  const only = (streams: string[], batchSize = 2) => new StoreVerifier(store, { batchSize }).verifyStreams(streams);
  const problemsOf = (report: IntegrityReport) => report.problems.map(({ streamId, revision, problem }) => `${streamId === A ? 'A' : 'B'}@${revision}: ${problem}`);
  const headOf = async (streamId: string): Promise<StreamHead> => {
    const last = (await store.readStreamStored(streamId)).at(-1)!;
    return { streamId, revision: last.revision, hash: last.hash };
  };

  /** Recomputes every hash of a stream from its stored rows, as someone covering an edit would. */
  const rehash = async (streamId: string) => {
    let prevHash = '';
    for (const event of await store.readStreamStored(streamId)) {
      const hash = hashEvent(prevHash, event);
      edit('UPDATE events SET hash = ?, prev_hash = ? WHERE stream_id = ? AND revision = ?', hash, prevHash, streamId, event.revision);
      prevHash = hash;
    }
  };

  describe('on an untouched store', () => {
    it('finds nothing and gives each stream its head, whatever the batch size', async () => {
      const heads = [await headOf(A), await headOf(B)];

      for (const batchSize of [1, 2, 3, 1000]) {
        const report = await everything(batchSize);
        expect(report).toEqual({ ok: true, checkedEvents: 7, problemCount: 0, problems: [], streams: heads });
        expect(await only([A, B], batchSize)).toEqual(report);
      }
      expect(heads.map((head) => head.revision)).toEqual([3, 2]);
    });

    it('tells how many events it has checked after every batch, up to the whole store', async () => {
      const seen: number[] = [];

      await new StoreVerifier(store, { batchSize: 3, onProgress: (checked) => seen.push(checked) }).verifyAll();

      // Batches of 3, 3 and 1 events, then the empty read that ends the check.
      expect(seen).toEqual([3, 6, 7, 7]);
    });
  });

  describe('on a row edited in the file', () => {
    it.each([
      ['data', `UPDATE events SET data = '{"n":1,"note":"rewritten"}' WHERE stream_id = ? AND revision = 1`],
      ['metadata', `UPDATE events SET metadata = json_set(metadata, '$.actor', 'mallory@pmo.example') WHERE stream_id = ? AND revision = 1`],
      ['recorded time', `UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE stream_id = ? AND revision = 1`],
      ['type', `UPDATE events SET type = 'StepUndone' WHERE stream_id = ? AND revision = 1`],
      ['schema version', `UPDATE events SET schema_version = 2 WHERE stream_id = ? AND revision = 1`],
    ])('names the stream and revision whose %s changed, and only it', async (_field, sql) => {
      expect(edit(sql, A).changes).toBe(1);

      const whole = await everything();
      expect(problemsOf(whole)).toEqual([`A@1: ${HASH_MISMATCH}`]);
      expect(whole).toMatchObject({ ok: false, checkedEvents: 7, problemCount: 1 });
      expect(problemsOf(await only([A]))).toEqual([`A@1: ${HASH_MISMATCH}`]);
    });

    it('names a renumbered revision', async () => {
      edit('UPDATE events SET revision = 7 WHERE stream_id = ? AND revision = 3', A);

      expect(problemsOf(await everything())).toEqual(['A@7: revision 7 where 3 was expected', `A@7: ${HASH_MISMATCH}`]);
    });

    it('names both rows of two swapped revisions', async () => {
      edit('UPDATE events SET revision = -1 WHERE stream_id = ? AND revision = 1', A);
      edit('UPDATE events SET revision = 1 WHERE stream_id = ? AND revision = 2', A);
      edit('UPDATE events SET revision = 2 WHERE stream_id = ? AND revision = -1', A);

      const inFeedOrder = problemsOf(await everything());
      expect(inFeedOrder).toEqual(expect.arrayContaining(['A@2: revision 2 where 1 was expected', `A@2: ${HASH_MISMATCH}`, `A@1: ${HASH_MISMATCH}`]));
      expect(inFeedOrder.every((problem) => problem.startsWith('A@'))).toBe(true);
      // Read by revision the rows sort back into place; their hashes still give them away.
      expect(problemsOf(await only([A]))).toEqual(expect.arrayContaining([`A@1: ${HASH_MISMATCH}`, `A@2: ${HASH_MISMATCH}`]));
    });

    it('names the gap a deleted middle row leaves', async () => {
      edit('DELETE FROM events WHERE stream_id = ? AND revision = 2', A);

      const expected = ['A@3: revision 3 where 2 was expected', `A@3: ${UNLINKED}`];
      expect(problemsOf(await everything())).toEqual(expected);
      expect(problemsOf(await only([A]))).toEqual(expected);
      expect((await everything()).checkedEvents).toBe(6);
    });

    it('names a changed hash and the link it breaks', async () => {
      edit(`UPDATE events SET hash = ? WHERE stream_id = ? AND revision = 1`, 'f'.repeat(64), B);

      expect(problemsOf(await everything())).toEqual([`B@1: ${HASH_MISMATCH}`, `B@2: ${UNLINKED}`]);
    });

    it('reports data that is no longer JSON and goes on checking the rest of the store', async () => {
      edit(`UPDATE events SET data = '{"n": 1, "note"' WHERE stream_id = ? AND revision = 1`, A);
      edit(`UPDATE events SET metadata = 'not json' WHERE stream_id = ? AND revision = 0`, B);
      edit(`UPDATE events SET data = '{"n":2}!' WHERE stream_id = ? AND revision = 2`, B);

      const report = await everything();
      expect(problemsOf(report)).toEqual([
        'B@0: metadata is not valid JSON, so its hash cannot be checked',
        'A@1: data is not valid JSON, so its hash cannot be checked',
        'B@2: data is not valid JSON, so its hash cannot be checked',
      ]);
      expect(report.checkedEvents).toBe(7);
      expect(problemsOf(await only([A, B]))).toEqual(expect.arrayContaining(problemsOf(report)));
      // The reads that feed the service refuse such a row rather than hand out a placeholder.
      await expect(store.readStream(A)).rejects.toThrow(SyntaxError);
      await expect(store.readAll()).rejects.toThrow(SyntaxError);
    });

    it('lists the first problems and counts them all', async () => {
      edit(`UPDATE events SET data = '{}'`);

      const report = await new StoreVerifier(store, { maxProblems: 3 }).verifyAll();
      expect(report.problems).toHaveLength(3);
      expect(report.problemCount).toBe(7);
      expect(report.ok).toBe(false);
    });
  });

  describe('scoped to some streams', () => {
    it('checks those streams only, from their first revision', async () => {
      edit(`UPDATE events SET data = '{"n":0}' WHERE stream_id = ? AND revision = 0`, A);

      const report = await only([B]);
      expect(report).toEqual({ ok: true, checkedEvents: 3, problemCount: 0, problems: [], streams: [await headOf(B)] });
      expect(problemsOf(await only([A, B]))).toEqual([`A@0: ${HASH_MISMATCH}`]);
    });

    it('reports a named stream that has no stored events', async () => {
      const gone = 'work-cccccccc-0000-4000-8000-000000000003';

      const report = await only([B, gone]);
      expect(report.problems).toEqual([{ streamId: gone, revision: 0, problem: 'no events are stored for this stream' }]);
    });
  });

  describe('with heads kept from an earlier report', () => {
    let kept: StreamHead[];

    beforeEach(async () => {
      kept = (await everything()).streams;
      await store.append(A, [newEvent('StepTaken', { n: 4 })], 3);
    });

    it('accepts a store that only grew since', async () => {
      const report = await new StoreVerifier(store).verifyAll(kept);
      expect(report).toMatchObject({ ok: true, checkedEvents: 8 });
      expect(await new StoreVerifier(store).verifyStreams([], kept)).toMatchObject({ ok: true, checkedEvents: 8 });
    });

    it('catches an edit whose chain was recomputed to look consistent', async () => {
      edit(`UPDATE events SET data = '{"n":1,"note":"rewritten"}' WHERE stream_id = ? AND revision = 1`, A);
      await rehash(A);
      expect((await everything()).ok).toBe(true);

      const report = await new StoreVerifier(store).verifyAll(kept);
      expect(problemsOf(report)).toEqual(['A@3: hash differs from the kept head: the stream up to this revision is not what it was']);
      expect(problemsOf(await new StoreVerifier(store).verifyStreams([A], kept))).toEqual(problemsOf(report));
    });

    it('catches rows deleted from the end of a stream, and a stream deleted whole', async () => {
      edit('DELETE FROM events WHERE stream_id = ? AND revision >= 2', A);
      edit('DELETE FROM events WHERE stream_id = ?', B);
      expect((await everything()).ok).toBe(true);

      expect(problemsOf(await new StoreVerifier(store).verifyAll(kept))).toEqual([
        'A@3: the kept head at revision 3 is gone: the stream now ends at revision 1',
        'B@2: the kept head at revision 2 is gone: the stream has no stored events',
      ]);
    });
  });
});
