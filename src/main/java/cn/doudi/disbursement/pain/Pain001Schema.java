package cn.doudi.disbursement.pain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The official {@code pain.001.001.09} XSD (ISO 20022, {@code classpath:iso20022/pain.001.001.09.xsd}, as in
 * {@code shared/data/iso20022}). Every pain.001 file is validated against it before it is written: the
 * schema is parsed once and shared (a {@link Schema} is thread-safe), each validation has a validator of its
 * own; {@link Pain001Writer#writeValid} feeds the elements to it as it writes them ({@link Check}: the first
 * credit transfer whole, a later one only when it is not surely valid as the first was).
 */
public final class Pain001Schema {

	private static final String XSD = "iso20022/pain.001.001.09.xsd";
	private static Schema schema;

	private Pain001Schema() {
	}

	/** Throws IllegalStateException naming the first violation (line, column, message). */
	public static void validate(String fileName, byte[] xml) {
		try {
			Validator v = schema().newValidator();
			v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			v.validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXParseException e) {
			throw new IllegalStateException("pain.001 文件 " + fileName + " 不符合 ISO 20022 XSD（第 " + e.getLineNumber()
					+ " 行第 " + e.getColumnNumber() + " 列）：" + e.getMessage() + "，未写出");
		}
		catch (SAXException | IOException e) {
			throw new IllegalStateException("pain.001 文件 " + fileName + " 校验失败：" + e.getMessage() + "，未写出", e);
		}
	}

	/** A validation fed element by element, as the document is written. */
	static Check check() {
		return new Check(schema().newValidatorHandler());
	}

	/**
	 * The validator of one document fed its elements (namespace {@link Pain001Writer#NAMESPACE}) and their text
	 * as they are written — what a parser of the written bytes would report, without parsing them; the
	 * indentation between elements is not fed (in element-only content it is ignorable). On the first
	 * violation it stops listening; {@link #end} then validates the written bytes to name the line and column.
	 * <p>
	 * The credit transfers come whole ({@link #transfer}: the {@link Pain001Writer#TRANSFER} shape and the line's
	 * texts). The first goes to the validator whole. A later one whose texts the XSD's types surely accept
	 * ({@link #TRANSFER_TEXTS}) is not fed again: it has the first's elements and attributes, in the same order
	 * (one {@link Shape} writes and describes them all), the schema has no identity constraint and takes any
	 * number of transfers, so the validator would accept it exactly as it accepted the first, and what it reports
	 * for the document is unchanged. Any other transfer goes to the validator whole, so a document is refused
	 * exactly when the full validation refuses it.
	 */
	static final class Check {

		private static final String NS = Pain001Writer.NAMESPACE;
		private static final AttributesImpl NONE = new AttributesImpl();
		/**
		 * A transfer's texts that vary with the line, by path, with the {@code maxLength} of their XSD type (a
		 * {@code xs:string} restricted to {@code minLength} 1 and that {@code maxLength}: Max35Text, Max34Text,
		 * Max140Text), or {@link #AMOUNT}.
		 */
		static final java.util.Map<String, Integer> TRANSFER_TEXTS = java.util.Map.of(
				"CdtTrfTxInf/PmtId/EndToEndId", 35,
				"CdtTrfTxInf/Amt/InstdAmt", 0,
				"CdtTrfTxInf/CdtrAgt/FinInstnId/Nm", 140,
				"CdtTrfTxInf/CdtrAgt/FinInstnId/Othr/Id", 35,
				"CdtTrfTxInf/Cdtr/Nm", 140,
				"CdtTrfTxInf/Cdtr/Id/PrvtId/Othr/Id", 35,
				"CdtTrfTxInf/CdtrAcct/Id/Othr/Id", 34,
				"CdtTrfTxInf/RmtInf/Ustrd", 140);
		/** ActiveOrHistoricCurrencyAndAmount: {@code xs:decimal}, at least 0, 18 digits, 5 decimals. */
		static final int AMOUNT = 0;

		private final ValidatorHandler handler;
		private final AttributesImpl attributes = new AttributesImpl();
		private SAXException failure;
		/** The shape of the transfers once the first was accepted; per slot, the rule of its text. */
		private Shape accepted;
		private int[] rules;

		private Check(ValidatorHandler handler) {
			this.handler = handler;
		}

		void startRoot(String name) {
			if (failure == null) {
				try {
					handler.startDocument();
					handler.startPrefixMapping("", NS);
				}
				catch (SAXException e) {
					failure = e;
				}
			}
			start(name);
		}

		/**
		 * A credit transfer, written: fed to the validator, unless the first was accepted and this one's texts
		 * surely are.
		 */
		void transfer(Shape shape, String[] texts) {
			if (failure != null || shape == accepted && surelyValid(texts)) {
				return;
			}
			for (int i = 0; i < shape.kinds.length; i++) {
				switch (shape.kinds[i]) {
					case Shape.START -> start(shape.names[i]);
					case Shape.END -> end(shape.names[i]);
					default -> leaf(shape.names[i], shape.attributes[i], shape.values[i],
							shape.slots[i] < 0 ? shape.texts[i] : texts[shape.slots[i]]);
				}
			}
			if (accepted == null && failure == null) {
				rules = new int[shape.slotCount()];
				for (int i = 0; i < rules.length; i++) {
					rules[i] = TRANSFER_TEXTS.getOrDefault(shape.paths[i], -1);
				}
				accepted = shape;
			}
		}

		void start(String name) {
			if (failure == null) {
				try {
					handler.startElement(NS, name, name, NONE);
				}
				catch (SAXException e) {
					failure = e;
				}
			}
		}

		/** An element with text only, and optionally one attribute (no namespace). */
		void leaf(String name, String attribute, String value, String text) {
			if (failure == null) {
				try {
					AttributesImpl a = NONE;
					if (attribute != null) {
						attributes.clear();
						attributes.addAttribute("", attribute, attribute, "CDATA", value);
						a = attributes;
					}
					handler.startElement(NS, name, name, a);
					handler.characters(text.toCharArray(), 0, text.length());
					handler.endElement(NS, name, name);
				}
				catch (SAXException e) {
					failure = e;
				}
			}
		}

		void end(String name) {
			if (failure == null) {
				try {
					handler.endElement(NS, name, name);
				}
				catch (SAXException e) {
					failure = e;
				}
			}
		}

		void endRoot(String name) {
			end(name);
			if (failure == null) {
				try {
					handler.endPrefixMapping("");
					handler.endDocument();
				}
				catch (SAXException e) {
					failure = e;
				}
			}
		}

		/**
		 * Throws as {@link Pain001Schema#validate} does when the document broke the XSD: the written bytes are
		 * validated again to name the line and column of the first violation.
		 */
		void end(String fileName, java.util.function.Supplier<byte[]> xml) {
			if (failure != null) {
				validate(fileName, xml.get());
				throw new IllegalStateException("pain.001 文件 " + fileName + " 不符合 ISO 20022 XSD：" + failure.getMessage()
						+ "，未写出", failure);
			}
		}

		/** Whether each text is one its type surely accepts (a slot without a rule: never sure). */
		private boolean surelyValid(String[] texts) {
			for (int i = 0; i < texts.length; i++) {
				int rule = rules[i];
				if (rule < 0 || !(rule == AMOUNT ? surelyAnAmount(texts[i]) : surelyText(texts[i], rule))) {
					return false;
				}
			}
			return true;
		}

		/**
		 * A text that an {@code xs:string} with {@code minLength} 1 and this {@code maxLength} surely accepts:
		 * 1 to {@code max} characters, each in the Basic Multilingual Plane, not a surrogate, U+0020 or above
		 * (no tab or line end, whose handling this check does not take for granted). Anything else: ask the
		 * validator.
		 */
		static boolean surelyText(String s, int max) {
			int n = s.length();
			if (n < 1 || n > max) {
				return false;
			}
			for (int i = 0; i < n; i++) {
				char c = s.charAt(i);
				if (c < 0x20 || c >= 0xD800 && c <= 0xDFFF || c >= 0xFFFE) {
					return false;
				}
			}
			return true;
		}

		/**
		 * An amount ActiveOrHistoricCurrencyAndAmount surely accepts: digits, a point and 1 to 5 digits, 18 digits
		 * at most in all, no sign ({@code Money.format}'s {@code 0.00} form). Anything else: ask the validator.
		 */
		static boolean surelyAnAmount(String s) {
			int point = s.indexOf('.');
			if (point < 1 || s.length() - point - 1 < 1 || s.length() - point - 1 > 5 || s.length() - 1 > 18) {
				return false;
			}
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (i != point && (c < '0' || c > '9')) {
					return false;
				}
			}
			return true;
		}
	}

	static synchronized Schema schema() {
		if (schema == null) {
			URL xsd = Pain001Schema.class.getClassLoader().getResource(XSD);
			if (xsd == null) {
				throw new IllegalStateException("missing " + XSD);
			}
			try {
				SchemaFactory f = SchemaFactory.newDefaultInstance();
				f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
				schema = f.newSchema(xsd);
			}
			catch (SAXException e) {
				throw new IllegalStateException("cannot load " + XSD + ": " + e.getMessage(), e);
			}
		}
		return schema;
	}
}
