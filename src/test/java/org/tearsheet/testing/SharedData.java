package org.tearsheet.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} (the read-only dev corpora) for tests; Maven passes it as a system property. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder; fails the test with a clear message when it is missing. */
    public static Path root() {
        String prop = System.getProperty("tearsheet.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared data folder not found at " + p.toAbsolutePath()
                    + " (expected ../shared beside the project)");
        }
        return p.toAbsolutePath().normalize();
    }

    public static Path extractionDev() {
        return root().resolve("extraction-dev");
    }

    public static Path paywallDev() {
        return root().resolve("paywall-dev");
    }
}
