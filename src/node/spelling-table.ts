// Byte spellings of one column's known values (types, outcomes), compared four bytes at a time.
// A spelling matches at `i` when its bytes stand there and the field ends right after them.

const LF = 10;
const CR = 13;
/** Spellings kept at most, and their longest length in bytes; others are looked up as strings. */
const MAX_SPELLINGS = 256;
const MAX_BYTES = 64;

export class SpellingTable {
  /** Bytes of each spelling. */
  readonly length = new Int32Array(MAX_SPELLINGS);
  /** The value (type or outcome index) each spelling stands for. */
  readonly value = new Int32Array(MAX_SPELLINGS);
  private readonly head = new Int32Array(256).fill(-1);
  private readonly next = new Int32Array(MAX_SPELLINGS);
  private readonly words = new Int32Array(MAX_SPELLINGS * (MAX_BYTES / 4));
  /** The last word of each spelling keeps only its own bytes. */
  private readonly mask = new Int32Array(MAX_SPELLINGS);
  /** Spellings learned, in order. */
  readonly entries: { bytes: Uint8Array; value: number }[] = [];
  size = 0;

  /**
   * @param end the byte that ends the field (the delimiter), or -1 when the field is the last of
   *   its line and ends at a line break.
   */
  constructor(private readonly end: number) {}

  /** Learn a spelling; false when the table is full or the spelling too long (it is then not matched). */
  add(bytes: Uint8Array, value: number): boolean {
    const s = this.size;
    if (s === MAX_SPELLINGS || bytes.length === 0 || bytes.length > MAX_BYTES) return false;
    for (let k = 0; k < bytes.length; k += 4) {
      let w = 0;
      for (let j = 0; j < 4 && k + j < bytes.length; j++) w |= bytes[k + j]! << (8 * j);
      this.words[s * (MAX_BYTES / 4) + k / 4] = w;
    }
    const rest = bytes.length % 4;
    this.mask[s] = rest === 0 ? -1 : (1 << (8 * rest)) - 1;
    this.length[s] = bytes.length;
    this.value[s] = value;
    this.next[s] = this.head[bytes[0]!]!;
    this.head[bytes[0]!] = s;
    this.size = s + 1;
    this.entries.push({ bytes: Uint8Array.from(bytes), value }); // a copy: `bytes` may be a view of a buffer read again
    return true;
  }

  /**
   * The spelling standing as a whole field at `i`, or -1. Reads at most 3 bytes past the field's
   * end, so the buffer needs that much slack after its last line break.
   */
  match(buf: Uint8Array, dv: DataView, i: number): number {
    const { words, mask, length, next, end } = this;
    for (let s = this.head[buf[i]!]!; s >= 0; s = next[s]!) {
      const len = length[s]!;
      const last = (len - 1) >> 2;
      const base = s * (MAX_BYTES / 4);
      let k = 0;
      while (k < last && dv.getInt32(i + 4 * k, true) === words[base + k]) k++;
      if (k !== last || (dv.getInt32(i + 4 * k, true) & mask[s]!) !== words[base + k]) continue;
      const after = buf[i + len];
      if (end >= 0 ? after === end : after === LF || after === CR) return s;
    }
    return -1;
  }
}
