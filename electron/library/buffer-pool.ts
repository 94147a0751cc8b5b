/**
 * Copy buffers, lent and taken back. Allocating a fresh buffer per file fragments the C heap, and
 * resident memory then climbs with the number of files imported even though nothing is kept.
 */
export const CHUNK = 1 << 18;
const POOLED_BUFFERS = 8;
const pool: Buffer[] = [];

/** A file's bytes from `position` on, a pooled chunk at a time; each chunk is valid until the next is asked for. */
export async function* fileChunks(handle: { read(buffer: Buffer, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }> }, position: number | null, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const buffer = pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
  try {
    let at = position;
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, at);
      if (bytesRead === 0) return;
      if (at !== null) at += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (pool.length < POOLED_BUFFERS) pool.push(buffer);
  }
}
