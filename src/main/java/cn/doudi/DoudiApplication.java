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

	public static void main(String[] args) {
		System.exit(DoudiCli.run(DoudiApplication.class, args));
	}
}
