package cn.doudi.allowance;

import java.math.BigDecimal;

/** The {@code cpi} row of a month: CPI同比 and 食品CPI同比, in percent. */
public record Cpi(BigDecimal cpi, BigDecimal foodCpi) {
}
