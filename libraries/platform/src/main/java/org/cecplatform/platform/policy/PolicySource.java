package org.cecplatform.platform.policy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cecplatform.policy.PolicyFile;
import org.cecplatform.policy.PolicyHistory;
import org.cecplatform.policy.PolicyVersion;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The policy every service judges by: the file shipped with the product ({@code policy} module), or the file
 * {@code cec.policy.file} names (a filesystem path; env {@code CEC_POLICY_FILE}), which replaces it. Read once, at
 * start-up: a policy that cannot be read or contradicts itself stops the service with a message naming each problem,
 * and so does a configuration key that used to hold a policy value (it would otherwise be silently ignored).
 */
@ApplicationScoped
public class PolicySource {

    private static final Logger LOG = Logger.getLogger(PolicySource.class);

    /** Keys (or key prefixes, ending in a dot) that held policy values before the policy file. */
    static final List<String> RETIRED_KEYS = List.of(
            "cec.policy.zone", "cec.policy.currency", "cec.policy.cycle-years", "cec.policy.grace-ends",
            "cec.policy.reinstatement-years", "cec.policy.late-fee", "cec.policy.reinstatement-fee",
            "cec.policy.additional-credential-fee", "cec.policy.rank", "cec.policy.credentials.",
            "cec.policy.caps.", "cec.policy.attested-caps.",
            "cec.policy.time-zone", "cec.policy.conversion.", "cec.policy.max-cecs-per-credit",
            "cec.policy.passing-grades",
            "cec.audit.levels", "cec.audit.zone", "cec.audit.proof-window-days", "cec.audit.max-extension-days",
            "cec.audit.remediation-window-days", "cec.audit.cure-window", "cec.audit.auditable-for",
            "cec.audit.sampling.default-rate");

    @Produces
    @Singleton
    @Startup
    PolicyHistory policy(@ConfigProperty(name = "cec.policy.file") Optional<String> file) {
        List<String> retired = retiredKeysIn(ConfigProvider.getConfig().getPropertyNames());
        if (!retired.isEmpty()) {
            throw new IllegalStateException("Configuration keys that used to hold policy values are set: " + retired
                    + ". The policy is in the policy file now (policy/README.md): change a copy of it and name the copy"
                    + " with cec.policy.file (env CEC_POLICY_FILE); remove these keys.");
        }
        PolicyHistory policy = load(file);
        LOG.infof("Policy %s: zone %s, %s; versions effective from %s", policy.source(), policy.zone(),
                policy.currency(), policy.versions().stream().map(PolicyVersion::effectiveFrom).toList());
        return policy;
    }

    /** The file {@code file} names when given (blank is not given), else the policy shipped with the product. */
    public static PolicyHistory load(Optional<String> file) {
        return file.map(String::strip).filter(path -> !path.isEmpty())
                .map(path -> PolicyFile.read(Path.of(path)))
                .orElseGet(PolicyFile::shipped);
    }

    /**
     * The retired keys among configuration property names, as properties ({@code cec.policy.late-fee}, also behind a
     * profile: {@code %prod.cec.policy.late-fee}) or environment variables ({@code CEC_POLICY_LATE_FEE}).
     */
    static List<String> retiredKeysIn(Iterable<String> propertyNames) {
        List<String> retiredForms = RETIRED_KEYS.stream().map(PolicySource::normalised).toList();
        // One name per key: an environment variable is also listed in a dotted form; name it as it was set (the
        // upper-case form sorts first).
        Map<String, String> found = new TreeMap<>();
        for (String name : new TreeSet<>(toList(propertyNames))) {
            String key = name.startsWith("%") && name.indexOf('.') > 0 ? name.substring(name.indexOf('.') + 1) : name;
            String form = normalised(key);
            for (String retired : retiredForms) {
                if (retired.endsWith("_") ? form.startsWith(retired) : form.equals(retired)) {
                    found.putIfAbsent(normalised(name), name);
                }
            }
        }
        return new ArrayList<>(new TreeSet<>(found.values()));
    }

    private static List<String> toList(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        return list;
    }

    /** How MicroProfile Config matches an environment variable to a property: non-alphanumerics as underscores. */
    private static String normalised(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }
}
