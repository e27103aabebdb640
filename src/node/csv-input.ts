// Bytes of a CSV source in one growable buffer: the reader scans `buf[start, end)` in place and asks
// for more, keeping only the unfinished line. The buffer always has SLACK spare bytes after `end`
// (the scanner reads a word past a field), and a file is read one chunk ahead of the scanner.
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

interface ChunkSource {
  /** Append up to `length` bytes at `buf[at]`; 0 at the end. */
  read(buf: Buffer, at: number, length: number): Promise<number>;
  close(): Promise<void>;
}

function fileChunks(handle: FileHandle, chunk: number, from: number): ChunkSource {
  // One read runs ahead into its own buffer while the scanner works on the window.
  let ahead: { buf: Buffer; pending: Promise<{ bytesRead: number }> } | undefined;
  let position = from;
  const readAt = (buf: Buffer) => {
    const pending = handle.read(buf, 0, chunk, position);
    return pending.then((r) => {
      position += r.bytesRead;
      return r;
    });
  };
  const start = () => {
    const buf = Buffer.allocUnsafeSlow(chunk);
    ahead = { buf, pending: readAt(buf) };
  };
  return {
    async read(buf, at, length) {
      if (ahead === undefined) start();
      const current = ahead!;
      const { bytesRead } = await current.pending;
      if (bytesRead === 0) return 0;
      if (length < bytesRead) {
        // the caller asked for less than was read ahead: hand over part, keep the rest
        current.buf.copy(buf, at, 0, length);
        const rest = Buffer.from(current.buf.subarray(length, bytesRead));
        ahead = { buf: rest, pending: Promise.resolve({ bytesRead: rest.length }) };
        return length;
      }
      current.buf.copy(buf, at, 0, bytesRead);
      const buffer = current.buf.length >= chunk ? current.buf : Buffer.allocUnsafeSlow(chunk);
      ahead = { buf: buffer, pending: readAt(buffer) };
      return bytesRead;
    },
    async close() {
      await ahead?.pending.catch(() => undefined); // a read may still be in flight
      await handle.close();
    },
  };
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

export class ByteWindow {
  buf: Buffer;
  dv: DataView;
  /** The first byte not yet consumed, and the end of the bytes read. */
  start = 0;
  end = 0;
  eof = false;
  /** Bytes read from the source so far. */
  bytesRead = 0;
  /** Where `buf[0]` is in the source. */
  offset = 0;

  private constructor(
    private readonly chunks: ChunkSource,
    private readonly chunk: number,
  ) {
    this.buf = Buffer.alloc(chunk + SLACK);
    this.dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** Open a source for reading in chunks of `chunk` bytes (a file from byte `from`). Close it in a `finally`. */
  static async open(source: CsvSource, chunk: number, from = 0): Promise<ByteWindow> {
    if (typeof source === 'string' || source instanceof URL) {
      const handle = await open(source, 'r');
      const window = new ByteWindow(fileChunks(handle, chunk, from), chunk);
      window.offset = from;
      return window;
    }
    if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) return new ByteWindow(streamChunks(source), chunk);
    throw new InvalidArgumentError('source', source, `expected a file path, URL or readable stream, got ${describeValue(source)}`);
  }

  /**
   * Drop the bytes before `keep`, then read at least one more chunk (fewer only at the end of the
   * input). Offsets into the buffer change: `start` becomes 0.
   */
  async more(keep: number): Promise<void> {
    const kept = this.end - keep;
    // read at least as much as is kept, so a long line costs linear time however it grows
    let room = Math.max(this.chunk, kept);
    if (kept + room + SLACK > this.buf.length) {
      const bigger = Buffer.alloc(Math.max(this.buf.length * 2, kept + room + SLACK));
      this.buf.copy(bigger, 0, keep, this.end);
      this.buf = bigger;
      this.dv = new DataView(bigger.buffer, bigger.byteOffset, bigger.byteLength);
    } else if (keep > 0) this.buf.copyWithin(0, keep, this.end);
    this.offset += keep;
    this.start = 0;
    this.end = kept;
    while (room > 0 && !this.eof) {
      const n = await this.chunks.read(this.buf, this.end, room);
      if (n === 0) this.eof = true;
      this.end += n;
      this.bytesRead += n;
      room -= n;
    }
    this.buf.fill(0, this.end, this.end + SLACK); // no stale byte past the end looks like data
  }

  close(): Promise<void> {
    return this.chunks.close();
  }
}
