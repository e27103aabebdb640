/** Where the CLI writes: injectable so commands can be tested without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Bold on a colour terminal, plain otherwise. */
  bold(text: string): string;
}
