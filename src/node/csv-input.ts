// Bytes of a CSV source in a buffer: the reader scans `buf[start, end)` in place and asks for more,
// keeping only the unfinished line. The buffer always has SLACK spare bytes after `end` (the scanner
// reads a word past a field), and a file is read one chunk ahead of the scanner.
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, describeValue } from '../errors.js';

/** A file path, a `file:` URL, or a stream / async iterable of bytes or text. */
export type CsvSource = string | URL | Readable | AsyncIterable<Uint8Array | string>;

export const SLACK = 16;

/** The name a source goes by in messages. */
export function sourceName(source: CsvSource, options: { file?: string | undefined }): string {
  if (options.file !== undefined) return options.file;
  if (typeof source === 'string') return source;
  if (source instanceof URL) return fileURLToPath(source);
  return '<stream>';
}

/** A source of bytes read in order: up to `length` bytes appended at `buf[at]`, 0 at the end. */
interface ChunkSource {
  read(buf: Buffer, at: number, length: number): Promise<number>;
  close(): Promise<void>;
}

function streamChunks(source: AsyncIterable<Uint8Array | string>): ChunkSource {
  const iterator = source[Symbol.asyncIterator]();
  let pending: Uint8Array | undefined;
  let offset = 0;
  return {
    async read(buf, at, length) {
      while (pending === undefined || offset >= pending.length) {
        const { value, done } = await iterator.next();
        if (done) return 0;
        pending = typeof value === 'string' ? Buffer.from(value) : value;
        offset = 0;
      }
      const n = Math.min(length, pending.length - offset);
      buf.set(pending.subarray(offset, offset + n), at);
      offset += n;
      return n;
    },
    async close() {
      await iterator.return?.();
    },
  };
}

const dataView = (buf: Buffer) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

/**
 * The bytes of a source in a buffer the reader scans in place: `buf[start, end)` are the bytes not
 * yet consumed, with SLACK zero bytes after `end`; `more(keep)` drops the bytes before `keep` and
 * reads on. Offsets into `buf` change with every `more`.
 */
export abstract class ByteWindow {
  buf: Buffer;
  dv: DataView;
  start = 0;
  end = 0;
  eof = false;
  /** Bytes read from the source so far. */
  bytesRead = 0;
  /** Where `buf[0]` is in the source (negative while `buf` starts with room for a kept line). */
  offset = 0;

  protected constructor(
    buf: Buffer,
    protected readonly chunk: number,
  ) {
    this.buf = buf;
    this.dv = dataView(buf);
  }

  /** Open a source for reading in chunks of `chunk` bytes (a file from byte `from`). Close it in a `finally`. */
  static async open(source: CsvSource, chunk: number, from = 0): Promise<ByteWindow> {
    if (typeof source === 'string' || source instanceof URL) return new FileWindow(await open(source, 'r'), chunk, from);
    if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) return new StreamWindow(streamChunks(source), chunk);
    throw new InvalidArgumentError('source', source, `expected a file path, URL or readable stream, got ${describeValue(source)}`);
  }

  /**
   * Drop the bytes before `keep` (at most `start`), then read at least one more chunk, and at
   * least as many bytes as are kept, so a long line costs linear time however it grows (fewer only
   * at the end of the input).
   */
  abstract more(keep: number): Promise<void>;

  abstract close(): Promise<void>;

  /** Move the kept bytes `buf[keep, end)` to the start of `buf`, first growing it to at least `size` bytes. */
  protected holdKept(keep: number, size: number): void {
    const kept = this.end - keep;
    if (size > this.buf.length) {
      const bigger = Buffer.alloc(Math.max(this.buf.length * 2, size));
      this.buf.copy(bigger, 0, keep, this.end);
      this.buf = bigger;
      this.dv = dataView(bigger);
    } else if (keep > 0) this.buf.copyWithin(0, keep, this.end);
    this.offset += keep;
    this.start = 0;
    this.end = kept;
  }

  protected zeroSlack(): void {
    this.buf.fill(0, this.end, this.end + SLACK); // no stale byte past the end looks like data
  }
}

/** A stream's bytes in one growable buffer, each chunk copied in after the kept line. */
class StreamWindow extends ByteWindow {
  constructor(
    private readonly chunks: ChunkSource,
    chunk: number,
  ) {
    super(Buffer.alloc(chunk + SLACK), chunk);
  }

  async more(keep: number): Promise<void> {
    const kept = this.end - keep;
    let room = Math.max(this.chunk, kept);
    this.holdKept(keep, kept + room + SLACK);
    while (room > 0 && !this.eof) {
      const n = await this.chunks.read(this.buf, this.end, room);
      if (n === 0) this.eof = true;
      this.end += n;
      this.bytesRead += n;
      room -= n;
    }
    this.zeroSlack();
  }

  close(): Promise<void> {
    return this.chunks.close();
  }
}

/** Room kept before each read buffer's data for the unfinished line of the previous one (at most a chunk). */
const KEEP_ROOM = 1 << 16;

/**
 * A file read straight into two buffers in turn: while the scanner works on one, the next chunk is
 * read into the other (after KEEP_ROOM bytes, where the unfinished line is copied), so no chunk is
 * copied. A line longer than KEEP_ROOM goes to a growable buffer, as a stream's does.
 */
class FileWindow extends ByteWindow {
  private spare: Buffer;
  private position: number;
  private pending: Promise<number> | undefined;
  private readonly room: number;

  constructor(
    private readonly handle: FileHandle,
    chunk: number,
    from: number,
  ) {
    const room = Math.min(KEEP_ROOM, chunk);
    super(Buffer.allocUnsafeSlow(room + chunk + SLACK), chunk);
    this.spare = Buffer.allocUnsafeSlow(room + chunk + SLACK);
    this.room = room;
    this.position = from;
    this.offset = from;
  }

  /** Start reading the next chunk into `spare` after its room for a kept line. */
  private readAhead(): void {
    const into = this.spare;
    const at = this.position;
    this.pending = this.handle.read(into, this.room, this.chunk, at).then(({ bytesRead }) => bytesRead);
  }

  private async nextChunk(): Promise<number> {
    if (this.pending === undefined) this.readAhead();
    const n = await this.pending!;
    this.pending = undefined;
    this.position += n;
    this.bytesRead += n;
    if (n === 0) this.eof = true;
    return n;
  }

  async more(keep: number): Promise<void> {
    const kept = this.end - keep;
    if (this.eof) {
      this.holdKept(keep, kept + SLACK);
      this.zeroSlack();
      return;
    }
    const n = await this.nextChunk();
    if (kept <= this.room) {
      // the usual case: the kept line goes just before the chunk read, and the buffers trade places
      const read = this.spare;
      const at = this.room - kept;
      this.buf.copy(read, at, keep, this.end);
      this.offset = this.offset + keep - at;
      // a buffer grown for a long line is let go once the line is read
      this.spare = this.buf.length > read.length ? Buffer.allocUnsafeSlow(read.length) : this.buf;
      this.buf = read;
      this.dv = dataView(read);
      this.start = at;
      this.end = this.room + n;
      this.zeroSlack();
      if (n > 0) this.readAhead();
      return;
    }
    // a long line: gather it in one growable buffer, chunk after chunk, until as much is read as was kept
    let room = Math.max(this.chunk, kept);
    this.holdKept(keep, kept + room + this.chunk + SLACK);
    for (let got = n; ; got = await this.nextChunk()) {
      this.spare.copy(this.buf, this.end, this.room, this.room + got);
      this.end += got;
      room -= got;
      if (room <= 0 || this.eof) break;
    }
    if (!this.eof) this.readAhead();
    this.zeroSlack();
  }

  async close(): Promise<void> {
    await this.pending?.catch(() => undefined); // a read may still be in flight
    await this.handle.close();
  }
}
