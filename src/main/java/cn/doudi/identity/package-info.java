/**
 * Who a record is about: citizen ID numbers (GB 11643, normalised, checked, 15 → 18 converted; birth
 * date, sex and {@code age(M)} of RULES.md), person names normalised and matched as CHECKS.md says
 * (full-width, spaces, middle dots, traditional → simplified, placeholder characters; by code point, so
 * a rare character outside the BMP is one character), and region codes. Pure Java, no Spring: every other
 * module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.doudi.identity;
