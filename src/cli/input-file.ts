import { open } from 'node:fs/promises';
import { InputFormatError } from '../errors.js';

/** Bytes looked at to tell text from binary data (as git and grep do: a NUL byte means binary). */
const SNIFF_BYTES = 8192;

const isUtf16 = (head: Uint8Array): boolean => (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);

/** An input file problem in plain words, naming the file, from a Node file-system error. */
export function describeFileError(error: unknown, path: string, what: string): InputFormatError | undefined {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message =
    code === 'ENOENT' ? `${path}: no such file`
    : code === 'EISDIR' ? `${path}: is a directory, not ${what}`
    : code === 'EACCES' || code === 'EPERM' ? `${path}: permission denied`
    : code === 'ENOTDIR' ? `${path}: a part of this path is not a directory`
    : undefined;
  return message === undefined ? undefined : new InputFormatError(message, { file: path });
}

/**
 * Check that `path` is a readable text file before a command reads it: a missing file, a
 * directory or binary data (an image, a spreadsheet's .xlsx, an executable) is refused with a
 * message naming the file and what was expected, instead of an error from deep inside a reader or
 * binary bytes echoed to the terminal. UTF-16 is left to the readers, which say how to convert it;
 * `binary` accepts the binary formats a command reads itself (a PDF).
 */
export async function checkInputFile(path: string, what: string, options: { binary?: (head: Uint8Array) => boolean } = {}): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    const sample = head.subarray(0, bytesRead);
    if (!isUtf16(sample) && sample.includes(0) && options.binary?.(sample) !== true) throw new InputFormatError(`${path}: not a text file (it contains binary data); expected ${what}`, { file: path });
  } catch (error) {
    throw describeFileError(error, path, what) ?? error;
  } finally {
    await handle?.close();
  }
}
