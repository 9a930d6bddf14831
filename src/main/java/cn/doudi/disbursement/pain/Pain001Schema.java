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
 * own; {@link Pain001Writer#writeValid} feeds the elements to it as it writes them ({@link Check}).
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
	 */
	static final class Check {

		private static final String NS = Pain001Writer.NAMESPACE;
		private static final AttributesImpl NONE = new AttributesImpl();

		private final ValidatorHandler handler;
		private final AttributesImpl attributes = new AttributesImpl();
		private SAXException failure;

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
