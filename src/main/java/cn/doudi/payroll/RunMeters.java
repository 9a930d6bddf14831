package cn.doudi.payroll;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.Program;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The month-end's meters (README "Watching it run"):
 * <ul>
 * <li>{@code doudi.month.end} (timer, tag {@code outcome}: {@code computed} — at least one county's draft
 * written —, {@code refused} — none —, {@code failed} — an exception): each month-end of this process, from
 * its first county's lock to the drafts' commit;</li>
 * <li>{@code doudi.run.lines} and {@code doudi.run.amount} (gauges, tags {@code county}, {@code program},
 * {@code status} PAY/HELD): the lines and their sum in yuan of each county's latest live run (draft,
 * released or approved), read from the database — so every {@code serve} shows the same, also for
 * month-ends run from the command line — at most every 15 seconds.</li>
 * </ul>
 * The gauges are registered for every county with a standards row and every program when the application
 * is ready, and for a new county at its first draft in this process. A gauge is a double: for watching,
 * never for money.
 */
@Component
class RunMeters {

	static final Duration FRESH = Duration.ofSeconds(15);

	private record Key(String county, String program, String status) {
	}

	private record Totals(long lines, BigDecimal amount) {
	}

	private final MeterRegistry registry;
	private final JdbcTemplate jdbc;
	private final Set<Key> registered = ConcurrentHashMap.newKeySet();
	private volatile Map<Key, Totals> totals = Map.of();
	private volatile long readAt; // System.nanoTime() of the last read; 0: read on the next scrape
	private volatile boolean read;

	RunMeters(MeterRegistry registry, JdbcTemplate jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	Timer.Sample start() {
		return Timer.start(registry);
	}

	void monthEndDone(Timer.Sample sample, String outcome) {
		sample.stop(Timer.builder("doudi.month.end")
			.description("月结用时（本进程，自第一个区县加锁至草稿提交）")
			.tag("outcome", outcome)
			.register(registry));
	}

	@EventListener(ApplicationReadyEvent.class)
	void registerGauges() {
		try {
			jdbc.queryForList("select distinct county from current_standard", String.class).forEach(c -> register(c.trim()));
		}
		catch (RuntimeException e) {
			// no database at start: the gauges come with the first draft
		}
	}

	@EventListener
	void drafted(PayrollRunDrafted run) {
		register(run.county());
		read = false;
	}

	private void register(String county) {
		for (Program program : Program.values()) {
			for (String status : new String[] { "PAY", "HELD" }) {
				Key key = new Key(county, program.name(), status);
				if (registered.add(key)) {
					Gauge.builder("doudi.run.lines", this, m -> m.totals(key).lines())
						.description("各区县最新有效发放批次的发放行数")
						.tags("county", county, "program", program.name(), "status", status)
						.register(registry);
					Gauge.builder("doudi.run.amount", this, m -> m.totals(key).amount().doubleValue()) // the gauge's double, at the edge only
						.description("各区县最新有效发放批次的金额合计")
						.baseUnit("yuan")
						.tags("county", county, "program", program.name(), "status", status)
						.register(registry);
				}
			}
		}
	}

	private Totals totals(Key key) {
		long now = System.nanoTime();
		if (!read || now - readAt > FRESH.toNanos()) {
			synchronized (this) {
				if (!read || now - readAt > FRESH.toNanos()) {
					totals = read();
					readAt = now;
					read = true;
				}
			}
		}
		return totals.getOrDefault(key, new Totals(0, BigDecimal.ZERO));
	}

	private Map<Key, Totals> read() {
		Map<Key, Totals> read = new HashMap<>();
		jdbc.query("""
				select l.county, l.program, l.status, count(*), sum(l.amount)
				from payment_line l
				join (select distinct on (county) id from payroll_run
				      where status in ('DRAFT', 'RELEASED', 'APPROVED')
				      order by county, month desc, revision desc) latest on latest.id = l.run_id
				group by l.county, l.program, l.status""",
				rs -> {
					read.put(new Key(rs.getString(1).trim(), rs.getString(2), rs.getString(3)),
							new Totals(rs.getLong(4), rs.getBigDecimal(5)));
				});
		return read;
	}
}
