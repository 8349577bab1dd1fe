package org.cecplatform.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The yardstick: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance}, in a child JVM (so it does not share
 * this JVM's heap or threads), on the stack's broker, a topic of its own with the intake topics' 6 partitions,
 * acks=all, records the size of an intake message.
 */
public final class RawKafka {

    public static final String TOPIC = "benchmark.raw";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private final Map<String, Object> operator;

    /** {@code operator}: the broker's address and the operator's login (the benchmark is the operator's). */
    public RawKafka(Map<String, Object> operator) {
        this.operator = Map.copyOf(operator);
    }

    public record Result(long records, double recordsPerSecond, int recordSize, String summaryLine) { }

    public Result run(int records, int recordSize) throws Exception {
        createTopic();
        Path producerConfig = loginFile();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", Integer.toString(records), "--record-size",
                Integer.toString(recordSize), "--throughput", "-1", "--producer.config", producerConfig.toString(),
                "--producer-props", "acks=all"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (SUMMARY.matcher(line).find()) {
                    summary = line;
                }
            }
        }
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        Files.deleteIfExists(producerConfig);
        if (!exited || process.exitValue() != 0 || summary == null) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance failed (exit "
                    + (process.isAlive() ? "none" : process.exitValue()) + ")");
        }
        return parse(summary, recordSize);
    }

    /** The last summary line of ProducerPerformance, e.g. {@code 200000 records sent, 151000.1 records/sec (...)}. */
    static Result parse(String summaryLine, int recordSize) {
        Matcher m = SUMMARY.matcher(summaryLine);
        if (!m.find()) {
            throw new IllegalArgumentException("not a ProducerPerformance summary: " + summaryLine);
        }
        return new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), recordSize, summaryLine.trim());
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(operator)) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
            }
        }
    }

    /**
     * The address and login as a producer configuration file (its JAAS line holds '=' signs, which
     * {@code --producer-props} cannot carry), readable only by its owner, deleted after the run.
     */
    private Path loginFile() throws IOException {
        Path file = Files.createTempFile("raw-kafka-login", ".properties",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties props = new Properties();
        operator.forEach((key, value) -> props.setProperty(key, String.valueOf(value)));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, null);
        }
        return file;
    }

    private static String javaBinary() throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return java.toString();
    }
}
