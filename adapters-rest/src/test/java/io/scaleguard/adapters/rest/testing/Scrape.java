package io.scaleguard.adapters.rest.testing;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, by metric name and the labels a test cares about. */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    public Scrape(String text) {
        this.text = text;
    }

    /** The value of the first sample of this name whose labels include all of these; empty when there is none. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            if (sample.group(1).equals(name) && hasLabels(sample.group(2), labels)) {
                return OptionalDouble.of(Double.parseDouble(sample.group(3)));
            }
        }
        return OptionalDouble.empty();
    }

    public OptionalDouble value(String name) {
        return value(name, Map.of());
    }

    private static boolean hasLabels(String block, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (block == null) {
            return false;
        }
        Matcher label = LABEL.matcher(block);
        int found = 0;
        while (label.find()) {
            if (label.group(2).equals(wanted.get(label.group(1)))) {
                found++;
            }
        }
        return found == wanted.size();
    }
}
