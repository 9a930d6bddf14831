package cn.doudi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries honest: each top-level package is a module with a small public surface, and
 * the modules' documentation — the module canvases (what each exposes, its beans, events, dependencies) and
 * the PlantUML component diagrams — is written on every build to {@code target/spring-modulith-docs}
 * ({@code all-docs.adoc} aggregates them), so it never goes stale in the repository.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(DoudiApplication.class);
	static final Path DOCS = Path.of("target/spring-modulith-docs");

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleCanvasesAndDiagrams() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString())).writeDocumentation();

		assertThat(DOCS.resolve("components.puml")).exists();
		assertThat(DOCS.resolve("module-allowance.adoc")).exists();
		assertThat(DOCS.resolve("module-payroll.puml")).exists();
		assertThat(DOCS.resolve("all-docs.adoc")).exists();
		assertThat(Files.isRegularFile(DOCS.resolve("module-matching.adoc"))).isTrue();
	}
}
