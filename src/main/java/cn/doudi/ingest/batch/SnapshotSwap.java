package cn.doudi.ingest.batch;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.Source;

/**
 * Swaps a staged import in, as INPUTS.md's table says a new upload combines (replaced rows stay, with
 * {@code replaced_by} set, for audit):
 * <ul>
 * <li>beneficiaries, poverty: replace every current row of the counties the upload covers;</li>
 * <li>disability: replaces the whole source;</li>
 * <li>standards, cpi, regions, deaths, marriages, economic, temp-assist: a row with the same normalised
 * key replaces the held one (and, inside one upload, the later row replaces the earlier).</li>
 * </ul>
 * Runs inside the swap step's one transaction, together with the status change to COMMITTED.
 */
final class SnapshotSwap {

	private static final String COMMITTED_OF_SOURCE = "o.import_id in (select id from import_batch where status = 'COMMITTED' and source = ?)";

	private SnapshotSwap() {
	}

	/** The normalised key of a keyed source, as SQL over alias {@code %1$s}; null for snapshots. */
	static String key(Source source) {
		return switch (source) {
			case STANDARDS -> "(%1$s.county, %1$s.program, %1$s.category, %1$s.effective_month)";
			case CPI -> "(%1$s.month)";
			case REGIONS -> "(%1$s.code)";
			case DEATHS -> "(%1$s.id_number, %1$s.death_date)";
			case MARRIAGES -> "(least(%1$s.id_number, %1$s.spouse_id_number), greatest(%1$s.id_number, %1$s.spouse_id_number), %1$s.kind, %1$s.registered_on)";
			case ECONOMIC -> "(%1$s.household_id, %1$s.check_month)";
			case TEMP_ASSIST -> "(%1$s.case_no)";
			case BENEFICIARIES, POVERTY, DISABILITY -> null;
		};
	}

	/** Marks the rows the import replaces; returns how many held rows it replaced. */
	static int swap(JdbcTemplate jdbc, Source source, String table, long importId, List<String> counties) {
		String key = key(source);
		if (key != null) {
			String n = key.formatted("n");
			String o = key.formatted("o");
			jdbc.update("update " + table + " o set replaced_by = ? where o.import_id = ? and exists (select 1 from "
					+ table + " n where n.import_id = ? and n.id > o.id and " + n + " = " + o + ")", importId, importId,
					importId);
			return jdbc.update("update " + table + " o set replaced_by = ? from " + table + " n where n.import_id = ?"
					+ " and n.replaced_by is null and o.replaced_by is null and " + n + " = " + o + " and "
					+ COMMITTED_OF_SOURCE, importId, importId, source.code());
		}
		if (source == Source.DISABILITY) {
			return jdbc.update("update disability o set replaced_by = ? where o.replaced_by is null and " + COMMITTED_OF_SOURCE,
					importId, source.code());
		}
		return jdbc.update("update " + table + " o set replaced_by = ? where o.replaced_by is null and o.county = any (?) and "
				+ COMMITTED_OF_SOURCE, ps -> {
					ps.setLong(1, importId);
					ps.setArray(2, ps.getConnection().createArrayOf("text", counties.toArray()));
					ps.setString(3, source.code());
				});
	}
}
