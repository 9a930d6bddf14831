package cn.doudi.ingest.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Hands the work of an import to its job's steps by import id (a job parameter): file paths, options
 * and the progress listener are not job parameters (they do not identify the work, and paths may be
 * longer than the job repository keeps).
 */
@Component
class ImportWorkRegistry {

	private final Map<Long, ImportWork> work = new ConcurrentHashMap<>();

	void put(ImportWork w) {
		work.put(w.importId(), w);
	}

	ImportWork get(long importId) {
		ImportWork w = work.get(importId);
		if (w == null) {
			throw new IllegalStateException("import " + importId + " was not started through RosterImports");
		}
		return w;
	}

	void remove(long importId) {
		work.remove(importId);
	}
}
