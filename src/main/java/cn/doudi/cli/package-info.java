/**
 * The command line of OUTPUTS.md ({@code import}, {@code month-end}, {@code users}, {@code release},
 * {@code approve}, {@code revoke}, {@code demo}, …): options as {@code --name=value}, exit 0 on
 * success and a one-line Chinese reason on standard error otherwise, with one exit-code table for every
 * command ({@link cn.doudi.cli.CommandLines}). The whole command line is parsed, and help printed, from the
 * picocli model before the application starts (no Spring, no database). A command acts as a user only once it has
 * proved who runs it ({@link cn.doudi.cli.Caller}: OS account, {@code DOUDI_PASSWORD}, a terminal). A thin adapter over the modules' façades;
 * nothing depends on it.
 * <p>
 * {@code month-end --threads=N --workers=remote} and {@code worker} become {@code doudi.workers.*} properties
 * before the application starts ({@link cn.doudi.cli.DoudiCli}): only a remote month-end, a worker (or a server so
 * configured) creates the RabbitMQ beans (README "Across machines").
 * <p>
 * The global option {@code --log-format} and the log lines' masking ({@code cli.logging}, used by
 * {@code logback-spring.xml}: README "Watching it run").
 */
package cn.doudi.cli;
