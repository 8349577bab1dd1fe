package org.cecplatform.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/** The figures of a run: a table for people and a JSON document (sections of named values) for tools. */
public final class Report {

    /** One line of the table. */
    public record Row(String figure, String value, String target) { }

    private final Map<String, Object> document = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    public Report put(String section, String key, Object value) {
        section(section).put(key, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String name) {
        return (Map<String, Object>) document.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }

    public Report row(String figure, String value, String target) {
        rows.add(new Row(figure, value, target == null ? "" : target));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Map<String, Object> document() {
        return document;
    }

    public void printTable(PrintStream out) {
        int w1 = "figure".length();
        int w2 = "value".length();
        for (Row r : rows) {
            w1 = Math.max(w1, r.figure().length());
            w2 = Math.max(w2, r.value().length());
        }
        String format = "| %-" + w1 + "s | %" + w2 + "s | %s%n";
        out.printf(format, "figure", "value", "target");
        out.printf("|-%s-|-%s-|-------%n", "-".repeat(w1), "-".repeat(w2));
        for (Row r : rows) {
            out.printf(format, r.figure(), r.value(), r.target());
        }
    }

    public void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    static String fmt(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%,.2f", value);
    }
}
