/**
 * `build`, called on first use; later calls return the same value. For what is costly to build
 * and not needed by every program that loads the module (start-up time).
 */
export function cached<T>(build: () => T): () => T {
  let built: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      built = build();
      done = true;
    }
    return built as T;
  };
}
