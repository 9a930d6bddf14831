package cn.doudi.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doudi.notice.*}: the complaint hotline (监督电话) printed on every notice, the length of the
 * public-notice period (公示期) in days counted from the run's pay date, the CJK font the PDFs embed
 * (empty: the first of {@link cn.doudi.notices.render.CjkFont#DEFAULT_PATHS} that exists) and the fallback
 * fonts for the rare characters it lacks (comma-separated; empty: those of {@link
 * cn.doudi.notices.render.CjkFont#DEFAULT_FALLBACKS} that exist; {@code none}: none), and the pattern of
 * the stop notices' document numbers (文号, {@link StopNotices#documentNumber}; default
 * {@value StopNotices#DOCUMENT_NUMBER}).
 */
@ConfigurationProperties("doudi.notice")
record NoticeProperties(String hotline, Integer periodDays, String font, String fallbackFonts, String documentNumber) {

	NoticeProperties {
		documentNumber = documentNumber == null || documentNumber.isBlank() ? StopNotices.DOCUMENT_NUMBER : documentNumber.strip();
		if (!documentNumber.contains("{seq}")) {
			throw new IllegalArgumentException("doudi.notice.document-number 须含 {seq}（告知书的序号）：" + documentNumber);
		}
		hotline = hotline == null ? "" : hotline.strip();
		periodDays = periodDays == null ? 7 : periodDays;
		font = font == null ? "" : font.strip();
		fallbackFonts = fallbackFonts == null ? "" : fallbackFonts.strip();
		if (periodDays < 1) {
			throw new IllegalArgumentException("doudi.notice.period-days（公示天数）至少为 1：" + periodDays);
		}
	}
}
