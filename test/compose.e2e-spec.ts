// The container definitions, checked without a container engine: the compose files are parsed with
// the YAML library (anchors and merge keys resolved as Compose resolves them), the Dockerfile line
// by line. Where a Compose CLI is installed, it validates the files as well.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { isPair, isScalar, parseDocument, visit, type Document } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const SINGLE = 'docker-compose.yml';
const CLUSTER = 'docker-compose.cluster.yml';
const STORE_IMAGE = /^eventstore\/eventstore:(\d+\.\d+\.\d+)(-[a-z0-9.-]+)?$/;
const STORE_DATA_DIR = '/var/lib/eventstore';

interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string } | string;
  environment?: Record<string, unknown> | string[];
  ports?: unknown[];
  volumes?: unknown[];
  healthcheck?: { test?: string[] | string; interval?: string; timeout?: string; retries?: number };
  depends_on?: Record<string, { condition?: string }> | string[];
  networks?: Record<string, { aliases?: string[] } | null> | string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}
interface Loaded {
  file: string;
  doc: Document;
  compose: ComposeFile;
}

function load(file: string): Loaded {
  const doc = parseDocument(fs.readFileSync(path.join(ROOT, file), 'utf8'), { merge: true });
  expect(doc.errors.map(String)).toEqual([]);
  expect(doc.warnings.map(String)).toEqual([]);
  return { file, doc, compose: doc.toJS() as ComposeFile };
}

/** Compose accepts both `KEY: value` maps and `KEY=value` lists; values are strings either way. */
function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }));
  }
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

/** Short-syntax named-volume mounts as [volume, target]; bind mounts (paths) are left out. */
function namedMounts(service: Service): Array<[string, string]> {
  return (service.volumes ?? [])
    .map((entry) => {
      if (typeof entry === 'string') {
        const [source, target] = entry.split(':');
        return [source, target] as [string, string];
      }
      const long = entry as { type?: string; source?: string; target?: string };
      return long.type === 'volume' ? ([long.source ?? '', long.target ?? ''] as [string, string]) : null;
    })
    .filter((mount): mount is [string, string] => mount !== null && !/^[./~]/.test(mount[0]));
}

function storeNodes(compose: ComposeFile): Array<[string, Service]> {
  return Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('eventstore/'));
}

function theService(compose: ComposeFile): Service {
  const built = Object.values(compose.services).filter((service) => service.build !== undefined);
  expect(built).toHaveLength(1);
  return built[0];
}

function dependsOnHealthy(service: Service): string[] {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return [];
  return Object.entries(dependsOn).filter(([, spec]) => spec?.condition === 'service_healthy').map(([name]) => name);
}

function aliasesOf(service: Service): string[] {
  const networks = service.networks ?? {};
  if (Array.isArray(networks)) return [];
  return Object.values(networks).flatMap((network) => network?.aliases ?? []);
}

/** Every place the file sets EVENTSTORE_INSECURE, with the comment written above it. */
function insecureSettings(doc: Document): Array<{ value: string; comment: string }> {
  const found: Array<{ value: string; comment: string }> = [];
  visit(doc, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'EVENTSTORE_INSECURE') {
        const value = isScalar(pair.value) ? String(pair.value.value) : '';
        found.push({ value, comment: pair.key.commentBefore ?? '' });
      }
    },
  });
  return found;
}

const files = [SINGLE, CLUSTER].map(load);
const [single, cluster] = files;

describe.each(files)('$file', ({ doc, compose }) => {
  const nodes = storeNodes(compose);
  const api = theService(compose);

  it('runs store nodes from the official image, pinned to one release', () => {
    expect(nodes.length).toBeGreaterThan(0);
    for (const [, node] of nodes) expect(node.image).toMatch(STORE_IMAGE);
    expect(new Set(nodes.map(([, node]) => node.image)).size).toBe(1);
  });

  it('runs the store insecure only where a comment says it is for local use, and publishes it on loopback only', () => {
    const settings = insecureSettings(doc);
    expect(settings.length).toBeGreaterThan(0);
    for (const { comment } of settings.filter((setting) => setting.value === 'true')) {
      expect(comment).toMatch(/local use only/i);
      expect(comment).toMatch(/production/i);
    }
    for (const [name, node] of nodes) {
      if (environmentOf(node).EVENTSTORE_INSECURE !== 'true') continue;
      for (const port of node.ports ?? []) expect({ node: name, port: String(port) }).toEqual({ node: name, port: expect.stringMatching(/^127\.0\.0\.1:\d+:2113$/) });
    }
  });

  it('checks each node through /health/live with a command the image carries', () => {
    for (const [, node] of nodes) {
      const test = node.healthcheck?.test;
      expect(Array.isArray(test)).toBe(true);
      expect((test as string[])[0]).toBe('CMD');
      expect((test as string[])[1]).toBe('curl');
      expect(test).toContain('--fail');
      expect(test).toContain('http://localhost:2113/health/live');
      expect(node.healthcheck?.interval).toBeDefined();
      expect(node.healthcheck?.retries).toBeGreaterThan(0);
    }
  });

  it('keeps each node in a volume of its own, and every volume is declared and used', () => {
    const storeVolumes = nodes.map(([, node]) => namedMounts(node).find(([, target]) => target === STORE_DATA_DIR)?.[0]);
    expect(storeVolumes).not.toContain(undefined);
    expect(new Set(storeVolumes).size).toBe(nodes.length);

    const used = Object.values(compose.services).flatMap((service) => namedMounts(service).map(([volume]) => volume));
    expect(new Set(used)).toEqual(new Set(Object.keys(compose.volumes ?? {})));
  });

  it('builds the service from docker/Dockerfile at the repository root', () => {
    expect(typeof api.build).toBe('object');
    const build = api.build as { context?: string; dockerfile?: string };
    expect(path.resolve(ROOT, build.context ?? '.')).toBe(ROOT);
    expect(build.dockerfile).toBe('docker/Dockerfile');
    expect(fs.existsSync(path.join(ROOT, build.dockerfile!))).toBe(true);
  });

  it('wires the service to EventStoreDB, naming every node in its connection string, and keeps its data in a volume', () => {
    const env = environmentOf(api);
    expect(env.PMO_EVENT_STORE).toBe('eventstoredb');
    expect(env.HOST).toBe('0.0.0.0');
    expect(api.ports?.map(String)).toContain('4000:4000');

    const connection = parseConnectionString(env.EVENTSTORE_CONNECTION_STRING);
    expect(connection.dnsDiscover).toBe(false);
    expect(connection.tls).toBe(false);
    expect(connection.hosts.map(({ address, port }) => `${address}:${port}`).sort())
      .toEqual(nodes.map(([name]) => `${name}:2113`).sort());

    const dataDir = env.PMO_DATA_DIR;
    expect(dataDir).toBeTruthy();
    expect(namedMounts(api).map(([, target]) => target)).toContain(dataDir);
  });

  it('starts the service only once every node reports healthy', () => {
    expect(dependsOnHealthy(api).sort()).toEqual(nodes.map(([name]) => name).sort());
  });
});

describe('the single-node file', () => {
  it('runs one node as a cluster of one', () => {
    const nodes = storeNodes(single.compose);
    expect(nodes).toHaveLength(1);
    expect(environmentOf(nodes[0][1]).EVENTSTORE_CLUSTER_SIZE).toBe('1');
  });
});

describe('the cluster file', () => {
  const nodes = storeNodes(cluster.compose);

  it('runs three nodes that expect a cluster of three', () => {
    expect(nodes).toHaveLength(3);
    for (const [, node] of nodes) expect(environmentOf(node).EVENTSTORE_CLUSTER_SIZE).toBe('3');
  });

  it('lets the nodes find each other through a DNS name that resolves to the three of them and nothing else', () => {
    const dnsNames = new Set(nodes.map(([, node]) => environmentOf(node).EVENTSTORE_CLUSTER_DNS));
    expect(dnsNames.size).toBe(1);
    const [dnsName] = [...dnsNames];
    expect(dnsName).toBeTruthy();
    for (const [name, service] of Object.entries(cluster.compose.services)) {
      const isNode = nodes.some(([nodeName]) => nodeName === name);
      expect({ service: name, carriesAlias: aliasesOf(service).includes(dnsName) }).toEqual({ service: name, carriesAlias: isNode });
      if (isNode) expect(environmentOf(service).EVENTSTORE_DISCOVER_VIA_DNS).toBe('true');
    }
  });

  it('has each node advertise to clients the name the service reaches it by', () => {
    for (const [name, node] of nodes) expect(environmentOf(node).EVENTSTORE_ADVERTISE_HOST_TO_CLIENT_AS).toBe(name);
  });

  it('shares no volume with the single-node file, so neither store nor read models are carried across', () => {
    const singleVolumes = Object.keys(single.compose.volumes ?? {});
    const clusterVolumes = Object.keys(cluster.compose.volumes ?? {});
    expect(clusterVolumes.filter((volume) => singleVolumes.includes(volume))).toEqual([]);
  });

  it('runs the same store release as the single-node file', () => {
    expect(nodes[0][1].image).toBe(storeNodes(single.compose)[0][1].image);
  });
});

// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  name: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions, joining continued lines and dropping comments. */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${line}`.trim());
    pending = '';
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const named = /\s+AS\s+(\S+)\s*$/i.exec(args);
      stages.push({ name: named ? named[1] : String(stages.length), instructions: [] });
    }
    if (stages.length > 0) stages[stages.length - 1].instructions.push({ keyword: upper, args });
  }
  return stages;
}

const dockerfile = parseDockerfile(fs.readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8'));
const runtime = dockerfile[dockerfile.length - 1];
const all = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword);
const copiedFrom = (stage: Stage, target: string) =>
  all(stage, 'COPY')
    .map((copy) => /^--from=(\S+)\s+(\S+)/.exec(copy.args))
    .find((match) => match !== null && match[2] === target)?.[1];

describe('docker/Dockerfile', () => {
  it('builds in stages and leaves the compilers behind', () => {
    expect(dockerfile.length).toBeGreaterThanOrEqual(2);
    const withCompilers = dockerfile.filter((stage) => all(stage, 'RUN').some((run) => /apt-get install[^&]*\bg\+\+/.test(run.args)));
    expect(withCompilers.length).toBeGreaterThan(0);
    expect(withCompilers).not.toContain(runtime);
  });

  it('runs as a user other than root, declared before the command', () => {
    const users = all(runtime, 'USER').map((user) => user.args.split(':')[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users[users.length - 1]);
    const order = runtime.instructions.map((instruction) => instruction.keyword);
    expect(order.lastIndexOf('USER')).toBeLessThan(order.lastIndexOf('CMD'));
  });

  it('checks the service through /health', () => {
    const checks = all(runtime, 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(checks[0].args).toMatch(/\/health\b/);
  });

  it('ships production dependencies only, installed without the dev dependencies that include the benchmark-only sqlite3', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies.sqlite3).toBeDefined();
    expect(pkg.dependencies.sqlite3).toBeUndefined();

    expect(all(runtime, 'RUN').filter((run) => /\bnpm\s+(ci|install|i)\b/.test(run.args))).toEqual([]);
    const source = dockerfile.find((stage) => stage.name === copiedFrom(runtime, '/app/node_modules'));
    expect(source).toBeDefined();
    const installs = all(source!, 'RUN').filter((run) => /\bnpm\s+(ci|install|i)\b/.test(run.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toMatch(/--omit=dev\b/);
    expect(copiedFrom(source!, '/app/node_modules')).toBeUndefined();
  });

  it('runs what `npm start` runs, from output built in another stage', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const cmd = JSON.parse(all(runtime, 'CMD')[0].args) as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
    const builder = dockerfile.find((stage) => stage.name === copiedFrom(runtime, '/app/dist'));
    expect(builder).toBeDefined();
    expect(all(builder!, 'RUN').some((run) => /\bnpm run build\b/.test(run.args))).toBe(true);
  });

  it('keeps PMO_DATA_DIR in a volume the service user owns, and listens on every interface', () => {
    const env = all(runtime, 'ENV').map((e) => e.args).join(' ');
    const dataDir = /\bPMO_DATA_DIR=(\S+)/.exec(env)?.[1];
    expect(dataDir).toBeDefined();
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(all(runtime, 'VOLUME').map((v) => v.args)).toContain(dataDir);
    const user = all(runtime, 'USER').map((u) => u.args).pop();
    expect(all(runtime, 'RUN').some((run) => run.args.includes(`chown ${user}:${user} ${dataDir}`))).toBe(true);
  });
});

describe('.dockerignore', () => {
  const lines = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it('admits only what the image is built from: local data, secrets and installed modules stay out', () => {
    expect(lines[0]).toBe('*');
    const admitted = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    const sources = dockerfile.flatMap((stage) => all(stage, 'COPY'))
      .filter((copy) => !copy.args.startsWith('--from='))
      .flatMap((copy) => copy.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(admitted).toContain(source);
    for (const secretOrLocal of ['data', '.env', 'node_modules', 'dist', '.git']) expect(admitted).not.toContain(secretOrLocal);
  });
});

// ---------------------------------------------------------------------------------------------

/** A Compose CLI if this machine has one (`docker compose` or Debian's `docker-compose`); CI has neither. */
function composeCli(): string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

const cli = composeCli();

describe('with a Compose CLI on this machine', () => {
  (cli ? it.each([SINGLE, CLUSTER]) : it.skip.each([SINGLE, CLUSTER]))('%s passes `config` validation', (file) => {
    const result = spawnSync(cli![0], [...cli!.slice(1), '-f', file, 'config', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
