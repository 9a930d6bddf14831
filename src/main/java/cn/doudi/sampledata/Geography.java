package cn.doudi.sampledata;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo city: two real counties of 郑州市 (GB/T 2260 codes from {@code shared/data/regions}) with
 * townships and villages or communities below them. The county codes and names are real; the 9- and
 * 12-digit codes and names below them are illustrative (the statistics bureau's village list is not
 * shipped), but follow the rule: village part 001–199 = 居委会, 200–399 = 村委会.
 */
final class Geography {

	static final String URBAN_COUNTY = "410102";
	static final String RURAL_COUNTY = "410122";

	/** Other real Henan counties, for people born elsewhere (ID prefixes only; none is a county of the system). */
	static final String[] ELSEWHERE = { "410103", "410105", "410181", "410182", "410184", "410223", "410522", "410928",
			"411122", "411323", "411324", "411421", "411521", "411623" };

	record County(String code, String name, String cityName, List<Township> townships) {
	}

	record Township(String code, String name, List<Village> villages) {
	}

	record Village(String code, String name) {

		boolean urban() {
			int v = Integer.parseInt(code.substring(9));
			return v >= 1 && v <= 199;
		}
	}

	static final String[] COMMUNITY_STEMS = { "建新", "棉纺东", "秦岭", "桐柏", "工人新村", "锦江", "绿东", "百花", "和平",
			"五龙", "幸福", "友爱", "汝河", "伏牛", "华山", "嵩山", "中原", "冉屯", "航海", "林山", "电厂", "西站", "市场", "医药",
			"大学", "淮河", "陇海", "朝阳", "文化", "育才", "青年", "东风", "官渡", "商都", "清华园", "金沙", "紫荆", "桃园", "未来", "春晖" };
	static final String[] VILLAGE_STEMS = { "李庄", "王庄", "张湾", "刘集", "杨桥", "大孟", "小孟", "前营", "后营", "东赵",
			"西赵", "郭店", "马庄", "孙寨", "冯堂", "高庙", "董岗", "魏湾", "岳庄", "牛口", "贾屯", "曹寨", "苏家", "罗宋", "丁村",
			"黄店", "潘庄", "崔庄", "胡辛庄", "小潘", "前杨", "后杨", "西岗", "东岗", "南关", "北关", "三官庙", "十里铺", "八岗", "朱固",
			"常庄", "段庄", "白庄", "姚家", "刁家", "大庄", "新庄", "老庄", "河西", "河东", "堤头", "闫庄", "申庄", "秦庄", "侯庄",
			"邵岗", "孟庄", "田庄", "任庄", "袁庄", "付庄", "杜庄", "程庄", "范庄", "吕庄", "宋庄", "许庄", "何庄", "徐庄", "韩庄" };

	private final List<County> counties;

	Geography() {
		Stems communities = new Stems(COMMUNITY_STEMS, "社区");
		Stems villages = new Stems(VILLAGE_STEMS, "村");
		List<Township> zy = List.of(township("410102001", "林山寨街道", 6, 0, communities, villages),
				township("410102002", "建设路街道", 6, 0, communities, villages),
				township("410102003", "棉纺路街道", 5, 0, communities, villages),
				township("410102004", "秦岭路街道", 5, 0, communities, villages),
				township("410102005", "桐柏路街道", 5, 0, communities, villages),
				township("410102010", "须水街道", 3, 5, communities, villages));
		List<Township> zm = List.of(township("410122001", "青年路街道", 4, 0, communities, villages),
				township("410122002", "东风路街道", 3, 0, communities, villages),
				township("410122101", "韩寺镇", 1, 10, communities, villages),
				township("410122102", "官渡镇", 0, 9, communities, villages),
				township("410122103", "狼城岗镇", 0, 8, communities, villages),
				township("410122104", "万滩镇", 0, 9, communities, villages),
				township("410122105", "白沙镇", 1, 8, communities, villages),
				township("410122200", "刁家乡", 0, 7, communities, villages));
		this.counties = List.of(new County(URBAN_COUNTY, "中原区", "郑州市", zy),
				new County(RURAL_COUNTY, "中牟县", "郑州市", zm));
	}

	private static Township township(String code, String name, int communities, int villages, Stems c, Stems v) {
		List<Village> list = new ArrayList<>();
		for (int i = 1; i <= communities; i++) {
			list.add(new Village(code + String.format("%03d", i), c.next()));
		}
		for (int i = 0; i < villages; i++) {
			list.add(new Village(code + String.format("%03d", 201 + i), v.next()));
		}
		return new Township(code, name, List.copyOf(list));
	}

	List<County> counties() {
		return counties;
	}

	County county(String code) {
		return counties.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
	}

	List<Village> villages(String county, boolean urban) {
		List<Village> out = new ArrayList<>();
		for (Township t : county(county).townships()) {
			for (Village v : t.villages()) {
				if (v.urban() == urban) {
					out.add(v);
				}
			}
		}
		return out;
	}

	String villageName(String code) {
		for (County c : counties) {
			for (Township t : c.townships()) {
				for (Village v : t.villages()) {
					if (v.code().equals(code)) {
						return t.name() + v.name();
					}
				}
			}
		}
		return code;
	}

	/** Hands out stems in order, each once. */
	private static final class Stems {

		private final String[] stems;
		private final String suffix;
		private int next;

		Stems(String[] stems, String suffix) {
			this.stems = stems;
			this.suffix = suffix;
		}

		String next() {
			return stems[next++ % stems.length] + suffix;
		}
	}
}
