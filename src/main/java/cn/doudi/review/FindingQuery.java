package cn.doudi.review;

/** {@code findings list} filters; null means any. Status defaults to the open ones (OPEN and CONFIRMED). */
public record FindingQuery(String county, String code, String status) {
}
