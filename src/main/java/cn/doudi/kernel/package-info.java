/**
 * The shared kernel: the few words every module speaks — {@link cn.doudi.kernel.Program} codes,
 * {@link cn.doudi.kernel.Bank} codes, {@link cn.doudi.kernel.FindingCode}s, {@link cn.doudi.kernel.StopReason}s,
 * {@link cn.doudi.kernel.PaymentKey} (a line's key without its month), {@link cn.doudi.kernel.Money}
 * (half-up to the fen, in one place) and {@link cn.doudi.kernel.Months} (the month forms of INPUTS.md).
 * Plain Java, no Spring. Null is never a value here unless marked {@code @Nullable}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.doudi.kernel;

import org.jspecify.annotations.NullMarked;
