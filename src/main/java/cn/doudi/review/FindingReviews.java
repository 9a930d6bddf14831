package cn.doudi.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.FindingFilter;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.FindingRecord;
import cn.doudi.matching.FindingSearches;
import cn.doudi.matching.ListedFinding;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AuditLog;
import cn.doudi.security.Permission;
import cn.doudi.security.Role;
import cn.doudi.security.User;

/**
 * The monitor's review (CHECKS.md "Review", OUTPUTS.md {@code findings}). Reading needs READ within the
 * finding's county; deciding needs REVIEW_FINDINGS (MONITOR) within it. {@code dismiss} only for the
 * dismissable codes (the rule findings close by themselves); {@code confirm} keeps a finding open with its
 * effect; {@code recover} closes an OVERPAID finding and its overpayments (CHECKS.md); an amount below
 * what was owed is audited ({@code RECOVER_SHORT}) and logged. Every decision is kept in
 * {@code finding_decision} with who, when and why, and audited. Privacy: lists always mask ID and account
 * numbers; {@code show} gives them whole only to a MONITOR or AUDITOR of the county (they verify them
 * with the other agency).
 */
@Service
public class FindingReviews {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingReviews.class);

	private static final List<String> OPEN = List.of("OPEN", "CONFIRMED");

	private final FindingRecords records;
	private final FindingLedger ledger;
	private final Recoveries recoveries;
	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;

	private final FindingSearches searches;
	private final TransactionTemplate eachInItsOwn;

	FindingReviews(FindingRecords records, FindingLedger ledger, Recoveries recoveries, AccessControl access,
			AuditLog audit, Clock clock, FindingSearches searches, PlatformTransactionManager transactions) {
		this.searches = searches;
		this.eachInItsOwn = new TransactionTemplate(transactions);
		this.records = records;
		this.ledger = ledger;
		this.recoveries = recoveries;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Findings of a county (default the user's own; all counties for a city-wide user), masked. */
	public List<FindingView> list(String userName, FindingQuery query) {
		User user = access.find(userName).orElse(null);
		String county = query.county() != null ? query.county() : user == null ? null : user.county();
		access.require(userName, Permission.READ, county);
		String status = query.status() == null ? "OPEN" : query.status().toUpperCase(java.util.Locale.ROOT);
		List<String> statuses = status.equals("ALL") ? null : status.equals("OPEN") ? OPEN : List.of(status);
		String code = query.code() == null ? null : FindingCode.valueOf(query.code().toUpperCase(java.util.Locale.ROOT)).name();
		return records.list(county, code, statuses).stream().map(FindingReviews::masked).toList();
	}

	/**
	 * A page of the findings list (FindingSearch.PAGE_SIZE rows), masked, of the reader's counties: a county
	 * user sees only its own (asking for another is refused as {@link #list} refuses it), the county is in the
	 * query itself. An ID searched for is matched whole only for a MONITOR or AUDITOR (who may see whole IDs).
	 */
	public FindingList page(String userName, FindingSearch search) {
		return page(userName, search, FindingSearch.PAGE_SIZE);
	}

	/** As {@link #page(String, FindingSearch)} with {@code size} rows a page (the API's page size). */
	public FindingList page(String userName, FindingSearch search, int size) {
		FindingFilter filter = filter(userName, search);
		int page = Math.max(1, search.page());
		FindingSearches.Page p = searches.page(filter, (long) (page - 1) * size, size);
		int pages = (int) Math.max(1, (p.total() + size - 1) / size);
		return new FindingList(p.rows().stream().map(FindingReviews::row).toList(), p.total(), page, pages);
	}

	/** Every row of the filtered list (all pages), masked, in the list's order: for an export. */
	public void each(String userName, FindingSearch search, java.util.function.Consumer<FindingList.Row> row) {
		searches.each(filter(userName, search), f -> row.accept(row(f)));
	}

	/** The villages of a county (code → name) for the list's filter; empty for none or a county not the user's. */
	public java.util.Map<String, String> villages(String userName, String county) {
		access.require(userName, Permission.READ, county);
		return searches.villages(county);
	}

	/** The counties' names of the regions roster (code → name). */
	public java.util.Map<String, String> countyNames() {
		return searches.countyNames();
	}

	/**
	 * One decision ({@code DISMISS} or {@code CONFIRM}) with one note on each of the findings: each row is its
	 * own decision — its own transaction and audit event, exactly as a single decision — so a refused row
	 * (another county, closed, not dismissable) is named with its reason and leaves the others decided.
	 */
	public List<BulkOutcome> decideEach(String userName, List<Long> ids, String decision, String note) {
		access.require(userName, Permission.REVIEW_FINDINGS,
				access.find(userName).map(User::county).orElse(null));
		return ids.stream().distinct().map(id -> {
			try {
				eachInItsOwn.executeWithoutResult(status -> {
					switch (decision) {
						case "DISMISS" -> dismiss(userName, id, note);
						case "CONFIRM" -> confirm(userName, id, note);
						default -> throw new ReviewRefusedException("没有这种批量处理：" + decision);
					}
				});
				return new BulkOutcome(id, true, "");
			}
			catch (ReviewRefusedException | cn.doudi.security.AccessDeniedException e) {
				return new BulkOutcome(id, false, e.getMessage());
			}
		}).toList();
	}

	private FindingFilter filter(String userName, FindingSearch q) {
		User user = access.find(userName).orElse(null);
		String county = q.county() != null ? q.county() : user == null ? null : user.county();
		User reader = access.require(userName, Permission.READ, county);
		String status = q.status() == null ? "OPEN" : q.status().toUpperCase(java.util.Locale.ROOT);
		List<String> statuses = status.equals("ALL") ? null : status.equals("OPEN") ? OPEN : List.of(status);
		boolean whole = reader.role() == Role.MONITOR || reader.role() == Role.AUDITOR;
		String village = q.village() == null || q.village().isBlank() ? null : q.village().strip();
		if (village != null && county != null && !village.startsWith(county)) {
			throw new ReviewRefusedException("村（社区）" + village + " 不在区县 " + county + " 内");
		}
		return new FindingFilter(county == null ? null : List.of(county), q.code(), q.effect(), statuses, village,
				q.program(), q.month(), q.text(), whole, q.sort(), q.descending());
	}

	private static FindingList.Row row(ListedFinding f) {
		FindingRecord r = f.record();
		FindingView v = masked(new FindingView(r.id(), r.code(), r.effect(), r.status(), r.county(), r.idNumber(),
				r.name(), r.householdId(), r.programs(), r.accountNumber(), r.detail(), r.firstMonth(), r.lastMonth(),
				r.closedMonth(), List.of()));
		return new FindingList.Row(v, f.countyName(), f.villageCode(), f.villageName());
	}

	/** One finding with its decisions; whole ID and account numbers for a MONITOR or AUDITOR of its county. */
	public FindingView show(String userName, long id) {
		FindingView f = finding(id);
		User user = access.require(userName, Permission.READ, f.county());
		boolean whole = user.role() == Role.MONITOR || user.role() == Role.AUDITOR;
		FindingView v = whole ? f : masked(f);
		List<FindingView.Decision> decisions = records.decisions(id);
		if (whole) {
			// a read of whole ID and account numbers is audited (who read whose, when)
			audit.record(userName, "READ_WHOLE", f.county(), "finding " + id, f.code());
		}
		else {
			// a note may quote a whole ID or account number: masked for a role that may not see it whole
			decisions = decisions.stream()
				.map(d -> new FindingView.Decision(d.decision(), d.decidedBy(), d.decidedAt(), maskNumbers(d.note()),
						d.amount()))
				.toList();
		}
		return new FindingView(v.id(), v.code(), v.effect(), v.status(), v.county(), v.idNumber(), v.name(),
				v.householdId(), v.programs(), v.accountNumber(), v.detail(), v.firstMonth(), v.lastMonth(),
				v.closedMonth(), decisions);
	}

	@Transactional
	public FindingView dismiss(String userName, long id, String note) {
		FindingView f = decidable(userName, id, note);
		if (!FindingCode.valueOf(f.code()).dismissable()) {
			throw new ReviewRefusedException("“" + FindingCode.valueOf(f.code()).chineseName()
					+ "”是规则认定的疑点，不能撤销：数据更正后自动关闭");
		}
		ledger.decide(id, FindingLedger.Decision.DISMISS);
		decide(userName, f, "DISMISS", note, null);
		return finding(id);
	}

	@Transactional
	public FindingView confirm(String userName, long id, String note) {
		FindingView f = decidable(userName, id, note);
		ledger.decide(id, FindingLedger.Decision.CONFIRM);
		decide(userName, f, "CONFIRM", note, null);
		return finding(id);
	}

	@Transactional
	public FindingView recover(String userName, long id, BigDecimal amount, String note) {
		FindingView f = decidable(userName, id, note);
		if (!f.code().equals(FindingCode.OVERPAID.name())) {
			throw new ReviewRefusedException("只有多发（OVERPAID）疑点可以登记追回，本疑点为 " + f.code());
		}
		if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
			throw new ReviewRefusedException("追回金额应为正数，最多两位小数（--amount）");
		}
		BigDecimal owed = recoveries.owed(id);
		BigDecimal earlier = records.recovered(id);
		// CHECKS.md: OVERPAID closes when the recovery is recorded, whatever the amount; an amount below what
		// was owed is kept in the decision and the audit trail, and logged, for the finance staff to follow up
		ledger.decide(id, FindingLedger.Decision.RECOVER);
		recoveries.recovered(id);
		decide(userName, f, "RECOVER", note, amount);
		BigDecimal short_ = owed.subtract(earlier).subtract(amount);
		if (short_.signum() > 0) {
			audit.record(userName, "RECOVER_SHORT", f.county(), "finding " + id, "owed=" + owed.toPlainString()
					+ " recovered=" + earlier.add(amount).toPlainString() + " short=" + short_.toPlainString());
			log.warn("finding {} OVERPAID closed with {} recovered of {} owed", id, earlier.add(amount).toPlainString(),
					owed.toPlainString());
		}
		return finding(id);
	}

	private FindingView decidable(String userName, long id, String note) {
		FindingView f = finding(id);
		access.require(userName, Permission.REVIEW_FINDINGS, f.county());
		if (note == null || note.isBlank()) {
			throw new ReviewRefusedException("须填写处理说明（--note）");
		}
		if (!OPEN.contains(f.status())) {
			throw new ReviewRefusedException("疑点 " + id + " 的状态是 " + f.status() + "，已关闭，不能再处理");
		}
		return f;
	}

	private void decide(String userName, FindingView f, String decision, String note, BigDecimal amount) {
		records.record(f.id(), decision, userName, Timestamp.from(clock.instant()), note.strip(), amount);
		audit.record(userName, decision, f.county(), "finding " + f.id(),
				f.code() + (amount == null ? "" : " amount=" + amount.toPlainString()) + ": " + maskNumbers(note.strip()));
	}

	private FindingView finding(long id) {
		return records.find(id).orElseThrow(() -> new ReviewRefusedException("没有编号为 " + id + " 的疑点"));
	}

	private static FindingView masked(FindingView f) {
		return new FindingView(f.id(), f.code(), f.effect(), f.status(), f.county(), IdNumber.mask(f.idNumber()),
				f.name(), f.householdId(), f.programs(), f.accountNumber().isEmpty() ? "" : IdNumber.mask(f.accountNumber()),
				f.detail() == null ? null : maskNumbers(f.detail()), f.firstMonth(), f.lastMonth(), f.closedMonth(),
				f.decisions());
	}

	/**
	 * A note or detail may quote an ID or account number: masked in the audit trail and for every role that
	 * may not see whole numbers. Digits count even when written full-width ({@code ４１０…}) or spaced in
	 * groups of digits ({@code 4102 0319 …}): a run of 12 or more digits, spaces and hyphens between, and an
	 * X at the end.
	 */
	static String maskNumbers(String text) {
		return IdNumber.maskNumbers(text);
	}
}
