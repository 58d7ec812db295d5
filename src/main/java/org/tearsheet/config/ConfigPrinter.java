package org.tearsheet.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Prints an effective configuration as YAML in the same syntax the loader reads (durations as {@code 10s},
 * sizes as {@code 1GiB}), with every {@link SecretValue} shown only by its source and a mask.
 */
public final class ConfigPrinter {

    private final ObjectMapper mapper;

    public ConfigPrinter() {
        SimpleModule module = new SimpleModule("tearsheet-config-print");
        module.addSerializer(Duration.class, new AsText<>(DurationText::format));
        module.addSerializer(DataSize.class, new AsText<>(DataSize::toString));
        module.addSerializer(Path.class, new AsText<>(Path::toString));
        module.addSerializer(SecretValue.class, new AsText<>(SecretValue::toString));
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build();
        mapper = new ObjectMapper(yaml)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .registerModule(module);
    }

    /** The configuration as YAML; secrets appear as {@code ${SOURCE} = ********}. */
    public String toYaml(TearsheetConfig config) {
        try {
            return mapper.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class AsText<T> extends JsonSerializer<T> {
        private final Function<T, String> format;

        AsText(Function<T, String> format) {
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format.apply(value));
        }
    }
}
