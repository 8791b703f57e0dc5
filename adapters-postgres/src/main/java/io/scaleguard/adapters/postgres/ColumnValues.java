package io.scaleguard.adapters.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the mappers put application values into columns: instants as UTC {@code TIMESTAMP WITH TIME ZONE} (never through
 * the JVM's default zone), and small sets of names (roles, scopes) as one space-separated, sorted column, as OAuth
 * writes scopes.
 */
final class ColumnValues {

    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private ColumnValues() {
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String words(Set<String> names) {
        for (String name : names) {
            if (name.isEmpty() || WHITESPACE.matcher(name).find()) {
                throw new IllegalArgumentException("a role or scope must be a non-empty name without spaces");
            }
        }
        return names.stream().sorted().collect(Collectors.joining(" "));
    }

    static Set<String> wordSet(String column) {
        return column.isEmpty() ? Set.of() : Arrays.stream(column.split(" ")).collect(Collectors.toUnmodifiableSet());
    }
}
