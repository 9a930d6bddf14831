package cn.doudi.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sources of INPUTS.md, by the name the command line uses ({@code doudi import <source> …}). */
public enum Source {

	BENEFICIARIES("beneficiaries", "在册对象花名册"),
	STANDARDS("standards", "保障标准"),
	REGIONS("regions", "区划名称"),
	POVERTY("poverty", "防返贫监测/脱贫人口信息"),
	DISABILITY("disability", "残疾人基础信息"),
	DEATHS("deaths", "死亡/火化信息"),
	MARRIAGES("marriages", "婚姻登记信息"),
	ECONOMIC("economic", "家庭经济状况核对结果"),
	CPI("cpi", "价格指数"),
	TEMP_ASSIST("temp-assist", "临时救助审批名单");

	private final String code;
	private final String title;

	Source(String code, String title) {
		this.code = code;
		this.title = title;
	}

	/** The command-line name, also stored in {@code import_batch.source}. */
	public String code() {
		return code;
	}

	/** The Chinese title operators know the spreadsheet by. */
	public String title() {
		return title;
	}

	/** Accepts the command-line name ({@code temp-assist}) or the constant name ({@code TEMP_ASSIST}). */
	public static Optional<Source> parse(String text) {
		String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter(v -> v.code.equals(s)).findFirst();
	}
}
