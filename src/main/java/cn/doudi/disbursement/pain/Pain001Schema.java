package cn.doudi.disbursement.pain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official {@code pain.001.001.09} XSD (ISO 20022, {@code classpath:iso20022/pain.001.001.09.xsd}, as in
 * {@code shared/data/iso20022}). Every pain.001 file is validated against it before it is written.
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
