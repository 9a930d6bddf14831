package cn.doudi;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Keeps the module boundaries honest: each top-level package is a module with a small public surface. */
class ModularityTests {

	@Test
	void modulesKeepTheirBoundaries() {
		ApplicationModules.of(DoudiApplication.class).verify();
	}
}
