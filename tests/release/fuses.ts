/**
 * Electron's fuses an installed Casebinder must have, read back from the packaged program with
 * @electron/fuses (the tool electron-builder sets them with). electron-builder.yml says why each is set.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** How a fuse is written in the wire (@electron/fuses' FuseState, which its index does not export). */
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);
const REMOVED = 'r'.charCodeAt(0);

export const REQUIRED_FUSES: ReadonlyArray<readonly [FuseV1Options, 'on' | 'off']> = [
  [FuseV1Options.RunAsNode, 'off'],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, 'off'],
  [FuseV1Options.EnableNodeCliInspectArguments, 'off'],
  [FuseV1Options.EnableCookieEncryption, 'on'],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, 'on'],
  [FuseV1Options.OnlyLoadAppFromAsar, 'on'],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, 'off'],
];

/**
 * What is wrong with a packaged program's fuses, one line each; empty when all are as required.
 * `program` is the executable (Linux, Windows) or the .app bundle (macOS).
 */
export async function fuseProblems(program: string): Promise<string[]> {
  const wire = (await getCurrentFuseWire(program)) as unknown as Record<number, number | undefined>;
  const problems: string[] = [];
  for (const [fuse, wanted] of REQUIRED_FUSES) {
    const state = wire[fuse];
    const actual = state === ON ? 'on' : state === OFF ? 'off' : state === REMOVED ? 'removed' : 'missing';
    if (actual !== wanted) problems.push(`${FuseV1Options[fuse]} is ${actual}, should be ${wanted}`);
  }
  return problems;
}
