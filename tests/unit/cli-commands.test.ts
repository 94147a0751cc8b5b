import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS, OPTIONS } from '../../electron/cli/common.ts';
import { commandNamed, COMMANDS, USAGE } from '../../electron/cli/commands/index.ts';

describe('the command table', () => {
  it('names each command once, lists it in the usage, and gives it only options that exist', () => {
    const names = COMMANDS.flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      for (const name of command.names) {
        expect(commandNamed(name)).toBe(command);
        expect(USAGE).toMatch(new RegExp(`\\n  (\\S+ \\| )*${name}\\b`));
      }
      for (const option of command.options) {
        expect(Object.keys(OPTIONS)).toContain(option);
        expect(GLOBAL_OPTIONS).not.toContain(option);
      }
    }
    // Every option some command takes, and none that no command takes.
    const taken = new Set([...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => c.options)]);
    expect([...taken].sort()).toEqual(Object.keys(OPTIONS).sort());
  });
});
