package cn.doudi.intake;

import java.util.List;

/**
 * What one poll of a feed did: {@code busy} when another process (or thread) was polling the feed and
 * this one left it to it; {@code problem} when the folder could not be read (the poll did nothing);
 * {@code waiting}, the files seen but not yet finished (no marker yet, or still growing); {@code files},
 * the files taken in by this poll (and any a killed process had left half-done).
 */
public record PollReport(String feed, boolean busy, String problem, List<String> waiting, List<ReceivedFile> files) {

	static PollReport busy(String feed) {
		return new PollReport(feed, true, null, List.of(), List.of());
	}

	/** For people: one line. */
	public String summary() {
		if (busy) {
			return "另一进程正在接收，本次跳过";
		}
		if (problem != null) {
			return "无法读取：" + problem;
		}
		long done = files.stream().filter(f -> !"FAILED".equals(f.status())).count();
		return "接收 " + done + " 个文件" + (files.size() > done ? "，" + (files.size() - done) + " 个未能导入（留待下次）" : "")
				+ (waiting.isEmpty() ? "" : "，" + waiting.size() + " 个尚未传完");
	}
}
