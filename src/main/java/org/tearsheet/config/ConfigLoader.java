package org.tearsheet.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code tearsheet.yaml} into a {@link TearsheetConfig}: snake_case keys, unknown keys rejected,
 * {@code ${ENV_VAR}} substituted in secret values, and errors reported with the field path and line.
 */
public final class ConfigLoader {

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final UnaryOperator<String> environment;

    /** A loader reading the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader with an explicit environment (tests pass a map). */
    public ConfigLoader(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Loads {@code file}; relative paths in it are resolved against the file's folder. */
    public TearsheetConfig load(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return validated(resolvePaths(bind(yaml, file.toString()), folder), yaml, file.toString());
    }

    /**
     * Parses YAML text; {@code sourceName} is used in error messages. Relative paths stay relative
     * (to the working directory).
     */
    public TearsheetConfig parse(String yaml, String sourceName) throws ConfigException {
        return validated(bind(yaml, sourceName), yaml, sourceName);
    }

    private static TearsheetConfig validated(TearsheetConfig config, String yaml, String sourceName)
            throws ConfigException {
        List<ConfigValidator.Problem> problems = ConfigValidator.validate(config);
        if (problems.isEmpty()) {
            return config;
        }
        FieldLines lines = FieldLines.of(yaml);
        List<String> messages = new ArrayList<>();
        for (ConfigValidator.Problem p : problems) {
            int line = lines.lineOf(p.path());
            messages.add(sourceName + (line > 0 ? ":" + line : "") + ": " + p.path() + ": " + p.message());
        }
        throw new ConfigException(messages);
    }

    /** Relative paths in a config file mean "next to the config file", wherever the command runs from. */
    private static TearsheetConfig resolvePaths(TearsheetConfig config, Path folder) {
        List<AccessSettings> access = new ArrayList<>();
        for (AccessSettings a : config.access()) {
            access.add(new AccessSettings(a.site(), a.hosts(),
                    a.cookiesFile() == null ? null : folder.resolve(a.cookiesFile()).normalize(), a.headers()));
        }
        return new TearsheetConfig(config.archive().withDir(folder.resolve(config.archive().dir()).normalize()),
                config.fetch(), config.extraction(), access, config.paywall(), config.jobs());
    }

    private TearsheetConfig bind(String yaml, String sourceName) throws ConfigException {
        if (yaml.isBlank()) {
            return TearsheetConfig.defaults();
        }
        try {
            TearsheetConfig config = mapper().readValue(yaml, TearsheetConfig.class);
            return config == null ? TearsheetConfig.defaults() : config;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(sourceName + where(yaml, fieldPath(e), e.getLocation()) + ": unknown key '" + e.getPropertyName()
                    + "' at " + fieldPath(e) + (known.isEmpty() ? "" : " (expected one of: " + known + ")"), e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
                throw new ConfigException(sourceName + where(syntax.getLocation()) + ": not valid YAML: "
                        + oneLine(syntax.getOriginalMessage()), e);
            }
            throw new ConfigException(sourceName + where(yaml, fieldPath(e), e.getLocation()) + ": invalid value at " + fieldPath(e)
                    + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(sourceName + where(e.getLocation()) + ": not valid YAML: "
                    + oneLine(e.getOriginalMessage()), e);
        }
    }

    private ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("tearsheet-config");
        module.addDeserializer(Duration.class, new FromText<>(DurationText::parse));
        module.addDeserializer(DataSize.class, new FromText<>(DataSize::parse));
        module.addDeserializer(Path.class, new FromText<>(Path::of));
        module.addDeserializer(SecretValue.class, new FromText<>(this::resolveSecret));
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .registerModule(module);
    }

    /** Resolves {@code ${VAR}} references and {@code file:/path} values; the source text is kept for display. */
    SecretValue resolveSecret(String source) {
        if (source.startsWith("file:")) {
            Path p = Path.of(source.substring("file:".length()));
            try {
                return new SecretValue(source, Files.readString(p).strip());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read secret file " + p + ": " + e.getClass().getSimpleName());
            }
        }
        Matcher m = ENV_REF.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.apply(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new SecretValue(source, out.toString());
    }

    /** The line of the offending key when known (Jackson reports where it stopped reading, often later). */
    private static String where(String yaml, String path, JsonLocation location) {
        int line = FieldLines.of(yaml).lineOf(path);
        return line > 0 ? ":" + line : where(location);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** YAML parser messages span lines with caret art; one line reads better in a list of problems. */
    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*\\^?\\s*", " ").replaceAll("\\s+", " ").strip();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : t.getMessage();
        return msg == null ? t.getClass().getSimpleName() : msg;
    }

    /** Deserializes a scalar through a parsing function; parse errors surface with their own message. */
    private static final class FromText<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> parser;

        FromText(java.util.function.Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                throw JsonMappingException.from(p, "expected a text value");
            }
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }

    /** For callers that only need an env lookup from a map (tests). */
    public static UnaryOperator<String> envOf(Map<String, String> env) {
        return env::get;
    }
}
