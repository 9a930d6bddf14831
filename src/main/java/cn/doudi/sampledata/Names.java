package cn.doudi.sampledata;

import java.util.Random;

/** Realistic Chinese names (Henan's common surnames, given names by generation and sex), drawn from a seeded Random. */
final class Names {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "郭", "孙", "周", "高", "马", "吕", "宋",
			"郑", "朱", "胡", "许", "何", "徐", "韩", "冯", "曹", "董", "段", "牛", "贾", "魏", "申", "岳", "孟", "常", "田", "任", "袁",
			"付", "杜", "程", "范", "秦", "潘", "侯", "崔", "薛", "闫", "苏", "黄", "吴", "姚", "翟", "司马", "欧阳" };
	private static final int[] SURNAME_WEIGHTS = { 60, 55, 55, 45, 25, 25, 22, 20, 15, 15, 14, 14, 10, 10, 10, 10, 10, 9,
			8, 8, 8, 8, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 1, 1 };

	private static final String[] OLD_MALE = { "德福", "德胜", "建国", "国庆", "保国", "金山", "长林", "玉山", "天宝", "春生", "振华",
			"广才", "明德", "守义", "卫国", "富贵", "长顺", "根生", "志远", "新民", "永福", "连生", "学文", "留柱", "铁柱", "拴柱", "书堂",
			"清河", "万年", "福来", "庆祥", "天成", "中华", "光明", "跃进" };
	private static final String[] OLD_FEMALE = { "秀英", "桂兰", "玉兰", "凤英", "秀兰", "桂英", "桂芳", "淑珍", "素珍", "翠花",
			"秀珍", "玉梅", "春花", "金花", "凤兰", "玉珍", "桂荣", "秀云", "爱莲", "素梅", "玉英", "兰英", "桂香", "彩霞", "秀梅" };
	private static final String[] MID_MALE = { "伟", "磊", "强", "军", "勇", "刚", "涛", "斌", "建华", "建军", "志强", "海涛", "红军",
			"晓东", "永强", "国强", "俊杰", "鹏", "超", "亮", "明", "辉", "建伟", "卫东", "红伟", "新伟", "军伟", "晓峰", "东升", "向阳" };
	private static final String[] MID_FEMALE = { "丽", "娟", "静", "敏", "艳", "芳", "霞", "燕", "红", "玲", "丽娟", "丽华", "红梅",
			"晓燕", "春艳", "海燕", "秀丽", "俊英", "淑芬", "金凤", "丽萍", "艳丽", "红霞", "小红", "利娟" };
	private static final String[] YOUNG_MALE = { "浩然", "子轩", "宇航", "一鸣", "子豪", "俊熙", "浩宇", "博文", "天佑", "佳豪", "子墨",
			"梓睿", "宇轩", "铭泽", "家乐", "嘉豪", "明轩", "皓轩", "思远", "文博" };
	private static final String[] YOUNG_FEMALE = { "欣怡", "梓涵", "雨桐", "一诺", "思雨", "诗涵", "可馨", "佳怡", "子涵", "欣妍",
			"梦琪", "若汐", "语嫣", "雨萱", "紫涵", "佳琪", "梦瑶", "晨曦", "一涵", "心怡" };

	/** Uyghur-style names written with a middle dot (民族姓名), male and female. */
	static final String[] DOTTED_MALE = { "买买提·艾力", "阿卜杜拉·吐尔逊", "热合曼·阿不都", "艾尼瓦尔·买买提" };
	static final String[] DOTTED_FEMALE = { "阿依古丽·买买提", "古丽娜尔·艾山", "帕提古丽·艾买提", "阿依努尔·吐尔逊" };

	/** Names written in traditional characters on our own roster (an old register), male and female. */
	static final String[] TRADITIONAL_MALE = { "劉國華", "楊寶山", "鄭長順", "陳建國" };
	static final String[] TRADITIONAL_FEMALE = { "張秀蘭", "陳鳳英", "趙麗華", "黃玉蘭" };

	private final Random random;
	private final int totalWeight;

	Names(Random random) {
		this.random = random;
		int sum = 0;
		for (int w : SURNAME_WEIGHTS) {
			sum += w;
		}
		this.totalWeight = sum;
	}

	String surname() {
		int r = random.nextInt(totalWeight);
		for (int i = 0; i < SURNAMES.length; i++) {
			r -= SURNAME_WEIGHTS[i];
			if (r < 0) {
				return SURNAMES[i];
			}
		}
		return SURNAMES[0];
	}

	String given(int birthYear, boolean male) {
		String[] pool;
		if (birthYear <= 1960) {
			pool = male ? OLD_MALE : OLD_FEMALE;
		}
		else if (birthYear <= 1995) {
			pool = male ? MID_MALE : MID_FEMALE;
		}
		else {
			pool = male ? YOUNG_MALE : YOUNG_FEMALE;
		}
		return pool[random.nextInt(pool.length)];
	}

	String full(int birthYear, boolean male) {
		return surname() + given(birthYear, male);
	}
}
