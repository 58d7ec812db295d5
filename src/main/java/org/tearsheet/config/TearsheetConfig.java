package org.tearsheet.config;

import java.util.List;

/**
 * The whole effective configuration: what {@code config/tearsheet.yaml} says, with defaults filled in.
 * Every section has a default, so an empty file (or no file) is a valid configuration.
 */
public record TearsheetConfig(
        ArchiveSettings archive,
        FetchSettings fetch,
        ExtractionSettings extraction,
        List<AccessSettings> access,
        PaywallSettings paywall,
        List<JobConfig> jobs) {

    public TearsheetConfig {
        archive = archive == null ? ArchiveSettings.defaults() : archive;
        fetch = fetch == null ? FetchSettings.defaults() : fetch;
        extraction = extraction == null ? ExtractionSettings.defaults() : extraction;
        access = access == null ? List.of() : List.copyOf(access);
        paywall = paywall == null ? PaywallSettings.defaults() : paywall;
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    /** The embedded defaults: what runs when no config file is given. */
    public static TearsheetConfig defaults() {
        return new TearsheetConfig(null, null, null, null, null, null);
    }

    public TearsheetConfig withArchive(ArchiveSettings newArchive) {
        return new TearsheetConfig(newArchive, fetch, extraction, access, paywall, jobs);
    }

    public TearsheetConfig withFetch(FetchSettings newFetch) {
        return new TearsheetConfig(archive, newFetch, extraction, access, paywall, jobs);
    }
}
