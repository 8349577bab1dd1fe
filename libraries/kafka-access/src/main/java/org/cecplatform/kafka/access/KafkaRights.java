package org.cecplatform.kafka.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The table of Kafka principals and their rights on the product's topics ({@value #RESOURCE}): who reads, who writes,
 * who manages. Everything else is denied. {@link KafkaAcls} turns it into broker ACLs.
 */
public final class KafkaRights {

    public static final String RESOURCE = "org/cecplatform/kafka/access/kafka-rights.txt";
    /** The principal of the people running the platform (topics, group resets, replays, the benchmark). */
    public static final String OPERATOR = "operator";
    /** The topic column's wildcard: every topic. Only the operator may hold it. */
    public static final String ANY_TOPIC = "*";

    private static final Pattern PRINCIPAL = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /** What a principal may do on a topic. */
    public enum Access {
        /** Consume, in consumer groups named after the principal. */
        READ,
        /** Produce. */
        WRITE,
        /** Create and configure topics, reset and delete consumer groups (operator, every topic). */
        MANAGE
    }

    /** One line of the table. */
    public record Grant(String principal, String topic, Set<Access> access) {
        public Grant {
            access = Set.copyOf(access);
        }

        public boolean anyTopic() {
            return ANY_TOPIC.equals(topic);
        }
    }

    private final List<Grant> grants;

    private KafkaRights(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /** The table shipped with the product. */
    public static KafkaRights shipped() {
        try (InputStream in = KafkaRights.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Kafka rights table " + RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table: one grant a line ({@code principal topic access[,access]}), {@code #} starts a comment. */
    static KafkaRights parse(String text) {
        List<Grant> grants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\s+");
            if (columns.length != 3) {
                throw invalid(number, "expected 'principal topic access', found '" + line + "'");
            }
            Grant grant = new Grant(principal(columns[0], number), topic(columns[1], number), access(columns[2], number));
            if (grant.access().contains(Access.MANAGE) && !(grant.anyTopic() && OPERATOR.equals(grant.principal()))) {
                throw invalid(number, "only the operator manages, and only on every topic (*)");
            }
            if (grant.anyTopic() && !OPERATOR.equals(grant.principal())) {
                throw invalid(number, "only the operator holds rights on every topic (*)");
            }
            if (!seen.add(grant.principal() + " " + grant.topic())) {
                throw invalid(number, grant.principal() + " on " + grant.topic() + " is granted twice");
            }
            grants.add(grant);
        }
        return new KafkaRights(grants);
    }

    public List<Grant> grants() {
        return grants;
    }

    public SortedSet<String> principals() {
        SortedSet<String> principals = new TreeSet<>();
        grants.forEach(grant -> principals.add(grant.principal()));
        return principals;
    }

    /** The topics named in the table (not the wildcard). */
    public SortedSet<String> topics() {
        SortedSet<String> topics = new TreeSet<>();
        grants.stream().filter(grant -> !grant.anyTopic()).forEach(grant -> topics.add(grant.topic()));
        return topics;
    }

    public boolean allows(String principal, String topic, Access access) {
        return grants.stream().anyMatch(grant -> grant.principal().equals(principal)
                && (grant.anyTopic() || grant.topic().equals(topic)) && grant.access().contains(access));
    }

    /** The one principal besides the operator that may write the topic: its owner (empty when none or several). */
    public Optional<String> ownerOf(String topic) {
        List<String> writers = grants.stream()
                .filter(grant -> !grant.anyTopic() && grant.topic().equals(topic) && grant.access().contains(Access.WRITE))
                .map(Grant::principal)
                .toList();
        return writers.size() == 1 ? Optional.of(writers.get(0)) : Optional.empty();
    }

    private static String principal(String name, int line) {
        if (!PRINCIPAL.matcher(name).matches()) {
            throw invalid(line, "principal '" + name + "' is not a lower-case name (letters, digits, '-')");
        }
        return name;
    }

    private static String topic(String name, int line) {
        if (!ANY_TOPIC.equals(name) && !TOPIC.matcher(name).matches()) {
            throw invalid(line, "'" + name + "' is not a topic name");
        }
        return name;
    }

    private static Set<Access> access(String column, int line) {
        Set<Access> access = EnumSet.noneOf(Access.class);
        for (String word : column.split(",")) {
            try {
                access.add(Access.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw invalid(line, "unknown access '" + word + "' (read, write, manage)");
            }
        }
        return access;
    }

    private static IllegalArgumentException invalid(int line, String reason) {
        return new IllegalArgumentException(RESOURCE + " line " + line + ": " + reason);
    }
}
