package cn.doudi.sampledata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Program;

/** The records the generator builds before it writes any file. */
final class Model {

	private Model() {
	}

	/**
	 * A person. {@code id} is the canonical 18-character ID; {@code written} is how our own roster
	 * writes it (the same, or a 15-digit first-generation ID, or a lower-case x).
	 */
	record Person(String id, String name, LocalDate birth, boolean male, String written) {

		Person {
			written = written == null ? id : written;
		}

		int ageIn(YearMonth month) {
			return cn.doudi.identity.IdNumber.ageIn(birth, month);
		}
	}

	/** A payee account. */
	record Account(Bank bank, String number, String holder) {
	}

	/**
	 * One row of the beneficiaries roster, listed in the snapshots from {@code listedFrom} to
	 * {@code listedTo} (inclusive; null = to the end).
	 */
	record Row(String region, String household, Person person, String relation, Program program, String category,
			BigDecimal income, YearMonth start, YearMonth end, Account account, YearMonth listedFrom,
			YearMonth listedTo) {

		String county() {
			return region.substring(0, 6);
		}

		boolean listedIn(YearMonth month) {
			return !month.isBefore(listedFrom) && (listedTo == null || !month.isAfter(listedTo));
		}

		Row listedUntil(YearMonth last) {
			return new Row(region, household, person, relation, program, category, income, start, end, account,
					listedFrom, last);
		}

		Row from(YearMonth first) {
			return new Row(region, household, person, relation, program, category, income, start, end, account,
					first, listedTo);
		}

		Row withRelation(String newRelation, Account newAccount) {
			return new Row(region, household, person, newRelation, program, category, income, start, end, newAccount,
					listedFrom, listedTo);
		}

		Row withEnd(YearMonth newEnd) {
			return new Row(region, household, person, relation, program, category, income, start, newEnd, account,
					listedFrom, listedTo);
		}
	}

	record Death(YearMonth file, String id, String name, LocalDate date, String source) {
	}

	/** A disability certificate as 残联 lists it, in the full rosters of the months from {@code from} to {@code to}. */
	record Certificate(String id, String name, int type, int grade, boolean valid, YearMonth from, YearMonth to) {

		String number() {
			return id + type + grade;
		}

		boolean listedIn(YearMonth month) {
			return !month.isBefore(from) && (to == null || !month.isAfter(to));
		}

		/** Grade 1–2, or 3–4 of type 智力 (5) or 精神 (6) where the county pays those. */
		boolean qualifiesForCare(boolean countyPaysGrades3And4) {
			return valid && (grade <= 2 || countyPaysGrades3And4 && (type == 5 || type == 6));
		}
	}

	record Poverty(String id, String name, String region, String household, String category) {
	}

	record Marriage(YearMonth file, String id, String name, String spouseId, String spouseName, String type,
			LocalDate date) {
	}

	record Economic(YearMonth file, String household, String id, String name, YearMonth month, BigDecimal income,
			int vehicles, int properties, boolean business, boolean publicEmployee) {
	}

	record TempAssist(YearMonth file, String region, String household, Person person, String caseNumber,
			YearMonth month, BigDecimal amount, String reason, Account account) {
	}

	record Cpi(YearMonth month, String cpi, String foodCpi) {
	}

	record Standard(String county, String program, String category, YearMonth effective, String amount) {
	}
}
