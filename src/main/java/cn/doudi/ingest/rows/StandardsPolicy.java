package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.ingest.ImportProblem;
import cn.doudi.kernel.Program;

/**
 * Checks an upload of the policy table as a whole, together with the standards already held: a key
 * given twice is rejected; every (county, program) present must have the categories RULES.md needs;
 * TEKUN 全自理 below 1.3 × the DIBAO standard of the same county in force that month is accepted with
 * a warning naming the DIBAO program compared.
 */
final class StandardsPolicy {

	private static final BigDecimal TEKUN_FACTOR = new BigDecimal("1.3");

	private final List<StandardRows.StandardRow> rows;
	private final SourceRows.Finish finish;

	StandardsPolicy(List<StandardRows.StandardRow> rows, SourceRows.Finish finish) {
		this.rows = rows;
		this.finish = finish;
	}

	void check() {
		Map<String, StandardRows.StandardRow> byKey = new HashMap<>();
		List<StandardRows.StandardRow> unique = new ArrayList<>();
		for (StandardRows.StandardRow r : rows) {
			StandardRows.StandardRow first = byKey.putIfAbsent(r.key(), r);
			if (first != null) {
				finish.reject(new ImportProblem(r.file(), r.rowNo(), "生效月份", r.month().toString(),
						"与" + first.file() + "第" + first.rowNo() + "行重复（同一区县、项目、类别、生效月份）"));
			}
			else {
				unique.add(r);
			}
		}
		Set<String> held = new HashSet<>();
		Map<String, TreeMap<YearMonth, BigDecimal>> series = new HashMap<>();
		for (Map<String, Object> c : finish.current("select county, program, category, effective_month, value from current_standard")) {
			String key = c.get("county") + "|" + c.get("program") + "|" + c.get("category");
			held.add(key);
			series.computeIfAbsent(key, k -> new TreeMap<>())
				.put(YearMonth.parse((String) c.get("effective_month")), (BigDecimal) c.get("value"));
		}
		for (StandardRows.StandardRow r : unique) {
			String key = r.county() + "|" + r.program() + "|" + r.category();
			held.add(key);
			series.computeIfAbsent(key, k -> new TreeMap<>()).put(r.month(), r.value());
		}
		for (StandardRows.StandardRow r : unique) {
			List<String> needed = StandardCategories.NEEDED.getOrDefault(r.program(), List.of());
			List<String> missing = needed.stream().filter(cat -> !held.contains(r.county() + "|" + r.program() + "|" + cat)).toList();
			if (!missing.isEmpty()) {
				finish.reject(new ImportProblem(r.file(), r.rowNo(), "类别", r.category(), "区县" + r.county() + "的"
						+ Program.valueOf(r.program()).chineseName() + "缺少类别：" + String.join("、", missing) + "（计算发放金额需要）"));
				continue;
			}
			finish.emit(r.values());
		}
		warnWhereTekunFallsBelowDibao(unique, series);
	}

	/**
	 * RULES.md TEKUN: 全自理 ≥ 1.3 × the DIBAO standard of the same county, in every month. Checked, with the
	 * held table and this upload together, at every month from the upload's earliest TEKUN 全自理 or DIBAO
	 * 标准 row of a county on where either amount changes — a TEKUN row can fall below a DIBAO standard
	 * that rises later, and a DIBAO raise can leave an earlier TEKUN row below it. One warning per period
	 * that breaks the rule, naming the month it starts and the amounts then in force.
	 */
	private void warnWhereTekunFallsBelowDibao(List<StandardRows.StandardRow> uploaded,
			Map<String, TreeMap<YearMonth, BigDecimal>> series) {
		Map<String, YearMonth> from = new TreeMap<>();
		Map<String, StandardRows.StandardRow> rowAt = new HashMap<>();
		for (StandardRows.StandardRow r : uploaded) {
			boolean tekun = r.program().equals("TEKUN") && r.category().equals("全自理");
			boolean dibao = r.program().startsWith("DIBAO_") && r.category().equals("标准");
			if (tekun || dibao) {
				from.merge(r.county(), r.month(), (x, y) -> x.isBefore(y) ? x : y);
				rowAt.put(r.county() + "|" + r.program() + "|" + r.month(), r);
			}
		}
		for (Map.Entry<String, YearMonth> e : from.entrySet()) {
			String county = e.getKey();
			TreeMap<YearMonth, BigDecimal> tekun = series.get(county + "|TEKUN|全自理");
			if (tekun == null) {
				continue;
			}
			for (Program dibao : List.of(Program.DIBAO_RURAL, Program.DIBAO_URBAN)) {
				TreeMap<YearMonth, BigDecimal> standard = series.get(county + "|" + dibao.name() + "|标准");
				if (standard == null) {
					continue;
				}
				java.util.TreeSet<YearMonth> changes = new java.util.TreeSet<>(tekun.keySet());
				changes.addAll(standard.keySet());
				changes.add(e.getValue());
				boolean breaking = false;
				for (YearMonth m : changes.tailSet(e.getValue(), true)) {
					var t = tekun.floorEntry(m);
					var d = standard.floorEntry(m);
					if (t == null || d == null) {
						continue;
					}
					BigDecimal floor = d.getValue().multiply(TEKUN_FACTOR).setScale(2, java.math.RoundingMode.HALF_UP);
					boolean below = t.getValue().compareTo(floor) < 0;
					if (below && !breaking) {
						StandardRows.StandardRow r = rowAt.getOrDefault(county + "|TEKUN|" + m,
								rowAt.get(county + "|" + dibao.name() + "|" + m));
						finish.warn("警告：" + (r == null ? "" : r.file() + "第" + r.rowNo() + "行 ") + "区县" + county + "自" + m
								+ "起特困全自理标准" + t.getValue().toPlainString() + "元，低于" + dibao.chineseName() + "标准"
								+ d.getValue().toPlainString() + "元的1.3倍（" + floor.toPlainString() + "元）；已导入，请核实");
					}
					breaking = below;
				}
			}
		}
	}
}
