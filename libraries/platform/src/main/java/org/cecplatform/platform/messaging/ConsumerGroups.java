package org.cecplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The consumer groups this service runs and the topic each reads, as its incoming channels are configured
 * ({@code mp.messaging.incoming.<channel>.group.id} and {@code .topic}, the channel's name when no topic is set).
 */
@ApplicationScoped
public class ConsumerGroups {

    /** One group and the topics it consumes. */
    public record Group(String group, List<String> topics) {
    }

    private static final Pattern GROUP_ID = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id");

    private final List<Group> groups;

    @Inject
    public ConsumerGroups(Config config) {
        Map<String, Set<String>> topicsByGroup = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = GROUP_ID.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String prefix = "mp.messaging.incoming." + channel + ".";
            if (!config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(true)) {
                continue;
            }
            String group = config.getValue(name, String.class);
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            topicsByGroup.computeIfAbsent(group, g -> new TreeSet<>()).add(topic);
        }
        this.groups = topicsByGroup.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    ConsumerGroups(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    public List<Group> all() {
        return groups;
    }
}
