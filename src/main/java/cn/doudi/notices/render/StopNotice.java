package cn.doudi.notices.render;

import java.util.List;

/**
 * An individual stop notice (停发告知书), worded: its document number (文号), the addressee line, who
 * receives it (for the receipt of service, 送达回执), the facts as label–value pairs (name, masked ID,
 * program, reason, last paid month, stop month), the body paragraphs (decision, right to appeal, hotline)
 * and the issuer with the date.
 */
public record StopNotice(String title, String documentNumber, String addressee, String recipient, List<Fact> facts,
		List<String> paragraphs, String issuer, String issueDate) {

	public StopNotice {
		facts = List.copyOf(facts);
		paragraphs = List.copyOf(paragraphs);
	}

	/** One label–value pair of the facts table. */
	public record Fact(String label, String value) {
	}
}
