import { z } from 'zod';
import { CHANNELS } from '../../shared/ipc-contract.ts';
import type { Channel, IpcResult } from '../../shared/ipc-contract.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import type { Handlers } from './context.ts';

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CHANNELS, value);
}

/**
 * Runs one request from the window. Whatever arrives is untrusted: the channel must be in the contract
 * and the arguments must pass its schema before any handler sees them. Every outcome becomes
 * `{ ok, value | error }`, never a thrown exception, so the window can show what went wrong.
 */
export async function dispatch(handlers: Handlers, channel: unknown, args: unknown): Promise<IpcResult> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'invalid-input', message: `app: there is no request called "${String(channel).slice(0, 60)}".` } };
  }
  const parsed = CHANNELS[channel].safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-input', message: `app: ${channel} was sent the wrong arguments: ${z.prettifyError(parsed.error)}` } };
  }
  try {
    const handler = handlers[channel] as (...a: readonly unknown[]) => unknown;
    return { ok: true, value: await handler(...(parsed.data as readonly unknown[])) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error, channel) };
  }
}
