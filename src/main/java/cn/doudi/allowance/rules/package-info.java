/**
 * The rules of RULES.md, one small class per rule, named with the spec's words: {@code DibaoRule}
 * (with {@code HouseholdIncome}, {@code ClassifiedSupplement}, {@code GradualExit}), {@code TekunRule},
 * {@code ElderlyRule}, {@code DisabilityLivingRule}, {@code DisabilityCareRule}, {@code ChildRule}
 * (ORPHAN, DE_FACTO_CHILD and the 补差 top-up), {@code PriceSubsidyRule}, {@code TempAssistRule};
 * {@code Holds} applies the checks' HOLD conditions (for the month's lines and the arrears rule's "held now"); {@code MonthCalculation} runs them in order for
 * one county and month. Internal to the allowance module: callers use
 * {@link cn.doudi.allowance.MonthRules}.
 */
@NullMarked
package cn.doudi.allowance.rules;

import org.jspecify.annotations.NullMarked;
