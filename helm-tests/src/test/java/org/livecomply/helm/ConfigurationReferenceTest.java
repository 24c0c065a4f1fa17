package org.livecomply.helm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's configuration reference against the code: every {@code livecomply.*} key a service's
 * application.yml sets or its code reads through {@code ${livecomply.…}} is documented as its environment
 * variable, and every LIVECOMPLY_ variable the page names is read by something.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(livecomply\\.[a-z0-9.\\-]+)");
    /** Property names held in constants, e.g. {@code @Requires(property = "livecomply.archive.jobs.enabled")}. */
    private static final Pattern LITERAL = Pattern.compile("\"(livecomply\\.[a-z0-9.\\-]+)\"");
    private static final Pattern DOCUMENTED = Pattern.compile("`(LIVECOMPLY_[A-Z0-9_]+)`");
    /** Grouped rows name several variables at once: `LIVECOMPLY_X_A`, `_B`, `_C`. */
    private static final Pattern GROUPED = Pattern.compile("`(LIVECOMPLY_[A-Z0-9_]+?_)[A-Z0-9]+`((?:, `_[A-Z0-9_]+`)+)");
    /** Per-dependency client settings are documented as a pattern, not per name. */
    private static final String CLIENTS = "livecomply.clients.";

    @Test
    void everyKeyTheServicesReadIsDocumented() throws IOException {
        Set<String> documented = documentedVariables();
        Set<String> missing = new TreeSet<>();
        for (String key : readKeys(PLACEHOLDER)) {
            if (!key.startsWith(CLIENTS) && !documented.contains(environmentName(key))) {
                missing.add(environmentName(key) + " (" + key + ")");
            }
        }
        assertTrue(missing.isEmpty(), "docs/operations.md does not document: " + missing);
    }

    @Test
    void everyDocumentedVariableIsReadBySomething() throws IOException {
        Set<String> read = new TreeSet<>();
        readKeys(PLACEHOLDER).forEach(key -> read.add(environmentName(key)));
        readKeys(LITERAL).forEach(key -> read.add(environmentName(key)));
        Set<String> stale = new TreeSet<>(documentedVariables());
        stale.removeAll(read);
        stale.removeIf(name -> name.startsWith("LIVECOMPLY_CLIENTS_"));
        assertTrue(stale.isEmpty(), "docs/operations.md names variables nothing reads: " + stale);
    }

    private static Set<String> documentedVariables() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/operations.md"));
        Set<String> names = new TreeSet<>();
        Matcher single = DOCUMENTED.matcher(page);
        while (single.find()) {
            names.add(single.group(1));
        }
        Matcher grouped = GROUPED.matcher(page);
        while (grouped.find()) {
            for (String suffix : grouped.group(2).split(", ")) {
                if (!suffix.isBlank()) {
                    names.add(grouped.group(1) + suffix.replace("`", "").substring(1));
                }
            }
        }
        return names;
    }

    /** The keys every service's application.yml sets and its main code names with {@code pattern}. */
    private static Set<String> readKeys(Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(ConfigurationReferenceTest::isMainSource).toList()) {
                if (file.toString().endsWith(".java")) {
                    Matcher placeholder = pattern.matcher(Files.readString(file));
                    while (placeholder.find()) {
                        keys.add(placeholder.group(1));
                    }
                } else {
                    leaves(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), "", keys);
                }
            }
        }
        keys.removeIf(key -> !key.startsWith("livecomply."));
        return keys;
    }

    private static boolean isMainSource(Path file) {
        String path = ROOT.relativize(file).toString();
        return !path.contains("/target/") && !path.startsWith("bench/") && path.contains("/src/main/")
                && (path.endsWith(".java") || path.endsWith("/application.yml"));
    }

    private static void leaves(JsonNode node, String prefix, Set<String> keys) {
        if (!node.isObject()) {
            keys.add(prefix);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            leaves(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), keys);
        }
    }

    /** Micronaut's mapping, backwards: livecomply.identity.report-directory → LIVECOMPLY_IDENTITY_REPORT_DIRECTORY. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
