package org.tearsheet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tearsheet.config.ConfigException;
import org.tearsheet.config.ConfigLoader;
import org.tearsheet.config.TearsheetConfig;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option shared by the job commands. Without it, {@code tearsheet.yaml} in the
 * working directory is used, else {@code config/tearsheet.yaml}.
 */
final class ConfigOption {

    private static final List<Path> DEFAULT_LOCATIONS = List.of(Path.of("tearsheet.yaml"), Path.of("config", "tearsheet.yaml"));

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Config file (default: ./tearsheet.yaml, else ./config/tearsheet.yaml).")
    Path file;

    /** The config file to read. */
    Path path() throws ConfigException {
        if (file != null) {
            return file;
        }
        for (Path candidate : DEFAULT_LOCATIONS) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ConfigException("no config file: pass --config FILE (looked for ./tearsheet.yaml and ./config/tearsheet.yaml)");
    }

    /** Loads and validates the config file. */
    TearsheetConfig load() throws ConfigException {
        return new ConfigLoader().load(path());
    }
}
