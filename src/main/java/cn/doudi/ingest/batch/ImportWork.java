package cn.doudi.ingest.batch;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import cn.doudi.ingest.Source;

/**
 * One import in progress, as the job's steps need it: the staging import id, the files in argument
 * order, how to read them, who acts (and the county the user is limited to, null for a city-wide
 * user), and the import date (ID birth dates and event dates may not be later).
 */
record ImportWork(long importId, Source source, List<Path> files, Charset encoding, boolean acceptValidRows,
		String user, String userCounty, LocalDate today) {
}
