package cn.doudi.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The programs (项目) of DOMAIN.md, with the names operators write in spreadsheets. */
public enum Program {

	DIBAO_URBAN("城市最低生活保障", true, "城市低保", "城市最低生活保障金"),
	DIBAO_RURAL("农村最低生活保障", true, "农村低保", "农村最低生活保障金"),
	TEKUN("特困人员救助供养", false, "特困供养", "特困", "特困人员"),
	ELDERLY("高龄津贴", false, "高龄补贴"),
	DISABILITY_LIVING("困难残疾人生活补贴", false, "残疾人生活补贴", "困难残疾人生活补助"),
	DISABILITY_CARE("重度残疾人护理补贴", false, "残疾人护理补贴"),
	ORPHAN("孤儿基本生活费", false, "孤儿"),
	DE_FACTO_CHILD("事实无人抚养儿童基本生活补贴", false, "事实无人抚养儿童"),
	PRICE_SUBSIDY("价格临时补贴", false, "价格补贴"),
	TEMP_ASSIST("临时救助", false, "救急难");

	private final String chineseName;
	private final boolean household;
	private final Set<String> aliases;

	Program(String chineseName, boolean household, String... aliases) {
		this.chineseName = chineseName;
		this.household = household;
		this.aliases = Set.of(aliases);
	}

	/** The full Chinese name (used in bank 摘要 and notices). */
	public String chineseName() {
		return chineseName;
	}

	/** True for DIBAO_*: one line per household, paid to the 户主. */
	public boolean perHousehold() {
		return household;
	}

	public boolean isDibao() {
		return this == DIBAO_URBAN || this == DIBAO_RURAL;
	}

	/** Accepts the code (any case), the full Chinese name or a short form. */
	public static Optional<Program> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip().replace(" ", "").replace("\u3000", "");
		for (Program p : values()) {
			if (p.name().equals(s.toUpperCase(Locale.ROOT)) || p.chineseName.equals(s) || p.aliases.contains(s)) {
				return Optional.of(p);
			}
		}
		return Optional.empty();
	}
}
