package cn.doudi.sampledata;

import java.util.List;

import cn.doudi.identity.IdNumber;

/**
 * Moves one generated city (the template counties 中原区 410102 and 中牟县 410122) onto two counties of a
 * province: county, region, household and case codes and ID prefixes are rewritten (ID check characters
 * recomputed, a deliberately wrong one kept wrong), and the template's names in free text are replaced. People
 * born outside the template counties get, per city, their own birthplaces outside the province, so no two
 * cities of the province mint the same ID.
 */
final class Remap {

	private static final String A = Geography.URBAN_COUNTY;
	private static final String B = Geography.RURAL_COUNTY;

	private final Divisions.County a;
	private final Divisions.County b;
	private final String[] elsewhere;

	/**
	 * @param a the county that takes the urban template's place
	 * @param b the county that takes the rural template's place, or null (its people are then born outside)
	 * @param index the city's index in the province
	 * @param outside the counties outside the province, in a fixed order
	 */
	Remap(Divisions.County a, Divisions.County b, int index, List<String> outside) {
		this.a = a;
		this.b = b;
		this.elsewhere = new String[Geography.ELSEWHERE.length + 1];
		for (int k = 0; k < elsewhere.length; k++) {
			elsewhere[k] = outside.get((index * elsewhere.length + k) % outside.size());
		}
	}

	Divisions.County urban() {
		return a;
	}

	Divisions.County rural() {
		return b;
	}

	/** False for a region, household or case code of the rural template when the city has one county only. */
	boolean keeps(String code) {
		return b != null || !code.startsWith(B);
	}

	String county(String template) {
		if (template.equals(A)) {
			return a.code();
		}
		if (template.equals(B) && b != null) {
			return b.code();
		}
		int k = java.util.Arrays.asList(Geography.ELSEWHERE).indexOf(template);
		return elsewhere[k < 0 ? elsewhere.length - 1 : k];
	}

	/** A code that starts with a county code: region, household, case number. */
	String code(String s) {
		if (s == null || s.length() < 6) {
			return s;
		}
		return county(s.substring(0, 6)) + s.substring(6);
	}

	/** An ID as written (18 characters, 15 digits or a typo): the prefix moved, the check character recomputed. */
	String id(String id) {
		if (id == null || id.length() < 6) {
			return id;
		}
		String moved = code(id);
		if (id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) {
			return moved;
		}
		char was = id.charAt(17);
		boolean valid = Character.toUpperCase(was) == IdNumber.checkDigit(id.substring(0, 17));
		char check = IdNumber.checkDigit(moved.substring(0, 17));
		if (!valid) {
			check = Character.toUpperCase(was) != check ? was : check == '0' ? '1' : '0';
		}
		else if (was == 'x') {
			check = Character.toLowerCase(check);
		}
		return moved.substring(0, 17) + check;
	}

	/** Free text (account holders, the planted problems' notes): template codes and names replaced. */
	String text(String s) {
		if (s == null) {
			return null;
		}
		String out = s.replace(A, a.code()).replace("中原区", a.name()).replace("郑州市", a.cityName());
		return b == null ? out : out.replace(B, b.code()).replace("中牟县", b.name());
	}
}
