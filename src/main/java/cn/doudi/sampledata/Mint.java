package cn.doudi.sampledata;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Bank;
import cn.doudi.sampledata.Model.Account;
import cn.doudi.sampledata.Model.Person;

/**
 * Mints unique people (valid GB 11643 IDs whose prefix is mostly the county they live in), household
 * IDs (the region code and a sequence number, as the national 低保 system's 家庭编号) and bank accounts
 * (Luhn-valid card numbers of 16–19 digits; old 12-digit 信用社 passbooks), all from one seeded Random.
 * The sets here only answer "already used?": nothing iterates them, so output order never depends on hashing.
 */
final class Mint {

	private final Random random;
	private final Names names;
	private final Set<String> ids = new HashSet<>();
	private final Set<String> accounts = new HashSet<>();
	private final Map<String, Integer> householdSeq = new HashMap<>();

	Mint(Random random) {
		this.random = random;
		this.names = new Names(random);
	}

	Random random() {
		return random;
	}

	Names names() {
		return names;
	}

	int between(int from, int toInclusive) {
		return from + random.nextInt(toInclusive - from + 1);
	}

	boolean chance(double p) {
		return random.nextDouble() < p;
	}

	<T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	<T> T pick(java.util.List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	LocalDate birthBetween(LocalDate from, LocalDate to) {
		long days = to.toEpochDay() - from.toEpochDay();
		return from.plusDays((long) (random.nextDouble() * (days + 1)));
	}

	/** A new person living in {@code county}: 88% carry that county's prefix, the rest were born elsewhere in Henan. */
	Person person(String county, LocalDate birth, boolean male) {
		return person(county, birth, male, names.full(birth.getYear(), male));
	}

	Person person(String county, LocalDate birth, boolean male, String name) {
		String prefix = chance(0.88) ? county : pick(Geography.ELSEWHERE);
		return personWithPrefix(prefix, birth, male, name);
	}

	Person personWithPrefix(String prefix, LocalDate birth, boolean male, String name) {
		String date = birth.toString().replace("-", "");
		for (int attempt = 0; attempt < 1000; attempt++) {
			int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
			String body = prefix + date + String.format("%03d", seq);
			String id = body + IdNumber.checkDigit(body);
			if (ids.add(id)) {
				return new Person(id, name, birth, male, null);
			}
		}
		throw new IllegalStateException("no free ID for " + prefix + date);
	}

	/** Marks an ID as used (a typo'd ID of a death record must not be anybody's). */
	boolean reserve(String id) {
		return ids.add(id);
	}

	boolean used(String id) {
		return ids.contains(id);
	}

	String household(String region) {
		int seq = householdSeq.merge(region, 1, Integer::sum);
		return region + String.format("%04d", seq);
	}

	Account account(boolean rural, String holder) {
		Bank bank = rural ? weighted(new Bank[] { Bank.RCU, Bank.PSBC, Bank.ABC }, new int[] { 60, 25, 15 })
				: weighted(new Bank[] { Bank.ICBC, Bank.CCB, Bank.BOC, Bank.BOCOM, Bank.PSBC, Bank.ABC },
						new int[] { 25, 20, 10, 10, 20, 15 });
		return account(bank, holder);
	}

	Account account(Bank bank, String holder) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			String number = number(bank);
			if (accounts.add(number)) {
				return new Account(bank, number, holder);
			}
		}
		throw new IllegalStateException("no free account");
	}

	private String number(Bank bank) {
		if (bank == Bank.RCU && chance(0.06)) {
			// an old 信用社 passbook account: 12 digits
			return "71" + digits(10);
		}
		String bin;
		int length = 19;
		switch (bank) {
			case ICBC -> bin = "621226";
			case ABC -> bin = "622848";
			case BOC -> bin = "621661";
			case CCB -> {
				bin = chance(0.3) ? "436742" : "621700";
				length = bin.equals("436742") ? 16 : 19;
			}
			case BOCOM -> {
				bin = "622262";
				length = 17;
			}
			case PSBC -> bin = "621799";
			default -> bin = "623059";
		}
		String body = bin + digits(length - bin.length() - 1);
		return body + luhn(body);
	}

	private String digits(int n) {
		StringBuilder sb = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			sb.append((char) ('0' + random.nextInt(10)));
		}
		return sb.toString();
	}

	static char luhn(String body) {
		int sum = 0;
		boolean twice = true;
		for (int i = body.length() - 1; i >= 0; i--) {
			int d = body.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	private <T> T weighted(T[] values, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[0];
	}
}
