package cn.doudi.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.doudi.notices.PublicNotices.VillageNotice;
import cn.doudi.notices.RegionNames.Names;
import cn.doudi.notices.render.CjkFont;
import cn.doudi.notices.render.PublicNoticePdf;
import cn.doudi.notices.render.PublicNoticeWorkbook;
import cn.doudi.notices.render.StopNotice;
import cn.doudi.notices.render.StopNoticesPdf;
import cn.doudi.payroll.MonthEndOutput;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;

/**
 * Writes the month's notices after the payroll's files (OUTPUTS.md): per run (county),
 * {@code notices/<county>/<village code>-<YYYYMM>.xlsx} and {@code .pdf} for every village or community
 * with a PAY line, and {@code notices/<county>/stops-<YYYYMM>.pdf} with one page per stop (no file when
 * the run has no stop). The CJK font is opened on first use and kept.
 */
@Component
@EnableConfigurationProperties(NoticeProperties.class)
public class Notices implements MonthEndOutput, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	private final RunReader reader;
	private final RegionNames regions;
	private final NoticeProperties properties;
	private CjkFont font;
	private boolean warned;

	Notices(RunReader reader, RegionNames regions, NoticeProperties properties) {
		this.reader = reader;
		this.regions = regions;
		this.properties = properties;
	}

	@Override
	public synchronized List<String> write(List<PayrollRun> runs, Path folder) {
		Names names = regions.load();
		List<String> warnings = new java.util.ArrayList<>();
		for (PayrollRun run : runs) {
			write(run, folder, names, warnings);
		}
		return List.copyOf(warnings);
	}

	/** {@code 202611}: the month as file names write it (as the bank files do). */
	public static String fileMonth(YearMonth month) {
		return String.format("%04d%02d", month.getYear(), month.getMonthValue());
	}

	private void write(PayrollRun run, Path folder, Names names, List<String> warnings) {
		long started = System.nanoTime();
		Path dir = folder.resolve("notices").resolve(run.county());
		String m = fileMonth(run.month());
		LocalDate date = PublicNotices.payDate(run);
		List<VillageNotice> villages = PublicNotices.of(run, reader.lines(run.id()), names, properties.hotline(),
				properties.periodDays());
		List<StopNotice> stops = StopNotices.of(run, reader.stops(run.id()), names, properties.hotline());
		if (villages.isEmpty() && stops.isEmpty()) {
			return;
		}
		createDirectories(dir);
		CjkFont cjk = fontIfAvailable();
		PublicNoticePdf pdf = cjk == null ? null : new PublicNoticePdf(cjk);
		for (VillageNotice v : villages) {
			String file = v.villageCode() + "-" + m;
			PublicNoticeWorkbook.write(v.notice(), dir.resolve(file + ".xlsx"));
			if (pdf != null) {
				pdf.write(v.notice(), dir.resolve(file + ".pdf"), date, "doudi notice " + run.batchNo() + " " + file);
			}
		}
		if (!stops.isEmpty() && cjk != null) {
			new StopNoticesPdf(cjk).write(stops, dir.resolve("stops-" + m + ".pdf"),
					StopNotices.TITLE + " " + run.county() + " " + m, date, "doudi stops " + run.batchNo());
		}
		log.info("notices {}: {} village notices, {} stop notices in {} ms", run.batchNo(), villages.size(),
				stops.size(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The CJK font, or null when none is configured and none of the usual paths exists: the notices are
	 * then written as XLSX only, with one warning saying how to get the PDFs. A configured font that
	 * cannot be read is an error.
	 */
	private CjkFont fontIfAvailable() {
		if (font == null) {
			if (properties.font().isEmpty() && !CjkFont.defaultAvailable()) {
				if (!warned) {
					warned = true;
					log.warn("no Chinese font: public and stop notices are written as XLSX only; for the PDFs install one"
							+ " (apt-get install -y fonts-wqy-microhei) or set doudi.notice.font");
				}
				return null;
			}
			font = CjkFont.open(properties.font());
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
		if (font != null) {
			font.close();
			font = null;
		}
	}
}
