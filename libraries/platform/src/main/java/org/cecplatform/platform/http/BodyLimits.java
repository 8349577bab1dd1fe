package org.cecplatform.platform.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The body limit of a request path: the first configured route that matches it, else the default. Pure. */
public final class BodyLimits {

    private record Rule(String name, Pattern path, long maxBytes) {
    }

    private final long defaultBytes;
    private final List<Rule> rules;

    public BodyLimits(long defaultBytes, Map<String, Long> maxBytesByPath) {
        this.defaultBytes = defaultBytes;
        this.rules = maxBytesByPath.entrySet().stream()
                .map(e -> new Rule(e.getKey(), Pattern.compile(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Rule::name)) // a stable order whatever the map's
                .toList();
    }

    static BodyLimits of(BodyLimitConfig config) {
        Map<String, Long> routes = new java.util.HashMap<>();
        config.routes().values().forEach(r -> routes.put(r.path(), r.max().asLongValue()));
        return new BodyLimits(config.defaultLimit().asLongValue(), routes);
    }

    public long maxBytes(String path) {
        for (Rule rule : rules) {
            if (rule.path().matcher(path).matches()) {
                return rule.maxBytes();
            }
        }
        return defaultBytes;
    }
}
