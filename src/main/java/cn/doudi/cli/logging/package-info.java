/**
 * The log lines' safety net (used by {@code logback-spring.xml} and {@code logging.structured.json.customizer}):
 * an ID or account number is masked in every line, text or JSON, whatever the code logged; and Spring's report of a
 * failed start-up stays off the console ({@code StartFailureConsoleFilter}: the command says why in one line).
 */
package cn.doudi.cli.logging;
