/**
 * The command line of OUTPUTS.md ({@code import}, {@code month-end}, {@code users}, {@code release},
 * {@code approve}, {@code revoke}, {@code demo}, …): options as {@code --name=value}, exit 0 on
 * success and a one-line reason on standard error otherwise. A thin adapter over the modules' façades;
 * nothing depends on it.
 */
package cn.doudi.cli;
