package cn.doudi.notices.render;

import java.util.List;

/**
 * An individual stop notice (停发告知书), worded: the addressee line, the facts as label–value pairs
 * (name, masked ID, program, reason, last paid month, stop month), the body paragraphs (decision, right
 * to appeal, hotline) and the issuer with the date.
 */
public record StopNotice(String title, String addressee, List<Fact> facts, List<String> paragraphs, String issuer,
		String issueDate) {

	public StopNotice {
		facts = List.copyOf(facts);
		paragraphs = List.copyOf(paragraphs);
	}

	/** One label–value pair of the facts table. */
	public record Fact(String label, String value) {
	}
}
