// Connections to PostgreSQL: one pool for queries and transactions, URLs shown without their password, and
// batched inserts that stay under the protocol's limit on parameters per statement.
import pg from 'pg';

/** Connections the pool may hold: a run writes through one, the editor reads through the others. */
const POOL_SIZE = 4;
/** A connection the pool has not used for this long is closed. */
const IDLE_MS = 10_000;
/** How long to wait for the server before saying it cannot be reached. */
const CONNECT_TIMEOUT_MS = 15_000;
/** PostgreSQL's wire protocol counts a statement's parameters in 16 bits. */
const MAX_PARAMETERS = 65_535;

// bigint (count(*), sequences) as numbers: the desk's counts and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Queryable = Pick<pg.ClientBase, 'query'>;
export type Row = Record<string, unknown>;

export { POSTGRES_URL, redactError, redactUrl } from './url.js';

export function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: IDLE_MS, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server closed (a restart): the pool drops it and opens another when asked.
  pool.on('error', () => {});
  return pool;
}

/** A connection of its own, outside the pool: a lock lives exactly as long as it. */
export async function openClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/**
 * Runs `work` in one transaction on one pooled connection: all of it is kept, or none. The pool stops
 * listening for a connection's errors while it is lent out, and the server's goodbye to a connection between
 * two statements (a restart) would then end the process: it is heard here, and the connection thrown away.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => void (broken = error);
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

/**
 * INSERT … VALUES (…), (…) … `tail` in as few statements as the parameter limit allows. Each row gives one
 * value per column; parameter types follow from the target columns.
 */
export async function insertRows(db: Queryable, table: string, columns: string[], rows: unknown[][], tail: string): Promise<void> {
  await eachValuesList(rows, columns.length, [], (values, parameters) => db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ${tail}`, parameters));
}

/**
 * Hands `rows` (of `width` values each) to `write` as `(…), (…)` lists of placeholders, as many rows per
 * statement as the parameter limit allows after the `leading` parameters, which come first in every
 * statement ($1 … $k).
 */
export async function eachValuesList(rows: unknown[][], width: number, leading: unknown[], write: (values: string, parameters: unknown[]) => Promise<unknown>): Promise<void> {
  const perStatement = Math.floor((MAX_PARAMETERS - leading.length) / width);
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${leading.length + r * width + c + 1}`).join(', ')})`);
    await write(values.join(', '), [...leading, ...batch.flat()]);
  }
}

/** One row per key: the last one given wins, as when each row is upserted in turn. */
export function lastByKey<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** One row per key: the first one given wins, as with ON CONFLICT DO NOTHING one row at a time. */
export function firstByKey<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
