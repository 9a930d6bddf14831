package cn.doudi.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.PersonName;
import cn.doudi.notices.PublicNotices.VillageNotice;
import cn.doudi.notices.RegionNames.Names;
import cn.doudi.notices.render.CjkFont;
import cn.doudi.notices.render.PublicNoticePdf;
import cn.doudi.notices.render.PublicNoticeWorkbook;
import cn.doudi.notices.render.StopNotice;
import cn.doudi.notices.render.StopNoticesPdf;
import cn.doudi.payroll.MonthEndOutput;
import cn.doudi.payroll.MonthEndOutput.CountyFiles;
import cn.doudi.payroll.MonthEndPhases;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.StopView;

/**
 * Writes the month's notices after the payroll's files (OUTPUTS.md): per run (county),
 * {@code notices/<county>/<village code>-<YYYYMM>.xlsx} and {@code .pdf} for every village or community
 * with a PAY line, and {@code notices/<county>/stops-<YYYYMM>.pdf} with one page per stop (no file when
 * the run has no stop). The county's lines are read village by village ({@link RunReader#forEachLineByRegion}),
 * each village's notice rendered once its lines are in, on a pool of renderers, a few villages at a time, so that
 * the heap does not grow with the county. The CJK fonts (main and fallbacks) are opened on first use, once per
 * process, and shared by the renderers. Returns as
 * warnings every character a PDF printed as {@code ?} because no configured font has it, naming the person
 * (masked ID) whose name holds it.
 */
@Component
@EnableConfigurationProperties(NoticeProperties.class)
public class Notices implements MonthEndOutput, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	/** Villages rendered or waiting at once per county, per renderer thread: what bounds the lines held. */
	private static final int IN_FLIGHT_PER_THREAD = 2;

	private final RunReader reader;
	private final RegionNames regions;
	private final NoticeProperties properties;
	private final io.micrometer.core.instrument.MeterRegistry meters;
	/** The fonts, opened on first use and shared by every thread (see {@link CjkFont}). */
	private CjkFont font;
	/** The renderers' pools by width (the partitions' {@code --threads}; one in a process but for the bench's modes). */
	private final java.util.Map<Integer, java.util.concurrent.ExecutorService> pools = new java.util.HashMap<>();
	private boolean warned;

	Notices(RunReader reader, RegionNames regions, NoticeProperties properties,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.reader = reader;
		this.meters = meters;
		this.regions = regions;
		this.properties = properties;
	}

	/** As {@link #write(PayrollRun, Path, int)} with as many renderers as cores. */
	@Override
	public CountyFiles write(PayrollRun run, Path folder) {
		return write(run, folder, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The run's notices, in the county's partition, its villages rendered on a pool of {@code threads} renderers
	 * (the partitions' {@code --threads}: the counties computed at once share it, so N threads render on at most N);
	 * returns the files written and the warnings.
	 */
	@Override
	public CountyFiles write(PayrollRun run, Path folder, int threads) {
		List<String> warnings = new java.util.ArrayList<>();
		List<String> files = new java.util.ArrayList<>();
		write(run, folder, regions.load(), warnings, files, Math.max(1, threads));
		return new CountyFiles(files, warnings);
	}

	/** {@code 202611}: the month as file names write it (as the bank files do). */
	public static String fileMonth(YearMonth month) {
		return String.format("%04d%02d", month.getYear(), month.getMonthValue());
	}

	private void write(PayrollRun run, Path folder, Names names, List<String> warnings, List<String> files,
			int threads) {
		long started = System.nanoTime();
		Path dir = folder.resolve("notices").resolve(run.county());
		String m = fileMonth(run.month());
		LocalDate date = PublicNotices.payDate(run);
		Villages villages = new Villages(run, dir, m, date, names, warnings, files, threads);
		// the county's lines village by village: each village's notice rendered on the pool once its lines are read,
		// a bounded number at a time, the results taken in village order (the files and warnings as one after the other)
		reader.forEachLineByRegion(run.id(), villages::line);
		villages.finish();
		long stopsStarted = System.nanoTime();
		List<StopView> stopViews = reader.stops(run.id());
		List<StopNotice> stops = StopNotices.of(run, stopViews, names, properties.hotline(),
				properties.documentNumber());
		if (villages.count == 0 && stops.isEmpty()) {
			MonthEndPhases.record(meters, MonthEndPhases.NOTICES_XLSX, System.nanoTime() - started);
			return;
		}
		// the wall time of the villages, shared between XLSX and PDF as their threads' times are
		long villagesWall = stopsStarted - villages.firstStarted;
		// in double: the product of two nanosecond figures overflows a long beyond ~3 s × 3 s
		long xlsxWall = villages.xlsxNanos + villages.pdfNanos == 0 ? 0
				: Math.round((double) villagesWall * villages.xlsxNanos / (villages.xlsxNanos + villages.pdfNanos));
		MonthEndPhases.record(meters, MonthEndPhases.NOTICES_XLSX, villages.firstStarted - started + xlsxWall);
		CjkFont cjk = fontIfAvailable();
		if (cjk != null && !stops.isEmpty()) {
			createDirectories(dir);
			String file = "stops-" + m + ".pdf";
			Set<Integer> missing = new StopNoticesPdf(cjk).write(stops, dir.resolve(file),
					StopNotices.TITLE + " " + run.county() + " " + m, date, "doudi stops " + run.batchNo());
			warn(cjk, run, file, missing,
					stopViews.stream().map(s -> new Named(s.name(), IdNumber.mask(s.idNumber()))).toList(), warnings);
			files.add("notices/" + run.county() + "/" + file);
		}
		MonthEndPhases.record(meters, MonthEndPhases.NOTICES_PDF,
				villagesWall - xlsxWall + System.nanoTime() - stopsStarted);
		log.info("notices {}: {} village notices, {} stop notices in {} ms", run.batchNo(), villages.count,
				stops.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** A county's villages as their lines come: each rendered once complete, the results taken in order. */
	private final class Villages {

		private final PayrollRun run;
		private final Path dir;
		private final String m;
		private final LocalDate date;
		private final Names names;
		private final List<String> warnings;
		private final List<String> files;
		private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();
		private final java.util.concurrent.ExecutorService pool;
		private final int inFlight;
		private String code;
		private List<PaymentLineView> lines = new java.util.ArrayList<>();
		private CjkFont cjk;
		private boolean pdf;
		int count;
		long firstStarted;
		long xlsxNanos;
		long pdfNanos;

		Villages(PayrollRun run, Path dir, String m, LocalDate date, Names names, List<String> warnings,
				List<String> files, int threads) {
			this.pool = pool(threads);
			this.inFlight = IN_FLIGHT_PER_THREAD * threads;
			this.run = run;
			this.dir = dir;
			this.m = m;
			this.date = date;
			this.names = names;
			this.warnings = warnings;
			this.files = files;
		}

		/** The next line in village order; a PAY line of a new village renders the one before. */
		void line(PaymentLineView line) {
			if (!line.isPay()) {
				return;
			}
			if (code != null && !code.equals(line.regionCode())) {
				submit();
			}
			code = line.regionCode();
			lines.add(line);
		}

		void finish() {
			if (code != null) {
				submit();
			}
			while (!pending.isEmpty()) {
				take();
			}
			if (count == 0) {
				firstStarted = System.nanoTime();
			}
		}

		private void submit() {
			VillageNotice v = PublicNotices.village(run, code, lines, names, properties.hotline(), properties.periodDays());
			lines = new java.util.ArrayList<>();
			code = null;
			if (count++ == 0) {
				firstStarted = System.nanoTime();
				createDirectories(dir);
				cjk = fontIfAvailable();
				pdf = cjk != null;
			}
			while (pending.size() >= inFlight) {
				take();
			}
			CjkFont f = cjk;
			pending.add(new Pending(v.villageCode(), pool.submit(() -> render(v, dir, m, date, run, f))));
		}

		/** The oldest village's result: its files, its times, its warnings. */
		private void take() {
			Pending p = pending.poll();
			Rendered r = result(p.task());
			String written = "notices/" + run.county() + "/" + p.villageCode() + "-" + m;
			files.add(written + ".xlsx");
			if (pdf) {
				files.add(written + ".pdf");
				warn(cjk, run, p.villageCode() + "-" + m + ".pdf", r.missing(), r.people(), warnings);
			}
			xlsxNanos += r.xlsxNanos();
			pdfNanos += r.pdfNanos();
		}
	}

	/** A village submitted to the pool. */
	private record Pending(String villageCode, java.util.concurrent.Future<Rendered> task) {
	}

	/**
	 * One village's notice files: the time each took, the characters the PDF printed as {@code ?} and, when
	 * there are any, the people the notice names (for the warnings).
	 */
	private record Rendered(long xlsxNanos, long pdfNanos, Set<Integer> missing, List<Named> people) {
	}

	private static Rendered render(VillageNotice v, Path dir, String m, LocalDate date, PayrollRun run, CjkFont cjk) {
		String file = v.villageCode() + "-" + m;
		long t = System.nanoTime();
		PublicNoticeWorkbook.write(v.notice(), dir.resolve(file + ".xlsx"));
		long xlsx = System.nanoTime() - t;
		if (cjk == null) {
			return new Rendered(xlsx, 0, Set.of(), List.of());
		}
		t = System.nanoTime();
		Set<Integer> missing = new PublicNoticePdf(cjk).write(v.notice(), dir.resolve(file + ".pdf"), date,
				"doudi notice " + run.batchNo() + " " + file);
		List<Named> people = missing.isEmpty() ? List.of()
				: v.notice().rows().stream().map(x -> new Named(x.name(), x.maskedId())).toList();
		return new Rendered(xlsx, System.nanoTime() - t, missing, people);
	}

	private static Rendered result(java.util.concurrent.Future<Rendered> task) {
		try {
			return task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("notices interrupted", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** The notice renderers, {@code width} threads, made on first use, daemon (they hold no state). */
	private synchronized java.util.concurrent.ExecutorService pool(int width) {
		return pools.computeIfAbsent(Math.max(1, width), w -> {
			java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
			return java.util.concurrent.Executors.newFixedThreadPool(w, r -> {
				Thread t = new Thread(r, "notices-" + w + "-" + n.incrementAndGet());
				t.setDaemon(true);
				return t;
			});
		});
	}

	/** A person a notice names: the name as printed and the masked ID. */
	private record Named(String name, String maskedId) {
	}

	/**
	 * The warnings for a notice PDF that printed characters no font has as {@code ?}: one per person whose
	 * name holds such a character (masked ID), then one for any other text of the file.
	 */
	private static void warn(CjkFont cjk, PayrollRun run, String file, Set<Integer> missing, List<Named> people,
			List<String> warnings) {
		if (missing.isEmpty()) {
			return;
		}
		String where = run.county() + " notices/" + run.county() + "/" + file + " ";
		List<String> out = new java.util.ArrayList<>();
		Set<Integer> named = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		for (Named p : people) {
			Set<Integer> lacking = cjk.missing(p.name());
			if (!lacking.isEmpty() && seen.add(p.maskedId() + p.name())) {
				named.addAll(lacking);
				out.add(where + p.name() + "（身份证 " + p.maskedId() + "）姓名（name）中的" + characters(lacking)
						+ "没有字体能显示，印作“?”" + HOW);
			}
		}
		Set<Integer> rest = new LinkedHashSet<>(missing);
		rest.removeAll(named);
		if (!rest.isEmpty()) {
			out.add(where + "中的" + characters(rest) + "没有字体能显示，印作“?”" + HOW);
		}
		out.forEach(log::warn);
		warnings.addAll(out);
	}

	private static final String HOW = "（安装 fonts-hanazono 或用 doudi.notice.fallback-fonts 指定含此字的字体）";

	private static String characters(Set<Integer> cps) {
		return cps.stream().map(cp -> "“" + Character.toString(cp) + "”（" + PersonName.codePoint(cp) + "）")
			.collect(Collectors.joining("、"));
	}

	/**
	 * The CJK font, or null when none is configured and none of the usual paths exists: the notices are
	 * then written as XLSX only, with one warning saying how to get the PDFs. A configured font that
	 * cannot be read is an error.
	 */
	private synchronized CjkFont fontIfAvailable() {
		if (font == null) {
			if (properties.font().isEmpty() && !CjkFont.defaultAvailable()) {
				if (!warned) {
					warned = true;
					log.warn("no Chinese font: public and stop notices are written as XLSX only; for the PDFs install one"
							+ " (apt-get install -y fonts-wqy-microhei) or set doudi.notice.font");
				}
				return null;
			}
			font = CjkFont.open(properties.font(), properties.fallbackFonts());
			log.info("notice fonts: {}", font.paths());
		}
		return font;
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public synchronized void destroy() {
		pools.values().forEach(java.util.concurrent.ExecutorService::shutdownNow);
		pools.clear();
		if (font != null) {
			font.close();
			font = null;
		}
	}
}
