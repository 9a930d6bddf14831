package cn.doudi.ingest.rows;

import java.util.List;
import java.util.Set;

/**
 * How one source's rows become rows of its table: the columns of INPUTS.md, the table and its COPY
 * columns (after {@code import_id}), and the validation of one row. One instance per import (it may
 * collect state, e.g. the counties a snapshot covers).
 */
public interface SourceRows {

	Schema schema();

	String table();

	List<String> copyColumns();

	/**
	 * The row's values in {@link #copyColumns()} order (null for SQL NULL), or null when the row is
	 * rejected (the problems are in the context) or kept back for {@link #finish}.
	 */
	String[] map(RowContext ctx);

	/** Cross-row checks once every file is read; rows kept back are emitted here. */
	default void finish(Finish finish) {
	}

	/**
	 * False when the rows read prove that the whole-upload checks in SQL after staging (the 户主 rule of
	 * beneficiaries) can find nothing, so that they may be skipped; true when they must run.
	 */
	default boolean wholeUploadChecksNeeded() {
		return true;
	}

	/** The column whose 区划代码 gives a row's county (null for sources without one): who may import it. */
	default ColumnDef countyColumn() {
		return null;
	}

	/** The counties a snapshot covers (rows with a readable region code, rejected ones included). */
	default Set<String> counties() {
		return Set.of();
	}

	/**
	 * The counties of every row read with a readable region code in {@link #countyColumn()} (rejected
	 * ones included), for the access check; empty for sources without one.
	 */
	default Set<String> rowCounties() {
		return counties();
	}

	/** What {@link #finish} can do. */
	interface Finish {

		void emit(String[] values);

		void reject(cn.doudi.ingest.ImportProblem problem);

		void warn(String warning);

		/** The current rows of the source's table, as maps of column → value. */
		List<java.util.Map<String, Object>> current(String sql);
	}
}
