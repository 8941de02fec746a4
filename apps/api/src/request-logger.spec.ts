import { Writable } from 'node:stream';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { deferredRequestLogger } from './request-logger';

const capture = (level: string) => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level }, stream) as unknown as FastifyBaseLogger;
  const made = jest.spyOn(logger, 'child');
  return { logger, lines, made };
};

const flushed = () => new Promise((resolve) => setImmediate(resolve));

describe('a request logger made only when it writes', () => {
  it('makes no child for lines its level leaves out', async () => {
    const { logger, lines, made } = capture('warn');
    const log = deferredRequestLogger(logger, { reqId: 'r-1' }, {});
    log.info('incoming request');
    log.debug('detail');
    await flushed();
    expect(made).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    expect(log.level).toBe('warn');
  });

  it('writes a failure with the request id, as the child it stands for would', async () => {
    const { logger, lines, made } = capture('warn');
    const log = deferredRequestLogger(logger, { reqId: 'r-2' }, {});
    log.error({ code: 'BOOM' }, 'request failed');
    log.warn('slow');
    await flushed();
    expect(made).toHaveBeenCalledTimes(1);
    expect(lines).toMatchObject([
      { level: 50, reqId: 'r-2', code: 'BOOM', msg: 'request failed' },
      { level: 40, reqId: 'r-2', msg: 'slow' },
    ]);
  });

  it('given the options Fastify passes for a route without a level of its own, makes no child until a line is written', async () => {
    const { logger, lines, made } = capture('warn');
    const log = deferredRequestLogger(logger, { reqId: 'r-4' }, { level: '' });
    log.info('incoming request');
    expect(made).not.toHaveBeenCalled();
    log.warn('slow');
    await flushed();
    expect(made).toHaveBeenCalledTimes(1);
    expect(lines).toMatchObject([{ level: 40, reqId: 'r-4', msg: 'slow' }]);
  });

  it('gives a route with a log level of its own its child at once', () => {
    const { logger, made } = capture('warn');
    const log = deferredRequestLogger(logger, { reqId: 'r-3' }, { level: 'debug' });
    expect(made).toHaveBeenCalledTimes(1);
    expect(log.level).toBe('debug');
  });
});
