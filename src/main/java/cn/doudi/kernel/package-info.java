/**
 * The shared kernel: the few words every module speaks — {@link cn.doudi.kernel.Program} codes,
 * {@link cn.doudi.kernel.Bank} codes, {@link cn.doudi.kernel.FindingCode}s, {@link cn.doudi.kernel.StopReason}s,
 * {@link cn.doudi.kernel.PaymentKey} (a line's key without its month), {@link cn.doudi.kernel.Money}
 * (half-up to the fen, in one place) and {@link cn.doudi.kernel.Months} (the month forms of INPUTS.md); and the
 * byte-stable XLSX every module writes: {@link cn.doudi.kernel.Workbooks} (new POI workbooks) and
 * {@link cn.doudi.kernel.StableZip} (fixed entry times, one deflate).
 * Plain Java, no Spring. Null is never a value here unless marked {@code @Nullable}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.doudi.kernel;

import org.jspecify.annotations.NullMarked;
