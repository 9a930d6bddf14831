/**
 * Who may do what: users, their role (OPERATOR, MONITOR, FINANCE, AUDITOR, ADMIN) and their county
 * (or the whole city), the permission each command needs, and the audit trail of every change.
 * Other modules ask {@link cn.doudi.security.AccessControl} before they change anything.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel" })
package cn.doudi.security;
