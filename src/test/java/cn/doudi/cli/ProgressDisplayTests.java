package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Not on a terminal, progress is a line per tenth and one at the end; work over at once prints nothing. */
class ProgressDisplayTests {

	final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

	@Test
	void aLineEachTenthThenOneAtTheEnd() {
		ProgressDisplay display = ProgressDisplay.lines("导入", () -> Optional.of(reading(1000)), err);
		for (int done = 0; done <= 980; done += 35) {
			display.show(reading(done));
		}
		display.close();

		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).containsExactly("doudi: 导入 10%：已读 105 行", "doudi: 导入 21%：已读 210 行",
				"doudi: 导入 31%：已读 315 行", "doudi: 导入 42%：已读 420 行", "doudi: 导入 52%：已读 525 行",
				"doudi: 导入 63%：已读 630 行", "doudi: 导入 70%：已读 700 行", "doudi: 导入 80%：已读 805 行",
				"doudi: 导入 91%：已读 910 行", "doudi: 导入 100%：已读 1000 行");
	}

	@Test
	void workOverBeforeItsFirstTenthPrintsNothing() {
		ProgressDisplay display = ProgressDisplay.lines("导入", () -> Optional.of(reading(1000)), err);
		display.show(reading(1000));
		display.close();

		assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private static ProgressDisplay.Reading reading(long done) {
		return new ProgressDisplay.Reading(done, 1000, "已读 " + done + " 行", "");
	}
}
