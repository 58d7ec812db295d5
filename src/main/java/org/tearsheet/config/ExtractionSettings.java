package org.tearsheet.config;

/**
 * Whether captured HTML is extracted into the sidecar.
 *
 * @param enabled off: capture only (WARC without metadata records or sidecar lines)
 */
public record ExtractionSettings(Boolean enabled) {

    public ExtractionSettings {
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(null);
    }
}
