package cn.doudi.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an uploaded file by what it contains, not only by its name: a ZIP container is an XLSX
 * workbook; PDF, old {@code .xls}, empty and binary files are refused with a message that says what
 * the file is; anything else is CSV text in the given or detected encoding.
 */
public final class SpreadsheetFiles {

	private SpreadsheetFiles() {
	}

	/** Opens the file within the process's {@link ReadLimits}. */
	public static RowSource open(Path file, Charset forced) throws IOException {
		return open(file, forced, ReadLimits.current());
	}

	public static RowSource open(Path file, Charset forced, ReadLimits limits) throws IOException {
		String name = file.getFileName().toString();
		if (!Files.isRegularFile(file)) {
			throw new FileRejectedException(name, "文件不存在或不是普通文件：" + file.getFileName());
		}
		long size = Files.size(file);
		if (size == 0) {
			throw new FileRejectedException(name, "文件为空（0字节）");
		}
		if (size > limits.maxFileSize().toBytes()) {
			throw new FileRejectedException(name, "文件超过 " + XlsxPackage.human(limits.maxFileSize().toBytes())
					+ "（上限），已拒绝；请按区县或月份拆分后上传");
		}
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8192);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (startsWith(head, 'P', 'K', 3, 4)) {
			return new XlsxRowSource(file, limits);
		}
		if (startsWith(head, '%', 'P', 'D', 'F')) {
			throw new FileRejectedException(name, "文件内容是PDF，不是Excel工作簿或CSV表格，请上传.xlsx或.csv文件");
		}
		if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
			throw new FileRejectedException(name, "文件是旧版Excel(.xls)格式或已加密，请在Excel中另存为.xlsx后再上传");
		}
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls")) {
			throw new FileRejectedException(name, "扩展名为" + lower.substring(lower.lastIndexOf('.'))
					+ "，但内容不是Excel工作簿（文件可能已损坏或被改名）");
		}
		for (byte b : head) {
			if (b == 0) {
				throw new FileRejectedException(name, "文件含二进制内容，不是CSV文本表格");
			}
		}
		if (forced != null) {
			boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
					&& (head[2] & 0xFF) == 0xBF && forced.name().toUpperCase(Locale.ROOT).startsWith("UTF-8");
			return new CsvRowSource(file, forced, bom, limits);
		}
		EncodingDetector.Detected detected = EncodingDetector.detect(file);
		return new CsvRowSource(file, detected.charset(), detected.bom(), limits);
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((head[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
