package cn.doudi;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Rules that keep the design honest: the payout rules and the identity code stay pure (no Spring, no
 * JDBC), the rules read no clock (the month is an input: same inputs, same lines), and money is never a
 * floating-point number in the rules or the kernel. Each table's one writer: {@link TableOwnershipTests}.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.doudi");

	@Test
	void rulesIdentityAndKernelArePureJava() {
		noClasses().that()
			.resideInAnyPackage("cn.doudi.allowance..", "cn.doudi.identity..", "cn.doudi.kernel..")
			.and()
			.doNotHaveSimpleName("package-info") // module annotations only
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
			.check(CLASSES);
	}

	@Test
	void allowanceHasNoSpringJdbcOrClock() {
		noClasses().that()
			.resideInAPackage("cn.doudi.allowance..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(java.time.Clock.class)
			.orShould()
			.callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(System.class, "nanoTime")
			.check(CLASSES);
	}

	@Test
	void moneyIsNeverFloatingPoint() {
		fields().that()
			.areDeclaredInClassesThat()
			.resideInAnyPackage("cn.doudi.allowance..", "cn.doudi.kernel..", "cn.doudi.payroll..")
			.should()
			.notHaveRawType(double.class)
			.andShould()
			.notHaveRawType(float.class)
			.andShould()
			.notHaveRawType(Double.class)
			.check(CLASSES);
	}
}
