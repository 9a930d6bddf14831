/**
 * Where the data lives: the embedded PostgreSQL under {@code --home} (zero setup, real PostgreSQL
 * binaries, fsync on) or an external server through {@code --db-url}. Owns the DataSource; the
 * schema itself is the Flyway migrations in {@code db/migration}.
 */
package cn.doudi.database;
