import type { CasebinderBridge } from '../../shared/ipc-contract.ts';

declare global {
  interface Window {
    /** The preload's bridge (in tests, the harness's stand-in with the same shape). */
    readonly casebinder: CasebinderBridge;
  }
}
