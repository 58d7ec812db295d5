package org.tearsheet.capture;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tearsheet.config.SecretValue;
import org.tearsheet.config.TearsheetConfig;
import org.tearsheet.record.WarcFileName;

/** The warcinfo record's fields: who wrote the file, with what, under which policy and configuration. */
final class WarcinfoFields {

    private WarcinfoFields() {
    }

    static Map<String, List<String>> of(TearsheetConfig config, boolean obeyRobots) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("software", List.of("tearsheet/" + version() + " (jwarc, OkHttp)"));
        f.put("format", List.of("WARC File Format 1.1"));
        f.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        f.put("hostname", List.of(WarcFileName.localHost()));
        f.put("operator", List.of(config.archive().operator()));
        f.put("http-header-user-agent", List.of(config.fetch().userAgent()));
        f.put("robots", List.of(obeyRobots ? "obey" : "ignore"));
        f.put("tearsheet-config-sha256", List.of(configDigest(config)));
        return f;
    }

    static String version() {
        String v = WarcinfoFields.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * SHA-256 of the effective configuration as canonical JSON. Secrets enter only as their source reference
     * (e.g. {@code ${FT_TOKEN}}), never their value, so the digest reveals nothing and stays stable across
     * credential rotation.
     */
    static String configDigest(TearsheetConfig config) {
        SimpleModule secrets = new SimpleModule().addSerializer(SecretValue.class, new JsonSerializer<>() {
            @Override
            public void serialize(SecretValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.source());
            }
        });
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(secrets)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false);
        try {
            byte[] json = mapper.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unavailable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
