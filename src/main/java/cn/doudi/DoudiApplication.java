package cn.doudi;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

import cn.doudi.cli.DoudiCli;

/**
 * Doudi (兜底): the month-end engine of a city civil-affairs bureau. {@link #main} is the command line
 * of OUTPUTS.md; each command starts this application, does its work and exits.
 */
@SpringBootApplication
@Modulithic(systemName = "Doudi", sharedModules = { "kernel", "identity" })
public class DoudiApplication {

	/** The JDK's own XSLT/identity transformer factory, the one JAXP's lookup finds on this class path. */
	static final String JDK_TRANSFORMER_FACTORY = "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

	/**
	 * Names the JDK's transformer factory (unless the JVM was given another), so that JAXP does not search the
	 * class path for one each time: POI asks for a new {@code TransformerFactory} for every part of every XLSX it
	 * saves, and in the fat jar that search reads the service files of every library — a tenth of the time of
	 * a notice's XLSX. No library on the class path provides another, so the factory used is the same.
	 */
	public static void main(String[] args) {
		if (System.getProperty("javax.xml.transform.TransformerFactory") == null) {
			System.setProperty("javax.xml.transform.TransformerFactory", JDK_TRANSFORMER_FACTORY);
		}
		System.exit(DoudiCli.run(DoudiApplication.class, args));
	}
}
