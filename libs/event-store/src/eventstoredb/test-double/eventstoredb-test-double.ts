/**
 * TEST DOUBLE — not an EventStoreDB server and never used in production.
 *
 * An in-process stand-in for an EventStoreDB node that speaks the server's gRPC API as
 * @eventstore/db-client 6.2.1 uses it, on @grpc/grpc-js with the service definitions shipped in
 * the client package (generated/*_grpc_pb.js): ServerFeatures (what the client asks first), Gossip
 * (cluster discovery), and Streams — read a stream forwards or backwards, read $all with or without
 * a server-side filter, the filtered $all catch-up subscription with checkpoints and CaughtUp,
 * Append and BatchAppend with expected-revision checks and the server's wrong-expected-version
 * answers. Events live in memory; positions grow like the server's log positions.
 *
 * It listens on a real socket (insecure, port 0 by default). In `silent` mode it accepts TCP
 * connections and never answers anything, like a hung server, to exercise deadlines. Append faults
 * can be injected per stream (`setAppendFault`) to reproduce lost requests and lost answers.
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
import { type AppendFault, type AppendFaults, createStreamsService } from './double-streams-service';

export type { AppendFault } from './double-streams-service';

export interface EventStoreDbTestDoubleOptions {
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Accept connections and never answer. */
  readonly silent?: boolean;
  /** Write the system events a fresh server starts with (users, settings). Default true. */
  readonly systemEvents?: boolean;
}

/** The server version the double reports; the client only logs it. */
const SERVER_VERSION = '24.10.0';

export class EventStoreDbTestDouble {
  private readonly log = new DoubleLog();
  private appendFaults: AppendFaults = () => undefined;
  private grpcServer: Server | null = null;
  private silentServer: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly host: string,
    private boundPort: number,
    private readonly silent: boolean,
  ) {}

  static async start(options: EventStoreDbTestDoubleOptions = {}): Promise<EventStoreDbTestDouble> {
    const double = new EventStoreDbTestDouble(options.host ?? '127.0.0.1', options.port ?? 0, options.silent === true);
    await double.listen();
    if (!options.silent && options.systemEvents !== false) {
      double.log.writeSystemEvent('$users', '$UserCreated');
      double.log.writeSystemEvent('$user-admin', '$user');
      double.log.writeSystemEvent('$settings', 'update-default-acl');
    }
    return double;
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

  /** Writes an event the way the server writes its own, e.g. statistics to `$stats-…`. */
  writeSystemEvent(streamName: string, type: string): void {
    this.log.writeSystemEvent(streamName, type);
  }

  /** Every stream name in the log, system streams included. */
  streamNames(): string[] {
    return this.log.streamNames();
  }

  /** The whole log in $all order, for assertions on what was actually stored. */
  events(): LoggedEvent[] {
    return Array.from({ length: this.log.length }, (_, index) => this.log.at(index));
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

  private listen(): Promise<void> {
    return this.silent ? this.listenSilently() : this.listenGrpc();
  }

  private async listenGrpc(): Promise<void> {
    const server = new Server();
    server.addService(StreamsService, createStreamsService(this.log, () => this.appendFaults));
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

  /** One alive leader: this node, so discovery (gossip) connection strings work too. */
  private clusterInfo(): ClusterInfo {
    const member = new MemberInfo()
      .setInstanceId(new UUID().setString(randomUUID()))
      .setTimeStamp(String(BigInt(Date.now()) * 10_000n))
      .setState(MemberInfo.VNodeState.LEADER)
      .setIsAlive(true)
      .setHttpEndPoint(new EndPoint().setAddress(this.host).setPort(this.port));
    return new ClusterInfo().setMembersList([member]);
  }
}

/** What the server lists: the methods the double serves, with the features the server names. */
function supportedMethods(): SupportedMethods {
  const features: Record<string, string[]> = { read: ['position', 'events'], batchappend: ['deadline_duration'] };
  const methods = [StreamsService.read, StreamsService.append, StreamsService.batchAppend].map(({ path }) => {
    const [, service, method] = path.split('/');
    return new SupportedMethod()
      .setServiceName(service.toLowerCase())
      .setMethodName(method.toLowerCase())
      .setFeaturesList(features[method.toLowerCase()] ?? []);
  });
  return new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION);
}
