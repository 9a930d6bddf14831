package cn.doudi.disbursement.pain;

/** The paying account of pain.001 files ({@code doudi.payer.*}): name, account number, the bank's BIC. */
public record Payer(String name, String account, String bankBic) {
}
