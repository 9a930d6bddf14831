/**
 * Where the data lives: the embedded PostgreSQL under {@code --home} (zero setup, real PostgreSQL
 * binaries, fsync on; one server per home, shared by every process that uses it and stopped by the last)
 * or an external server through {@code --db-url}. Owns the DataSource; the
 * schema itself is the Flyway migrations in {@code db/migration}. Also the one way a running Batch step
 * commits its progress to the job repository ({@code StepProgress}), used by imports and month-end.
 */
package cn.doudi.database;
