/**
 * The HTTP API for the agencies' systems and the province platform, under {@code /api/v1} (only where the
 * application is a servlet application, i.e. {@code doudi serve}): uploads of rosters
 * ({@code POST /api/v1/uploads/{source}}, the same {@link cn.doudi.ingest.RosterImports} façade as the console
 * and {@code import}), the runs ({@link cn.doudi.payroll.PayrollRuns}) and the findings
 * ({@link cn.doudi.review.FindingReviews}) as JSON, described by OpenAPI (springdoc,
 * {@code /api/v1/openapi.json}). Its own stateless security filter chain: a bearer token of
 * {@link cn.doudi.security.ApiTokens} only — no session, no form login, no cookie — so the console's session
 * does not open the API and a token does not open the console. Every call is audited ({@code API}) with the
 * token's user and label. It owns no table and no rule: every permission and county check is the façades'.
 * Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "security", "payroll",
		"review", "ingest" })
package cn.doudi.api;
