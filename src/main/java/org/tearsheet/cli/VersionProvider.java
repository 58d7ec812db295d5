package org.tearsheet.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest (set by Maven), so there is one source of truth. */
public final class VersionProvider implements IVersionProvider {

    /** The running tearsheet version, or "dev" when run from classes without a manifest. */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tearsheet " + version(), "Java " + System.getProperty("java.version")};
    }
}
