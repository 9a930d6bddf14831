package cn.doudi.ingest.read;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code doudi.import.limits.*}: how much work one uploaded file may cause before it is refused whole,
 * with a message that names the limit (a file is imported whole or not at all, so a refusal never leaves
 * part of it). The defaults are those of Excel itself where Excel has one (1,048,576 rows, 32,767
 * characters in a cell) — a workbook Excel wrote never exceeds them — and otherwise generous for a city's
 * roster (the 1,000,000-row benchmark files pass) while keeping a hostile file to seconds and a bounded
 * heap:
 * <ul>
 * <li>{@code max-file-size}: the file as uploaded (also the web console's multipart limit);</li>
 * <li>{@code max-decompressed-size}: all parts of an XLSX as inflated, together;
 * {@code max-compression-ratio}: inflated bytes per compressed byte of one part (Apache POI's default
 * 100: a zip bomb inflates by thousands); {@code max-zip-entries}, {@code max-sheets};</li>
 * <li>{@code max-rows}, {@code max-columns} (a row's last cell), {@code max-cell-chars};</li>
 * <li>{@code max-shared-strings} and {@code max-shared-string-chars}: the XLSX's table of shared texts,
 * held in memory while the sheet is read;</li>
 * <li>{@code max-number-digits}: digits of a number before it is parsed (a parse of millions of digits
 * takes minutes).</li>
 * </ul>
 */
@ConfigurationProperties("doudi.import.limits")
public record ReadLimits(@DefaultValue("512MB") DataSize maxFileSize, @DefaultValue("1GB") DataSize maxDecompressedSize,
		@DefaultValue("100") int maxCompressionRatio, @DefaultValue("10000") int maxZipEntries,
		@DefaultValue("256") int maxSheets, @DefaultValue("1048576") int maxRows, @DefaultValue("1024") int maxColumns,
		@DefaultValue("32767") int maxCellChars, @DefaultValue("4000000") int maxSharedStrings,
		@DefaultValue("100000000") long maxSharedStringChars, @DefaultValue("40") int maxNumberDigits) {

	/** The defaults above. */
	public static final ReadLimits DEFAULTS = new ReadLimits(DataSize.ofMegabytes(512), DataSize.ofGigabytes(1), 100,
			10000, 256, 1048576, 1024, 32767, 4000000, 100000000L, 40);

	private static volatile ReadLimits current = DEFAULTS;

	/**
	 * The limits in force in this process. Readers are opened deep inside import steps, on reader threads,
	 * by static {@link SpreadsheetFiles#open}; the limits are process-wide configuration, installed once when
	 * the application starts ({@code ReadLimitsConfiguration}).
	 */
	public static ReadLimits current() {
		return current;
	}

	static void install(ReadLimits limits) {
		current = limits;
	}
}
