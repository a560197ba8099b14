// Waiting in a test for a state, not for a time.

/** Between two looks while a test waits for a state. */
export const POLL_MS = 50;

/** Resolves once `condition` holds, looking again every POLL_MS. */
export async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
