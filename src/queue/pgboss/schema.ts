// The queue's own table beside pg-boss's: which runs asked for which jobs. A job belongs to the run that asked
// for it first (its data says so), but a later run asking for the same key shares it and waits for it too.
// Numbered and append-only like the store's migrations, counted apart from them.
import { QUEUE_MIGRATION_LOCK, type MigrationPlan } from '../../store/postgres/migrations.js';

export const QUEUE_MIGRATIONS: MigrationPlan = {
  table: 'newsdesk_queue_migrations',
  lock: QUEUE_MIGRATION_LOCK,
  steps: [
    // 1: run membership.
    `
    CREATE TABLE newsdesk_job_runs (
      run_id integer NOT NULL,
      job_id uuid NOT NULL,
      queue text NOT NULL,
      PRIMARY KEY (run_id, job_id)
    );
    `,
  ],
};
