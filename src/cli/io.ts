/** Where the CLI writes: injectable so commands can be tested without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Bold on a colour terminal, plain otherwise. */
  bold(text: string): string;
  /** Where a progress bar may be drawn (stderr when it is a terminal); absent when piped or in CI. */
  progress?: (line: string) => void;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Standard input, for a file named `-` (default: the process's). */
  stdin?: AsyncIterable<Uint8Array | string>;
}
