package cn.doudi.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Streams the first sheet of an XLSX workbook with fastexcel-reader (StAX over the sheet XML, row by
 * row). Number cells keep the number as stored, so that an ID that Excel turned into
 * {@code 4.10203199001011E+17} is recognised rather than guessed.
 */
final class XlsxRowSource implements RowSource {

	private final String fileName;
	private final ReadableWorkbook workbook;
	private final Stream<Row> rows;
	private final Iterator<Row> iterator;
	private int rowNo;

	XlsxRowSource(Path file) throws IOException {
		this.fileName = file.getFileName().toString();
		try {
			this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
			this.rows = workbook.getFirstSheet().openStream();
			this.iterator = rows.iterator();
		}
		catch (IOException | RuntimeException e) {
			throw new FileRejectedException(fileName, "不是有效的xlsx工作簿，或文件已损坏（可能未完整上传）：" + shortMessage(e));
		}
	}

	@Override
	public RawRow next() {
		try {
			if (!iterator.hasNext()) {
				return null;
			}
			Row row = iterator.next();
			rowNo = row.getRowNum();
			int n = row.getCellCount();
			String[] values = new String[n];
			boolean[] numeric = new boolean[n];
			for (int i = 0; i < n; i++) {
				Cell cell = row.getCell(i);
				if (cell == null || cell.getType() == CellType.EMPTY) {
					continue;
				}
				CellType type = cell.getType();
				if (type == CellType.NUMBER) {
					values[i] = cell.getRawValue();
					numeric[i] = true;
				}
				else if (type == CellType.STRING) {
					values[i] = cell.getText();
				}
				else {
					values[i] = cell.getRawValue();
				}
			}
			return new RawRow(rowNo, values, numeric);
		}
		catch (ExcelReaderException | IllegalStateException e) {
			throw new FileRejectedException(fileName, rowNo + 1, null,
					"第" + (rowNo + 1) + "行附近工作表内容已损坏，无法继续读取：" + shortMessage(e));
		}
		catch (RuntimeException e) {
			if (e.getCause() instanceof IOException || e.getCause() instanceof javax.xml.stream.XMLStreamException) {
				throw new FileRejectedException(fileName, rowNo + 1, null,
						"第" + (rowNo + 1) + "行附近文件已损坏（可能未完整上传）：" + shortMessage(e));
			}
			throw e;
		}
	}

	@Override
	public boolean date1904() {
		return workbook.isDate1904();
	}

	@Override
	public String description() {
		return "xlsx，第一个工作表";
	}

	@Override
	public void close() throws IOException {
		try {
			rows.close();
		}
		finally {
			workbook.close();
		}
	}

	static String shortMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return m.length() > 200 ? m.substring(0, 200) + "…" : m;
	}
}
