package org.tearsheet.extract;

/** Factory for the project's extractors. */
public final class Extractors {

    private static final Extractor STANDARD = new StandardExtractor();

    private Extractors() {
    }

    /** The project's best extractor: thread-safe, stateless, never throws. */
    public static Extractor standard() {
        return STANDARD;
    }
}
