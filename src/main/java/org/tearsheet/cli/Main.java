package org.tearsheet.cli;

import org.tearsheet.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code tearsheet <command>}. Each command lives in its own class in this package. */
@Command(name = "tearsheet",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Paywall-aware news-article archiver: WARC capture plus cleaned-text sidecars.",
        subcommands = {
            DemoCommand.class,
            ArchiveCommand.class,
            ExtractCommand.class,
            CrawlCommand.class,
            DaemonCommand.class,
            StatusCommand.class,
            HistoryCommand.class,
            ConfigCommand.class,
            IndexCommand.class,
            ServeCommand.class,
            ExportCommand.class,
            VerifyCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line: usage errors exit 2, config errors exit 2 with the message only. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof ConfigException ? ExitCodes.USAGE : ExitCodes.SOME_FAILED);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("tearsheet: invalid config: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("tearsheet: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
