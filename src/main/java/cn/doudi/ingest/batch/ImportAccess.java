package cn.doudi.ingest.batch;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.doudi.ingest.Source;
import cn.doudi.ingest.read.FileRejectedException;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.ingest.read.RowSource;
import cn.doudi.ingest.read.SpreadsheetFiles;
import cn.doudi.ingest.rows.ColumnDef;
import cn.doudi.ingest.rows.HeaderLocator;
import cn.doudi.ingest.rows.RowContext;
import cn.doudi.ingest.rows.SourceRows;
import cn.doudi.ingest.rows.Sources;
import cn.doudi.ingest.rows.TextFields;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.Permission;
import cn.doudi.security.User;

/**
 * Who may import what, checked before an import writes anything (see the ingest README):
 * <ul>
 * <li>{@code standards}, {@code regions} (the policy tables): {@link Permission#IMPORT_POLICY}, a
 * city-wide user (ADMIN);</li>
 * <li>{@code beneficiaries}, {@code poverty}, {@code temp-assist} (rows carry a 区划代码):
 * {@link Permission#IMPORT_ROSTERS}; a county user only when every row with a readable 区划代码 is of
 * its county (the files are scanned for it first);</li>
 * <li>{@code disability}, {@code deaths}, {@code marriages}, {@code economic}, {@code cpi} (sent by
 * city-level agencies, without a county column; disability replaces the whole city's roster):
 * {@link Permission#IMPORT_ROSTERS}, a city-wide user.</li>
 * </ul>
 */
@Component
class ImportAccess {

	private final AccessControl access;

	ImportAccess(AccessControl access) {
		this.access = access;
	}

	static Permission permission(Source source) {
		return source == Source.STANDARDS || source == Source.REGIONS ? Permission.IMPORT_POLICY
				: Permission.IMPORT_ROSTERS;
	}

	/** Sources whose every row names its county (区划代码): a county user may import its own county's rows. */
	static boolean countyBearing(Source source) {
		return source == Source.BENEFICIARIES || source == Source.POVERTY || source == Source.TEMP_ASSIST;
	}

	/**
	 * Throws {@link AccessDeniedException} (a Chinese message) unless {@code userName} may import these
	 * files; returns the user's county (null: city-wide).
	 */
	String check(Source source, List<Path> files, String userName, Charset encoding, LocalDate today) {
		Optional<User> found = access.find(userName);
		String scope = countyBearing(source) ? found.map(User::county).orElse(null) : null;
		User user;
		try {
			user = access.require(userName, permission(source), scope);
		}
		catch (AccessDeniedException e) {
			boolean countyIsWhy = found.isPresent() && !found.get().cityWide()
					&& permission(source).heldBy(found.get().role());
			throw new AccessDeniedException("无权导入" + source.title() + "（" + source.code() + "）：" + e.getMessage()
					+ (countyIsWhy ? "；" + cityWideBecause(source) : ""));
		}
		if (user.county() != null) {
			String other = firstRowOfAnotherCounty(source, files, user.county(), encoding, today);
			if (other != null) {
				throw refused(user, source, other);
			}
		}
		return user.county();
	}

	static AccessDeniedException refused(User user, String county, Source source, String where) {
		return new AccessDeniedException("无权导入" + source.title() + "（" + source.code() + "）：用户 " + user.name()
				+ " 只能导入本县区 " + county + " 的数据，" + where);
	}

	private static AccessDeniedException refused(User user, Source source, String where) {
		return refused(user, user.county(), source, where);
	}

	private static String cityWideBecause(Source source) {
		return permission(source) == Permission.IMPORT_POLICY ? source.title() + "由市局统一维护，须由全市范围的管理员导入"
				: source.title() + "由市级部门报送、不分区县，须由全市范围的用户导入";
	}

	/**
	 * Reads the 区划代码 column of every file as an import would, without validating anything else;
	 * returns where the first row of another county is ("文件 f 第 n 行的区划代码属于 c"), or null. A file
	 * that cannot be read is left for the import to reject.
	 */
	static String firstRowOfAnotherCounty(Source source, List<Path> files, String county, Charset encoding,
			LocalDate today) {
		SourceRows rows = Sources.rowsFor(source);
		ColumnDef column = rows.countyColumn();
		for (Path file : files) {
			String name = file.getFileName().toString();
			try (RowSource src = SpreadsheetFiles.open(file, encoding)) {
				HeaderLocator.Header header = HeaderLocator.locate(src, rows.schema(), name);
				RowContext ctx = new RowContext(name, header.columnIndex(), today, src.date1904());
				RawRow row;
				while ((row = src.next()) != null) {
					if (row.isBlank() || RowStager.isTotals(row)) {
						continue;
					}
					ctx.reset(row);
					String c = TextFields.countyOf(ctx, column);
					if (c != null && !c.equals(county)) {
						return "文件 " + name + " 第 " + row.rowNo() + " 行的区划代码属于 " + c;
					}
				}
			}
			catch (FileRejectedException e) {
				// the import itself rejects the file, with its report
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return null;
	}
}
