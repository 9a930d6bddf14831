package cn.doudi.notices.render;

import java.math.BigDecimal;

/**
 * One row of a public notice: the household head (DIBAO) or the person, the masked ID number, the
 * program's Chinese name, the covered members, the amount paid and a remark (category, 补发 month).
 */
public record NoticeRow(String name, String maskedId, String program, int members, BigDecimal amount, String remark) {
}
