/**
 * Who may do what: users, their role (OPERATOR, MONITOR, FINANCE, AUDITOR, ADMIN) and their county
 * (or the whole city), the permission each command needs, and the audit trail of every change, read of
 * whole numbers and download. Other modules ask {@link cn.doudi.security.AccessControl} before they change
 * anything. Who a user is: passwords (policy, BCrypt, throttling and lockout per user and address) for the
 * console and the command line, and {@link cn.doudi.security.CommandAuthentication} for the command line
 * (OS account mapping, password, API token). The API tokens of system accounts
 * ({@link cn.doudi.security.ApiTokens}, table {@code api_token}: only their SHA-256).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package cn.doudi.security;
