// A concurrency limit: at most `size` tasks run at once, the rest wait in order. Written here because it is
// eight lines; a library (p-limit) would add a dependency for less than its own README.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(size: number): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];
  const next = (): void => {
    active -= 1;
    waiting.shift()?.();
  };
  return async (task) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      next();
    }
  };
}
