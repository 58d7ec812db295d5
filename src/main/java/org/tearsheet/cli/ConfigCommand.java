package org.tearsheet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tearsheet.access.SubscriberAccess;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.ConfigPrinter;
import org.tearsheet.config.TearsheetConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Check a config file and print the effective configuration (secrets masked). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check a config file and print the effective configuration (secrets masked).",
        subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code config check}: exit 0 and the effective config, or exit 2 and every problem found. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the config file; print the effective config with secrets masked, or the errors (exit 2).")
    static final class Check implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            Path path;
            TearsheetConfig effective;
            try {
                path = config.path();
                effective = config.load();
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("tearsheet: config has errors:");
                for (String problem : e.problems()) {
                    spec.commandLine().getErr().println("  " + problem);
                }
                return ExitCodes.USAGE;
            }
            SubscriberAccess access;
            try {
                // Reads the cookies files and checks every header value, as a run would; a problem found only at
                // 3 a.m. by the scheduled job is found here instead.
                access = SubscriberAccess.fromConfig(effective);
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("tearsheet: config has errors:");
                for (String problem : e.problems()) {
                    spec.commandLine().getErr().println("  " + problem);
                }
                return ExitCodes.USAGE;
            }
            spec.commandLine().getOut().println("# " + path.toAbsolutePath().normalize() + ": OK ("
                    + effective.jobs().size() + " job" + (effective.jobs().size() == 1 ? "" : "s") + ")");
            for (String line : access.describe()) {
                spec.commandLine().getOut().println("# access " + line);
            }
            spec.commandLine().getOut().println("# effective configuration, defaults filled in, secrets masked");
            spec.commandLine().getOut().print(new ConfigPrinter().toYaml(effective));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
