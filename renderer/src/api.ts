import type { AppEvent, AppEvents, CasebinderBridge, Channel, ChannelArgs, ChannelResults } from '../../shared/ipc-contract.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { say } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { currentTranslator } from './i18n/index.ts';

declare global {
  interface Window {
    readonly casebinder: CasebinderBridge;
  }
}

/**
 * An error the back end reported, with its plain-words message: in the window's language when the back
 * end said it in words (shared/said.ts), else as the back end wrote it.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, words?: Said) {
    super(words ? say(words, currentTranslator().language) : message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Calls the back end over the preload's bridge; throws ApiError with the back end's own message. */
export async function invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResults[C]> {
  const result = await window.casebinder.invoke(channel, args);
  if (result.ok) return result.value as ChannelResults[C];
  throw new ApiError(result.error.code, result.error.message, result.error.words);
}

export function on<E extends AppEvent>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
  return window.casebinder.on(event, (payload) => listener(payload as AppEvents[E]));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
