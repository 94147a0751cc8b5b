/**
 * `casebinder`: the library from a terminal, over the same services the app uses. The commands are in
 * commands/ (one file each, listed in commands/index.ts); what they will do is checked by the IPC
 * contract's own schemas (common.ts `checked`).
 * Every command takes --json and then prints exactly one JSON document on stdout.
 * Exit status: 0 on success, 2 when some inputs were refused, 1 on any other failure, 130 when cancelled.
 */
import { parseArgs } from 'node:util';
import { toErrorInfo } from '../../shared/errors.ts';
import { EXIT_FAILURE, EXIT_OK, GLOBAL_OPTIONS, invalid, OPTIONS } from './common.ts';
import type { Output, Values } from './common.ts';
import { commandNamed, USAGE } from './commands/index.ts';

async function run(name: string | undefined, args: string[], values: Values, typed: readonly string[]): Promise<Output> {
  if (name === 'help' || name === undefined) return { json: { usage: USAGE }, text: USAGE, exit: name ? EXIT_OK : EXIT_FAILURE };
  const command = commandNamed(name);
  if (!command) return invalid(`"${name}" is not a casebinder command. Run "casebinder help" to see them.`);
  const allowed = new Set<string>([...GLOBAL_OPTIONS, ...command.options]);
  const stray = typed.find((option) => !allowed.has(option));
  if (stray) invalid(`"${name}" does not take --${stray}. Run "casebinder help" to see what it takes.`);
  return command.run(args, values, name);
}

async function main(argv: string[]): Promise<number> {
  // `npm run casebinder -- ...` runs from the package folder; paths the person typed are relative to
  // where they typed them.
  if (process.env.INIT_CWD && process.env.npm_lifecycle_event === 'casebinder') process.chdir(process.env.INIT_CWD);
  let values: Values | undefined;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    values = parsed.values;
    const [command, ...args] = parsed.positionals;
    if (values.help) {
      process.stdout.write(values.json ? `${JSON.stringify({ usage: USAGE })}\n` : USAGE);
      return EXIT_OK;
    }
    const typed = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : []));
    const output = await run(command, args, values, typed);
    process.stdout.write(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    return output.exit;
  } catch (error) {
    const info =
      error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
        ? { code: 'invalid-input' as const, message: `${error.message}. Run "casebinder help" to see the options.` }
        : toErrorInfo(error, 'casebinder');
    const json = values?.json ?? argv.includes('--json');
    if (json) process.stdout.write(`${JSON.stringify({ error: { code: info.code, message: info.message } }, null, 2)}\n`);
    process.stderr.write(`casebinder: ${info.message}\n`);
    return EXIT_FAILURE;
  }
}

process.exitCode = await main(process.argv.slice(2));
