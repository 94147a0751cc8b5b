/**
 * Follows compressed image data (encapsulated pixel data: items, then a delimiter) as the file streams
 * past on its way into the vault, so a file cut short is found without reading it a second time.
 * Data may follow the delimiter (e.g. trailing padding), so the end of the file proves nothing.
 */
export class FragmentWalker {
  private next: number;
  private readonly bigEndian: boolean;
  private carry = new Uint8Array(0);
  private carryStart = 0;
  private state: 'walking' | 'complete' | 'damaged' = 'walking';
  private damage = '';

  /** `start`: where the first item begins (just after the pixel data element's header). */
  constructor(start: number, bigEndian: boolean) {
    this.next = start;
    this.bigEndian = bigEndian;
  }

  /** Feeds the bytes of the file from `offset`, in order; chunks may split item headers. */
  feed(chunk: Uint8Array, offset: number): void {
    if (this.state !== 'walking') return;
    let bytes = chunk;
    let base = offset;
    if (this.carry.length) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry, 0);
      joined.set(chunk, this.carry.length);
      bytes = joined;
      base = this.carryStart;
      this.carry = new Uint8Array(0);
    }
    for (;;) {
      const at = this.next - base;
      if (at >= bytes.length) return;
      if (at < 0) return; // already past this chunk's start (cannot happen when fed in order)
      if (bytes.length - at < 8) {
        this.carry = bytes.slice(at);
        this.carryStart = this.next;
        return;
      }
      const group = this.u16(bytes, at);
      const element = this.u16(bytes, at + 2);
      const length = this.u32(bytes, at + 4);
      if (group !== 0xfffe) {
        this.state = 'damaged';
        this.damage = 'Its compressed image data is damaged (an image fragment is not where the file says it is).';
        return;
      }
      if (element === 0xe0dd) {
        this.state = 'complete';
        return;
      }
      if (element !== 0xe000 || length === 0xffffffff) {
        this.state = 'damaged';
        this.damage = 'Its compressed image data is damaged (an unexpected marker among the image fragments).';
        return;
      }
      this.next += 8 + length;
    }
  }

  /** After the whole file was fed: what is wrong, or null when the fragments end properly. */
  problem(fileSize: number): string | null {
    if (this.state === 'complete') return null;
    if (this.state === 'damaged') return this.damage;
    const missing = this.next - fileSize;
    return missing > 0
      ? `Its compressed image data is cut short: the file ends ${missing.toLocaleString('en-US')} bytes before the last image fragment does.`
      : 'Its compressed image data is cut short: the file ends before the marker that closes the image.';
  }

  private u16(b: Uint8Array, i: number): number {
    return this.bigEndian ? (b[i]! << 8) | b[i + 1]! : b[i]! | (b[i + 1]! << 8);
  }

  private u32(b: Uint8Array, i: number): number {
    return this.bigEndian
      ? ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0
      : (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
  }
}
