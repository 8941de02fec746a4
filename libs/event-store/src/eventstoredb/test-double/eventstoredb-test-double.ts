/**
 * TEST DOUBLE — not an EventStoreDB server and never used in production.
 *
 * An in-process stand-in for an EventStoreDB node that speaks the server's gRPC API as
 * @eventstore/db-client 6.2.1 uses it, on @grpc/grpc-js with the service definitions shipped in
 * the client package (generated/*_grpc_pb.js): ServerFeatures (what the client asks first), Gossip
 * (cluster discovery), and Streams — read a stream forwards or backwards, read $all with or without
 * a server-side filter, the filtered $all catch-up subscription with checkpoints and CaughtUp,
 * Append and BatchAppend with expected-revision checks and the server's wrong-expected-version
 * answers. Events live in memory; positions grow like the server's log positions. README.md in
 * this folder says which server version it follows and what it leaves out.
 *
 * It listens on a real socket (insecure, port 0 by default). In `silent` mode it accepts TCP
 * connections and never answers anything, like a hung server, to exercise deadlines. Faults can be
 * injected per stream (`setAppendFault`, `setReadFault`); its clock can run apart from the test's
 * (`setClockSkew`); its subscriptions can be held back until they fall behind
 * (`pauseSubscriptions`); and several nodes can form a cluster sharing one log, whose leader can
 * change (`startCluster`, `becomeLeader`).
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { Server, ServerCredentials, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { type Empty, UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { DoubleLog, type LoggedEvent } from './double-log';
import type { AppendFault, DoubleNode, Endpoint, ReadFault } from './double-node';
import { createStreamsService } from './double-streams-service';

export type { AppendFault, ReadFault } from './double-node';

export interface EventStoreDbTestDoubleOptions {
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Accept connections and never answer. */
  readonly silent?: boolean;
  /** Write the system events a fresh server starts with (the admin and ops users). Default true. */
  readonly systemEvents?: boolean;
  /** How far this node's clock runs ahead of the test's (negative: behind), in ms. Default 0. */
  readonly clockSkewMs?: number;
}

/** The server version the double follows and reports; the client only logs it. */
export const SERVER_VERSION = '24.10.0';

/** The nodes sharing one log, and which of them leads. */
interface Cluster {
  readonly log: DoubleLog;
  readonly members: EventStoreDbTestDouble[];
  leader: EventStoreDbTestDouble | null;
}

export class EventStoreDbTestDouble {
  private cluster: Cluster;
  private appendFaults: (streamName: string) => AppendFault | undefined = () => undefined;
  private readFaults: (streamName: string) => ReadFault | undefined = () => undefined;
  private clockSkewMs: number;
  private paused = false;
  /** While replication is held: how many events of the log this node's reads see. */
  private replicatedUpTo: number | null = null;
  private readonly resumeListeners = new Set<() => void>();
  private grpcServer: Server | null = null;
  private silentServer: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly host: string,
    private boundPort: number,
    private readonly silent: boolean,
    clockSkewMs: number,
    cluster?: Cluster,
  ) {
    this.clockSkewMs = clockSkewMs;
    this.cluster = cluster ?? { log: new DoubleLog(() => this.now()), members: [this], leader: this };
  }

  static async start(options: EventStoreDbTestDoubleOptions = {}): Promise<EventStoreDbTestDouble> {
    const double = new EventStoreDbTestDouble(options.host ?? '127.0.0.1', options.port ?? 0, options.silent === true, options.clockSkewMs ?? 0);
    await double.listen();
    if (!options.silent && options.systemEvents !== false) writeSystemUsers(double.cluster.log);
    return double;
  }

  /**
   * `size` nodes on their own ports sharing one log (replication is instant), the first one the
   * leader. Followers serve reads and forward writes, and refuse both with NotLeader (naming the
   * leader) when the client requires the leader, as a real follower does.
   */
  static async startCluster(size: number, options: Omit<EventStoreDbTestDoubleOptions, 'port' | 'silent'> = {}): Promise<EventStoreDbTestDouble[]> {
    const first = await EventStoreDbTestDouble.start(options);
    const cluster = first.cluster;
    for (let n = 1; n < size; n += 1) {
      const member = new EventStoreDbTestDouble(options.host ?? '127.0.0.1', 0, false, options.clockSkewMs ?? 0, cluster);
      cluster.members.push(member);
      await member.listen();
    }
    return [...cluster.members];
  }

  /** A connection string naming every node of this node's cluster, found through gossip. */
  get clusterConnectionString(): string {
    return `esdb://${this.cluster.members.map((member) => `${member.host}:${member.port}`).join(',')}?tls=false`;
  }

  /** This node leads from now on; the others follow it (an election after the old leader stepped down). */
  becomeLeader(): void {
    this.cluster.leader = this;
  }

  /**
   * From now on this node's reads of streams and of $all see only what the log holds now, like a
   * follower whose replication fell behind; subscriptions still see everything.
   */
  holdReplication(): void {
    this.replicatedUpTo = this.cluster.log.length;
  }

  releaseReplication(): void {
    this.replicatedUpTo = null;
  }

  get isLeader(): boolean {
    return this.cluster.leader === this;
  }

  get port(): number {
    return this.boundPort;
  }

  /** An insecure single-node connection string for the client. */
  get connectionString(): string {
    return `esdb://${this.host}:${this.port}?tls=false`;
  }

  /** Injects faults into appends; `undefined` for a stream means it behaves normally. */
  setAppendFault(faults: ((streamName: string) => AppendFault | undefined) | null): void {
    this.appendFaults = faults ?? (() => undefined);
  }

  /** Injects faults into reads of a stream, or of `$all` (reads and subscriptions). */
  setReadFault(faults: ((streamName: string) => ReadFault | undefined) | null): void {
    this.readFaults = faults ?? (() => undefined);
  }

  /** Sets how far this node's clock runs ahead of the test's (negative: behind). */
  setClockSkew(ms: number): void {
    this.clockSkewMs = ms;
  }

  /**
   * Live events wait undelivered on this node's subscriptions, like a subscriber too slow to
   * take them: past 32 the oldest are dropped, and on resuming the subscription falls behind.
   */
  pauseSubscriptions(): void {
    this.paused = true;
  }

  resumeSubscriptions(): void {
    this.paused = false;
    for (const listener of [...this.resumeListeners]) listener();
  }

  /** Writes an event the way the server writes its own, e.g. statistics to `$stats-…`. */
  writeSystemEvent(streamName: string, type: string): void {
    this.cluster.log.writeSystemEvent(streamName, type);
  }

  /**
   * Runs a scavenge: the events of hard-deleted streams leave the log for good, their tombstones
   * stay (as if every chunk were completed). Returns how many events were removed.
   */
  scavenge(): number {
    return this.cluster.log.scavenge();
  }

  /** Every stream name in the log, system streams included. */
  streamNames(): string[] {
    return this.cluster.log.streamNames();
  }

  /** The whole log in $all order, for assertions on what was actually stored. */
  events(): LoggedEvent[] {
    const { log } = this.cluster;
    return Array.from({ length: log.length }, (_, index) => log.at(index));
  }

  /** Stops if running, then listens again on the same port with the same events, like a restarted server. */
  async restart(): Promise<void> {
    await this.stop();
    this.grpcServer = null;
    this.silentServer = null;
    this.stopping = undefined;
    await this.listen();
  }

  /** Closes the listener and every connection; active calls end as after a server crash. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.grpcServer) {
        this.grpcServer.forceShutdown();
        resolve();
        return;
      }
      for (const socket of this.sockets) socket.destroy();
      this.silentServer?.close(() => resolve());
    });
    return this.stopping;
  }

  private now(): number {
    return Date.now() + this.clockSkewMs;
  }

  private node(): DoubleNode {
    return {
      log: this.cluster.log,
      now: () => this.now(),
      appendFault: (streamName) => this.appendFaults(streamName),
      readFault: (streamName) => this.readFaults(streamName),
      leaderEndpoint: (): Endpoint | null => {
        const { leader } = this.cluster;
        return leader === this || leader === null ? null : { host: leader.host, port: leader.port };
      },
      replicated: () => this.replicatedUpTo ?? Infinity,
      subscriptionsPaused: () => this.paused,
      onResume: (listener) => {
        this.resumeListeners.add(listener);
        return () => void this.resumeListeners.delete(listener);
      },
    };
  }

  private listen(): Promise<void> {
    return this.silent ? this.listenSilently() : this.listenGrpc();
  }

  private async listenGrpc(): Promise<void> {
    const server = new Server();
    server.addService(StreamsService, createStreamsService(this.node()));
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>) =>
        callback(null, supportedMethods()),
    });
    server.addService(GossipService, {
      read: (_call: ServerUnaryCall<Empty, ClusterInfo>, callback: sendUnaryData<ClusterInfo>) =>
        callback(null, this.clusterInfo()),
    });
    this.boundPort = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`${this.host}:${this.boundPort}`, ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      );
    });
    this.grpcServer = server;
  }

  private async listenSilently(): Promise<void> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, this.host, () => resolve());
    });
    this.boundPort = (server.address() as net.AddressInfo).port;
    this.silentServer = server;
  }

  /** Every node of the cluster, alive, as leader or follower, so discovery finds the leader. */
  private clusterInfo(): ClusterInfo {
    const members = this.cluster.members.map((member) =>
      new MemberInfo()
        .setInstanceId(new UUID().setString(randomUUID()))
        .setTimeStamp(String(BigInt(this.now()) * 10_000n))
        .setState(member.isLeader ? MemberInfo.VNodeState.LEADER : MemberInfo.VNodeState.FOLLOWER)
        .setIsAlive(true)
        .setHttpEndPoint(new EndPoint().setAddress(member.host).setPort(member.port)),
    );
    return new ClusterInfo().setMembersList(members);
  }
}

/**
 * What a fresh server has written before any client (InternalAuthentication's
 * UserManagementService): the admin and ops users, each a `$UserCreated` in its own stream and a
 * `$User` in `$users`. It writes no `$settings` event.
 */
function writeSystemUsers(log: DoubleLog): void {
  for (const login of ['admin', 'ops']) {
    log.writeSystemEvent(`$user-${login}`, '$UserCreated');
    log.writeSystemEvent('$users', '$User');
  }
}

/** What the server lists: the methods the double serves, with the features the server names. */
function supportedMethods(): SupportedMethods {
  const features: Record<string, string[]> = { read: ['position', 'events'], batchappend: ['deadline_duration'] };
  const methods = [StreamsService.read, StreamsService.append, StreamsService.batchAppend, StreamsService.tombstone].map(({ path }) => {
    const [, service, method] = path.split('/');
    return new SupportedMethod()
      .setServiceName(service.toLowerCase())
      .setMethodName(method.toLowerCase())
      .setFeaturesList(features[method.toLowerCase()] ?? []);
  });
  return new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION);
}
