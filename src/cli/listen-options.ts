/**
 * The options of a command that serves HTTP (`mock`, `proxy`): where it listens and which wire
 * profile it speaks, declared once so both commands read and validate them alike.
 */
import { Option } from 'commander';
import { integerIn } from './integer-option.ts';

/** `[--port, --host, --profile]`, in the order `--help` lists them. */
export function listenOptions(
  defaultPort: number,
  profileDescription: string,
): [port: Option, host: Option, profile: Option] {
  return [
    new Option('--port <n>', 'TCP port; 0 picks a free one')
      .default(defaultPort)
      .argParser(integerIn('--port', 0, 65535)),
    new Option('--host <address>', 'address to listen on').default('127.0.0.1'),
    new Option('--profile <name>', profileDescription).choices(['documented', 'aws']).default('documented'),
  ];
}
