import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses flags strictly: an unknown or malformed flag ends the command with usage help. */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}

export function fail(message: string, usage?: string): never {
  console.error(usage ? `${message}\n\n${usage}` : message);
  process.exit(2);
}
