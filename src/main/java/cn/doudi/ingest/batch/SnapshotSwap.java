package cn.doudi.ingest.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.Source;

/**
 * Swaps a staged import in, as INPUTS.md's table says a new upload combines (replaced rows stay for
 * audit):
 * <ul>
 * <li>beneficiaries, poverty: the import becomes the {@code snapshot} of every county the upload
 * covers; disability: the import becomes the source's one snapshot (county {@code ''}). Only the few
 * {@code snapshot} rows change: the bulk rows of the earlier imports stay as they are, whatever their
 * number;</li>
 * <li>standards, cpi, regions, deaths, marriages, economic, temp-assist: a row with the same normalised
 * key replaces the held one ({@code replaced_by}; inside one upload, the later row replaces the
 * earlier).</li>
 * </ul>
 * Runs inside the swap step's one transaction, together with the status change to COMMITTED.
 */
final class SnapshotSwap {

	private static final String COMMITTED_OF_SOURCE = "o.import_id in (select id from import_batch where status = 'COMMITTED' and source = ?)";

	/** What a swap replaced: held keyed rows, or the earlier snapshots ("county:import", "" county for the whole source). */
	record Replaced(int rows, List<String> snapshots) {

		String describe() {
			return snapshots.isEmpty() ? "replaced=" + rows : "replaced=" + String.join(",", snapshots);
		}
	}

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

	/** True for the sources whose current rows are named by {@code snapshot}. */
	static boolean isSnapshot(Source source) {
		return key(source) == null;
	}

	/** Makes the import current; returns what it replaced. */
	static Replaced swap(JdbcTemplate jdbc, Source source, String table, long importId, List<String> counties) {
		String key = key(source);
		if (key == null) {
			return snapshot(jdbc, source, importId, source == Source.DISABILITY ? List.of("") : counties);
		}
		String n = key.formatted("n");
		String o = key.formatted("o");
		jdbc.update("update " + table + " o set replaced_by = ? where o.import_id = ? and exists (select 1 from "
				+ table + " n where n.import_id = ? and n.id > o.id and " + n + " = " + o + ")", importId, importId,
				importId);
		return new Replaced(jdbc.update("update " + table + " o set replaced_by = ? from " + table + " n where n.import_id = ?"
				+ " and n.replaced_by is null and o.replaced_by is null and " + n + " = " + o + " and "
				+ COMMITTED_OF_SOURCE, importId, importId, source.code()), List.of());
	}

	/** Points the snapshot of each county (locked first, in order) at the import. */
	private static Replaced snapshot(JdbcTemplate jdbc, Source source, long importId, List<String> counties) {
		List<String> replaced = new ArrayList<>();
		for (String county : counties.stream().sorted().distinct().toList()) {
			List<Long> held = jdbc.queryForList("select import_id from snapshot where source = ? and county = ? for update",
					Long.class, source.code(), county);
			if (held.isEmpty()) {
				jdbc.update("insert into snapshot (source, county, import_id) values (?, ?, ?)", source.code(), county, importId);
			}
			else {
				jdbc.update("update snapshot set import_id = ? where source = ? and county = ?", importId, source.code(), county);
				replaced.add((county.isEmpty() ? "all" : county) + ":" + held.get(0));
			}
		}
		return new Replaced(0, replaced);
	}
}
