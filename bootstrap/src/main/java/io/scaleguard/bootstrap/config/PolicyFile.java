package io.scaleguard.bootstrap.config;

import io.scaleguard.application.ratelimit.RatePolicy;
import io.scaleguard.domain.ratelimit.Limit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rate policy file (SCALEGUARD_POLICY_FILE): one setting a line, {@code #} starts a comment.
 *
 * <pre>
 * # policy.&lt;policy&gt;.limit.&lt;limit&gt; = &lt;capacity&gt; per &lt;tokens&gt;/&lt;period&gt;   (period: 500ms, 1s, 5m, 1h, 1d)
 * policy.pro.limit.burst  = 50 per 20/1s
 * policy.pro.limit.hourly = 5000 per 5000/1h
 * policy.trial.limit.burst = 5 per 1/1s
 * policy.trial.shadow = true
 * </pre>
 *
 * A policy named like a plan applies to that plan's users; a policy named like a built-in one ({@code default},
 * {@code login-username}, {@code login-ip}) replaces it. Every problem names the file, the line and the cause.
 */
final class PolicyFile {

    private static final Pattern LIMIT = Pattern.compile("policy\\.([^.\\s]+)\\.limit\\.([^.\\s]+)");
    private static final Pattern SHADOW = Pattern.compile("policy\\.([^.\\s]+)\\.shadow");
    private static final Pattern LIMIT_VALUE = Pattern.compile("(\\d{1,12})\\s+per\\s+(\\d{1,12})\\s*/\\s*(\\d{1,9})(ms|s|m|h|d)");

    private PolicyFile() {
    }

    static List<RatePolicy> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(Setting.POLICY_FILE.variable + ": cannot read '" + file + "': " + e.getMessage());
        }
        Map<String, List<Limit>> limits = new LinkedHashMap<>();
        Map<String, Boolean> shadow = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNumber = i + 1;
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw problem(file, lineNumber, "expected <key> = <value>");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            Matcher limit = LIMIT.matcher(key);
            Matcher shadowKey = SHADOW.matcher(key);
            try {
                if (limit.matches()) {
                    firstLine.putIfAbsent(limit.group(1), lineNumber);
                    limits.computeIfAbsent(limit.group(1), p -> new ArrayList<>()).add(parseLimit(limit.group(2), value));
                } else if (shadowKey.matches()) {
                    firstLine.putIfAbsent(shadowKey.group(1), lineNumber);
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("shadow must be true or false, was '" + value + "'");
                    }
                    shadow.put(shadowKey.group(1), Boolean.parseBoolean(value));
                } else {
                    throw new IllegalArgumentException("unknown key '" + key + "': expected policy.<name>.limit.<limit> or policy.<name>.shadow");
                }
            } catch (IllegalArgumentException e) {
                throw problem(file, lineNumber, e.getMessage());
            }
        }
        List<RatePolicy> policies = new ArrayList<>();
        for (String name : firstLine.keySet()) {
            try {
                policies.add(new RatePolicy(name, limits.getOrDefault(name, List.of()), shadow.getOrDefault(name, false)));
            } catch (IllegalArgumentException e) {
                throw problem(file, firstLine.get(name), e.getMessage());
            }
        }
        return policies;
    }

    private static Limit parseLimit(String name, String value) {
        Matcher m = LIMIT_VALUE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("limit '" + name + "' must read '<capacity> per <tokens>/<period>', e.g. '10 per 1/1s', was '" + value + "'");
        }
        long amount = Long.parseLong(m.group(3));
        Duration period = switch (m.group(4)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new Limit(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), period);
    }

    private static ConfigurationException problem(Path file, int line, String message) {
        return new ConfigurationException(Setting.POLICY_FILE.variable + " " + file + " line " + line + ": " + message);
    }
}
