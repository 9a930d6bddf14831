package cn.doudi.ingest.rows;

import cn.doudi.ingest.Source;

/** The rows of each source (a fresh, stateful instance per import). */
public final class Sources {

	private Sources() {
	}

	public static SourceRows rowsFor(Source source) {
		return switch (source) {
			case BENEFICIARIES -> new BeneficiaryRows();
			case STANDARDS -> new StandardRows();
			case REGIONS -> new RegionRows();
			case POVERTY -> new PovertyRows();
			case DISABILITY -> new DisabilityRows();
			case DEATHS -> new DeathRows();
			case MARRIAGES -> new MarriageRows();
			case ECONOMIC -> new EconomicRows();
			case CPI -> new CpiRows();
			case TEMP_ASSIST -> new TempAssistRows();
		};
	}
}
