/**
 * Ingest owns getting the operators' spreadsheets into the database: every source of INPUTS.md read
 * from CSV or XLSX, normalised and validated row by row, staged under an import and swapped in whole
 * (or not at all) in one short transaction, with an error report for the rows it rejects. Every import
 * first checks the acting user ({@code cn.doudi.security}). Other
 * modules call {@link cn.doudi.ingest.RosterImports} (also for when each source last arrived, and
 * {@link cn.doudi.ingest.Freshness} for which are stale) and read the {@code current_*} views (nothing listens
 * for an import: the next month-end reads the snapshots as they stand). Owns the uploads ({@code import_batch}:
 * {@link cn.doudi.ingest.Uploads} records the banks' return files too); the payroll tells a temp-assist upload
 * what it has paid through the {@link cn.doudi.ingest.PaymentHistory} port.
 * <p>
 * Its meters: {@code ImportMeters} (rows imported and rejected per source, uploads per status).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "security", "database" })
package cn.doudi.ingest;
