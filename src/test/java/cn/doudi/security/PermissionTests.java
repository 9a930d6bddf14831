package cn.doudi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Who may do what (DOMAIN.md "Who uses the system"), and a user's county scope. */
class PermissionTests {

	@Test
	void eachPermissionIsHeldByItsRolesOnly() {
		Map<Permission, Set<Role>> expected = Map.of(
				Permission.IMPORT_ROSTERS, EnumSet.of(Role.OPERATOR, Role.ADMIN),
				Permission.IMPORT_POLICY, EnumSet.of(Role.ADMIN),
				Permission.RUN_PAYROLL, EnumSet.of(Role.FINANCE),
				Permission.REVIEW_FINDINGS, EnumSet.of(Role.MONITOR),
				Permission.MANAGE_USERS, EnumSet.of(Role.ADMIN),
				Permission.READ, EnumSet.allOf(Role.class));
		assertThat(expected.keySet()).containsExactlyInAnyOrder(Permission.values());
		expected.forEach((permission, roles) -> {
			for (Role role : Role.values()) {
				assertThat(permission.heldBy(role)).as(permission + " by " + role).isEqualTo(roles.contains(role));
			}
		});
	}

	@Test
	void anAuditorChangesNothingAndFinanceNeverReviews() {
		for (Permission p : Permission.values()) {
			assertThat(p.heldBy(Role.AUDITOR)).as(p.name()).isEqualTo(p == Permission.READ);
		}
		assertThat(Permission.REVIEW_FINDINGS.heldBy(Role.FINANCE)).isFalse();
		assertThat(Permission.RUN_PAYROLL.heldBy(Role.ADMIN)).isFalse();
	}

	@Test
	void aCountyUserCoversItsCountyOnlyACityWideUserEveryCounty() {
		User county = new User("fin1", Role.FINANCE, "410102");
		User city = new User("finCity", Role.FINANCE, null);

		assertThat(county.covers("410102")).isTrue();
		assertThat(county.covers("410122")).isFalse();
		assertThat(county.covers(null)).isFalse();
		assertThat(county.cityWide()).isFalse();
		assertThat(city.covers("410122")).isTrue();
		assertThat(city.covers(null)).isTrue();
		assertThat(city.cityWide()).isTrue();
	}
}
