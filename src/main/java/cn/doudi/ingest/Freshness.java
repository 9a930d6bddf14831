package cn.doudi.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.kernel.FindingCode;

/**
 * Freshness of the other agencies' data for month-end: a month whose {@code deaths} or {@code economic}
 * data (the sources of {@code doudi.freshness.sources}) last arrived longer ago than
 * {@code doudi.freshness.max-age} (default 35 days) still runs, but carries a warning naming the stale
 * source. "Arrived" is the last committed import of the source ({@link RosterImports#lastArrivals()}):
 * a file recognised as the same content again brings nothing new and does not count. The age is taken
 * at the time the month runs (what the run knows then), not from the month being run.
 */
@Service
@EnableConfigurationProperties(FreshnessProperties.class)
public class Freshness {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final RosterImports imports;
	private final FreshnessProperties properties;
	private final Clock clock;
	private final JdbcTemplate jdbc;

	Freshness(RosterImports imports, FreshnessProperties properties, Clock clock, JdbcTemplate jdbc) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		for (String s : properties.sources()) {
			Source.parse(s).orElseThrow(() -> new IllegalArgumentException("doudi.freshness.sources: 未知的来源 " + s));
		}
	}

	/** {@code doudi.freshness.max-age}. */
	public Duration maxAge() {
		return properties.maxAge();
	}

	/** The watched sources that are stale now, in the order configured; empty when all are fresh. */
	public List<StaleSource> staleSources() {
		return staleSources(clock.instant());
	}

	/** The watched sources that are stale at {@code at}. */
	public List<StaleSource> staleSources(Instant at) {
		Map<Source, Instant> last = imports.lastArrivals();
		Duration maxAge = properties.maxAge();
		List<StaleSource> stale = new ArrayList<>();
		for (String code : properties.sources()) {
			Source source = Source.parse(code).orElseThrow();
			Instant arrived = last.get(source);
			if (arrived == null) {
				stale.add(new StaleSource(source, null, null, "注意：" + source.title() + "（" + source.code()
						+ "）从未导入，本月未能据此核对（应退尽退依赖及时的数据）"));
				continue;
			}
			Duration age = Duration.between(arrived, at);
			if (age.compareTo(maxAge) > 0) {
				stale.add(new StaleSource(source, arrived, age, "注意：" + source.title() + "（" + source.code()
						+ "）最近一次导入在 " + DAY.format(arrived.atZone(BEIJING)) + "，已 " + age.toDays() + " 天未更新（超过 "
						+ maxAge.toDays() + " 天），本月核对可能遗漏新近的变化"));
			}
		}
		return stale;
	}

	/**
	 * What month {@code month} lacks that a person would otherwise only find out from the files (issue 14):
	 * a county without a name in {@code regions} (its notices would be signed by the code, its villages
	 * named by theirs), a source some program or check of the month needs that was never imported — the
	 * disability data when the county has disability-subsidy enrollees (every such line would be held
	 * {@code DISABILITY_NOT_FOUND}), {@code poverty} ({@code POVERTY_NOT_COVERED} leads), {@code marriages}
	 * ({@code MARRIAGE_CHANGE}), {@code cpi} (the price subsidy), and {@code deaths} / {@code economic} unless
	 * {@link #staleSources()} already names them. One Chinese sentence each, in a stable order; the month
	 * still runs.
	 * @param counties the counties the month runs for; empty: every county with a standards row
	 */
	public List<String> missingFor(YearMonth month, List<String> counties) {
		List<String> runs = counties.isEmpty()
				? jdbc.queryForList("select distinct county from current_standard order by county", String.class)
				: counties.stream().sorted().distinct().toList();
		Map<Source, Instant> last = imports.lastArrivals();
		List<String> warnings = new ArrayList<>();
		String m = month.toString();
		for (String county : runs) {
			List<String> names = jdbc.queryForList("select name from current_region where code = ? order by id desc limit 1",
					String.class, county);
			if (names.isEmpty()) {
				warnings.add("区县 " + county + " 在区划名称（regions）中没有名称：本月的公示和告知书将以代码“" + county
						+ "”署名（先导入 regions）");
			}
			Integer unnamed = jdbc.queryForObject("""
					select count(distinct b.region_code) from current_beneficiary b
					where b.county = ? and not exists (select 1 from current_region r where r.code = b.region_code)""",
					Integer.class, county);
			if (unnamed != null && unnamed > 0) {
				warnings.add("区县 " + county + " 有 " + unnamed + " 个村（社区）在区划名称（regions）中没有名称：公示上以代码代替");
			}
			if (!last.containsKey(Source.DISABILITY)) {
				Integer enrolled = jdbc.queryForObject("""
						select count(distinct b.id_number) from current_beneficiary b
						where b.county = ? and b.program in ('DISABILITY_LIVING', 'DISABILITY_CARE')
						  and b.start_month <= ? and (b.end_month is null or b.end_month >= ?)""", Integer.class, county, m, m);
				if (enrolled != null && enrolled > 0) {
					warnings.add(Source.DISABILITY.title() + "（disability）从未导入：区县 " + county + " 本月 " + enrolled
							+ " 人的残疾人两项补贴将全部暂停发放（疑点“" + FindingCode.DISABILITY_NOT_FOUND.chineseName()
							+ "”），低保的重残分类施保也不会计算");
				}
			}
		}
		List<String> watched = properties.sources();
		for (Source s : List.of(Source.DEATHS, Source.ECONOMIC, Source.POVERTY, Source.MARRIAGES, Source.CPI)) {
			if (last.containsKey(s) || watched.contains(s.code())) {
				continue;
			}
			String what = switch (s) {
				case DEATHS -> "本月不能核查死亡（疑点“" + FindingCode.DECEASED.chineseName() + "”“"
						+ FindingCode.DEATH_PROBABLE.chineseName() + "”），去世的人仍会被发放";
				case ECONOMIC -> "低保家庭收入只按花名册的家庭月收入计算，不核查财产（疑点“" + FindingCode.ASSETS_DISQUALIFY.chineseName()
						+ "”）";
				case POVERTY -> "本月不能发现应保未保的防返贫监测对象（疑点“" + FindingCode.POVERTY_NOT_COVERED.chineseName() + "”）";
				case MARRIAGES -> "本月不能核查低保对象的婚姻变化（疑点“" + FindingCode.MARRIAGE_CHANGE.chineseName() + "”）";
				default -> "本月不计算价格临时补贴";
			};
			warnings.add(s.title() + "（" + s.code() + "）从未导入：" + what);
		}
		return warnings;
	}
}
