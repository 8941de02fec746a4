import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitRevision } from './machine';

describe('the revision a benchmark run names', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  };

  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-revision-'));
    git('init', '--quiet');
    write('apps/api/src/main.ts', 'start();\n');
    write('bench/results/latest.json', '{}\n');
    git('add', '.');
    git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '--quiet', '-m', 'first');
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('given only the results of an earlier run changed, names the commit as it is', () => {
    write('bench/results/latest.json', '{"figures":1}\n');

    expect(gitRevision(repo)).toEqual({ commit: expect.stringMatching(/^[0-9a-f]{12}$/), dirty: false });
  });

  it('given a source file changed, says the code is uncommitted', () => {
    write('bench/results/latest.json', '{"figures":1}\n');
    write('apps/api/src/main.ts', 'start({ faster: true });\n');

    expect(gitRevision(repo).dirty).toBe(true);
  });

  it('run from a subdirectory, still leaves out the results and still sees every source', () => {
    write('libs/domain/index.ts', 'export {};\n');
    git('add', '.');
    git('-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', 'commit', '--quiet', '-m', 'second');
    write('bench/results/latest.json', '{"figures":1}\n');
    expect(gitRevision(path.join(repo, 'apps')).dirty).toBe(false);

    write('libs/domain/index.ts', 'export const faster = true;\n');
    expect(gitRevision(path.join(repo, 'apps')).dirty).toBe(true);
  });

  it('outside a repository, names no commit', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-no-repo-'));
    try {
      expect(gitRevision(plain)).toEqual({ commit: null, dirty: false });
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});
