/**
 * The log lines' safety net (used by {@code logback-spring.xml} and {@code logging.structured.json.customizer}):
 * an ID or account number is masked in every line, text or JSON, whatever the code logged.
 */
package cn.doudi.cli.logging;
