/**
 * The demo city's sample data: a seeded, deterministic generator of every upload of INPUTS.md for two
 * real counties and three sample months (rosters, other agencies' rosters, standards, CPI), with a
 * documented set of planted problems that the checks and rules must find. Its output is committed in
 * {@code sample-data/} and replayed by {@code demo}; nothing else in the product depends on it. With
 * {@code --counties=N} ({@link cn.doudi.sampledata.ProvinceGenerator}) it writes a province: one such city per two
 * real counties of the province, moved onto them, written city by city (the bench's province data).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package cn.doudi.sampledata;
