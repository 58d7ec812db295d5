package org.tearsheet.cli;

/** Process exit codes, documented in the README. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** Some URLs failed (a summary says which), or verify found problems. */
    public static final int SOME_FAILED = 1;
    /** Bad usage or invalid config. */
    public static final int USAGE = 2;
    /** Every capture of at least one site with configured subscriber access was rejected (login expired?). */
    public static final int CREDENTIALS_REJECTED = 3;
    /** Another run of the same job holds its lock. */
    public static final int LOCKED = 4;

    private ExitCodes() {
    }
}
