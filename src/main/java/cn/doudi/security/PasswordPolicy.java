package cn.doudi.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters and at most 72 (BCrypt reads no more);
 * characters of at least three of four kinds — lower-case letters, upper-case letters, digits, anything
 * else (punctuation, Chinese characters); not the user's name, forwards or backwards, nor containing it;
 * not one of the passwords every guesser tries first (a short list, compared without case and without
 * the digits and symbols people add at the end).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;
	public static final int MAX_LENGTH = 72;

	private static final Set<String> COMMON = Set.of("password", "passw0rd", "qwerty", "qwertyuiop", "asdfgh",
			"asdfghjkl", "zxcvbnm", "abc", "abcd", "abcdef", "abcdefg", "abc123", "iloveyou", "admin", "administrator",
			"root", "welcome", "letmein", "monkey", "dragon", "master", "sunshine", "princess", "football", "baseball",
			"superman", "trustno", "changeme", "default", "secret", "test", "guest", "user", "login", "doudi", "woaini",
			"aini", "zhongguo", "china", "beijing", "shanghai", "mingzheng", "minzheng", "caiwu", "abcabc", "aaaaaa",
			"qazwsx", "1qaz2wsx", "1q2w3e4r", "q1w2e3r4", "zaq12wsx", "p@ssw0rd", "p@ssword", "admin@123", "admin123");

	private PasswordPolicy() {
	}

	/** Throws IllegalArgumentException with every reason in Chinese when the password is refused. */
	public static void check(String userName, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("密码至少 " + MIN_LENGTH + " 个字符");
		}
		if (password.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("密码最多 " + MAX_LENGTH + " 个字符");
		}
		int kinds = 0;
		kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		kinds += password.chars().anyMatch(c -> c >= '0' && c <= '9') ? 1 : 0;
		kinds += password.chars().anyMatch(c -> !Character.isLowerCase(c) && !Character.isUpperCase(c) && !(c >= '0' && c <= '9'))
				? 1 : 0;
		if (kinds < 3) {
			throw new IllegalArgumentException("密码须包含小写字母、大写字母、数字、其他符号（含汉字）中的至少三类");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String name = userName == null ? "" : userName.toLowerCase(Locale.ROOT);
		if (name.length() >= 3 && (lower.contains(name) || lower.contains(new StringBuilder(name).reverse()))) {
			throw new IllegalArgumentException("密码不能包含用户名");
		}
		String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
		if (COMMON.contains(lower) || COMMON.contains(core) || core.length() < 3 && lower.replaceAll("[^0-9]", "").length() >= lower.length() - 2
				|| repeated(lower)) {
			throw new IllegalArgumentException("密码太常见或太有规律，容易被猜中，请换一个");
		}
	}

	/** One character or a digit run ("1111111111", "1234567890") throughout. */
	private static boolean repeated(String s) {
		boolean same = s.chars().distinct().count() == 1;
		return same || "01234567890123456789".contains(s) || "98765432109876543210".contains(s);
	}
}
