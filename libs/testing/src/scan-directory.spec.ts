import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanDirectoryFor } from './scan-directory';

describe('scanDirectoryFor', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds string and byte needles in every file, nested ones included, with their offsets', () => {
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(path.join(dir, 'a.sqlite'), Buffer.concat([Buffer.from('xxAda'), Buffer.from([0, 1, 2]), Buffer.from('Ada')]));
    fs.writeFileSync(path.join(dir, 'nested', 'b.sqlite-wal'), Buffer.from([9, 0, 1, 2]));
    fs.writeFileSync(path.join(dir, 'clean'), 'nothing here');

    expect(scanDirectoryFor(dir, ['Ada', Buffer.from([0, 1, 2])])).toEqual([
      { file: 'a.sqlite', needle: 0, offset: 2 },
      { file: 'a.sqlite', needle: 0, offset: 8 },
      { file: 'a.sqlite', needle: 1, offset: 5 },
      { file: path.join('nested', 'b.sqlite-wal'), needle: 1, offset: 1 },
    ]);
    expect(scanDirectoryFor(dir, ['Bob'])).toEqual([]);
  });

  it('refuses an empty needle, which would be found everywhere', () => {
    expect(() => scanDirectoryFor(dir, [''])).toThrow(RangeError);
  });
});
