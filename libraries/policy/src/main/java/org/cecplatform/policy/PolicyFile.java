package org.cecplatform.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cecplatform.policy.counting.CecCaps;

/**
 * Reads a policy file (YAML) into a {@link PolicyHistory}, refusing one that cannot be read or contradicts itself
 * with an {@link InvalidPolicyException} naming every problem. The file shipped with the product
 * ({@value #SHIPPED_RESOURCE}) holds ACSM's published rules; {@code policy/README.md} describes every field.
 */
public final class PolicyFile {

    /** The classpath resource of the policy shipped with the product. */
    public static final String SHIPPED_RESOURCE = "org/cecplatform/policy/policy.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A credential code as members and staff type it: upper-case letters, digits and underscores. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private PolicyFile() {
    }

    /** The policy shipped with the product (ACSM's rules). */
    public static PolicyHistory shipped() {
        String source = "shipped with the product (classpath:" + SHIPPED_RESOURCE + ")";
        try (InputStream in = PolicyFile.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new InvalidPolicyException(source, List.of("the resource is missing from the classpath"));
            }
            return read(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy file on the filesystem, e.g. the one {@code cec.policy.file} names. */
    public static PolicyHistory read(Path file) {
        String source = "file " + file.toAbsolutePath();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(source, List.of("the file does not exist"));
        } catch (IOException e) {
            throw new InvalidPolicyException(source, "the file cannot be read: " + e, e);
        }
    }

    /** A policy given as text; {@code source} names it in messages. */
    public static PolicyHistory parse(String yaml, String source) {
        try {
            return build(YAML.readValue(yaml, Document.class), source);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        }
    }

    private static PolicyHistory read(InputStream in, String source) throws IOException {
        try {
            return build(YAML.readValue(in, Document.class), source);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        }
    }

    private static InvalidPolicyException unreadable(String source, JsonProcessingException e) {
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("No content to map")) {
            return new InvalidPolicyException(source, "the policy is empty", e);
        }
        String where = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where = " at " + path(mapping.getPath());
        }
        JsonLocation location = e.getLocation();
        String line = location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
        String problem;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; known fields here: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            problem = "unknown field '" + unknown.getPropertyName() + "'" + where + line + known;
        } else {
            problem = "cannot be read" + where + line + ": " + e.getOriginalMessage();
        }
        return new InvalidPolicyException(source, problem, e);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static PolicyHistory build(Document document, String source) {
        if (document == null) {
            throw new InvalidPolicyException(source, List.of("the policy is empty"));
        }
        Checks checks = new Checks();
        ZoneId zone = checks.zone(document.zone());
        String currency = checks.currency(document.currency());
        CalendarRules calendar = checks.calendar(document.calendar());
        AuditWindows audit = checks.audit(document.audit());
        List<PolicyVersion> versions = checks.versions(document.versions());
        if (!checks.problems.isEmpty()) {
            throw new InvalidPolicyException(source, checks.problems);
        }
        return new PolicyHistory(source, zone, currency, calendar, audit, versions);
    }

    /** Collects every problem of a document; each method returns null where it found one. */
    private static final class Checks {

        final List<String> problems = new ArrayList<>();

        void problem(String text) {
            problems.add(text);
        }

        boolean present(Object value, String field) {
            if (value == null) {
                problem(field + " is missing");
                return false;
            }
            return true;
        }

        ZoneId zone(String text) {
            if (!present(text, "zone")) {
                return null;
            }
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                problem("zone '" + text + "' is not a time zone (a region id such as America/New_York)");
                return null;
            }
        }

        String currency(String text) {
            if (!present(text, "currency")) {
                return null;
            }
            try {
                return Currency.getInstance(text.strip()).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                problem("currency '" + text + "' is not an ISO 4217 currency code (such as USD)");
                return null;
            }
        }

        CalendarRules calendar(Calendar raw) {
            if (!present(raw, "calendar")) {
                return null;
            }
            int before = problems.size();
            atLeast(raw.cycleYears(), 1, "calendar.cycleYears");
            atLeast(raw.reinstatementYears(), 0, "calendar.reinstatementYears");
            MonthDay graceEnds = null;
            if (present(raw.graceEnds(), "calendar.graceEnds")) {
                try {
                    graceEnds = MonthDay.parse("--" + raw.graceEnds().strip());
                } catch (DateTimeException e) {
                    problem("calendar.graceEnds '" + raw.graceEnds() + "' is not a valid month-day (MM-DD, e.g. 06-30)");
                }
            }
            return problems.size() > before ? null
                    : new CalendarRules(raw.cycleYears(), graceEnds, raw.reinstatementYears());
        }

        AuditWindows audit(Audit raw) {
            if (!present(raw, "audit")) {
                return null;
            }
            int before = problems.size();
            atLeast(raw.proofWindowDays(), 1, "audit.proofWindowDays");
            atLeast(raw.maxExtensionDays(), 1, "audit.maxExtensionDays");
            atLeast(raw.remediationWindowDays(), 1, "audit.remediationWindowDays");
            atLeastADay(raw.cureWindow(), "audit.cureWindow");
            atLeastADay(raw.auditableFor(), "audit.auditableFor");
            return problems.size() > before ? null : new AuditWindows(raw.proofWindowDays(), raw.maxExtensionDays(),
                    raw.remediationWindowDays(), raw.cureWindow(), raw.auditableFor());
        }

        List<PolicyVersion> versions(List<Version> raw) {
            if (raw == null || raw.isEmpty()) {
                problem("versions: at least one version is required");
                return List.of();
            }
            List<PolicyVersion> versions = new ArrayList<>();
            Version previous = null;
            for (int i = 0; i < raw.size(); i++) {
                Version version = raw.get(i);
                String name = "versions[" + i + "]";
                if (version == null) {
                    problem(name + " is empty");
                    continue;
                }
                if (present(version.effectiveFrom(), name + ".effectiveFrom")) {
                    name += " (effective from " + version.effectiveFrom() + ")";
                    if (i == 0 && version.effectiveFrom().isAfter(PolicyHistory.EARLIEST)) {
                        problem(name + ": the first version must be effective from " + PolicyHistory.EARLIEST
                                + " or earlier, so that it covers every date the services may judge");
                    }
                    if (previous != null && previous.effectiveFrom() != null
                            && !version.effectiveFrom().isAfter(previous.effectiveFrom())) {
                        problem(name + " must take effect after versions[" + (i - 1) + "] (effective from "
                                + previous.effectiveFrom() + "): versions are listed in strictly increasing "
                                + "effectiveFrom");
                    }
                }
                Version whole = previous == null ? version : version.inheriting(previous);
                PolicyVersion checked = version(whole, name, i == 0);
                if (checked != null) {
                    versions.add(checked);
                }
                previous = whole;
            }
            return versions;
        }

        private PolicyVersion version(Version v, String name, boolean first) {
            String missing = first ? " is missing (the first version states every section)" : " is missing";
            int before = problems.size();
            List<Credential> credentials = credentials(v.credentials(), name + ".credentials", missing);
            Fees fees = null;
            if (v.fees() == null) {
                problem(name + ".fees" + missing);
            } else {
                notNegative(v.fees().late(), name + ".fees.late");
                notNegative(v.fees().reinstatement(), name + ".fees.reinstatement");
                notNegative(v.fees().additionalCredential(), name + ".fees.additionalCredential");
                fees = new Fees(v.fees().late(), v.fees().reinstatement(), v.fees().additionalCredential());
            }
            CecCaps caps = null;
            if (v.countingCaps() == null) {
                problem(name + ".countingCaps" + missing);
            } else {
                CountingCaps c = v.countingCaps();
                positive(c.committeeServicePerYear(), name + ".countingCaps.committeeServicePerYear");
                positive(c.committeeServicePerCycle(), name + ".countingCaps.committeeServicePerCycle");
                positive(c.cprAedFirstAidPerYear(), name + ".countingCaps.cprAedFirstAidPerYear");
                caps = new CecCaps(c.committeeServicePerYear(), c.committeeServicePerCycle(), c.cprAedFirstAidPerYear());
            }
            AttestedCaps attested = null;
            if (v.attestedCaps() == null) {
                problem(name + ".attestedCaps" + missing);
            } else {
                positive(v.attestedCaps().committeeService(), name + ".attestedCaps.committeeService");
                positive(v.attestedCaps().cprAedFirstAid(), name + ".attestedCaps.cprAedFirstAid");
                attested = new AttestedCaps(v.attestedCaps().committeeService(), v.attestedCaps().cprAedFirstAid());
            }
            LedgerRules ledger = ledger(v.ledger(), name + ".ledger", missing);
            SamplingRates sampling = sampling(v.sampling(), credentials, name + ".sampling", missing);
            return problems.size() > before ? null
                    : new PolicyVersion(v.effectiveFrom(), credentials, fees, caps, attested, ledger, sampling);
        }

        private List<Credential> credentials(List<RawCredential> raw, String field, String missing) {
            if (raw == null) {
                problem(field + missing);
                return null;
            }
            if (raw.isEmpty()) {
                problem(field + ": at least one credential is required");
                return null;
            }
            List<Credential> credentials = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                RawCredential c = raw.get(i);
                String at = field + "[" + i + "]";
                if (c == null) {
                    problem(at + " is empty");
                    continue;
                }
                if (present(c.code(), at + ".code")) {
                    at = field + "[" + i + "] (" + c.code() + ")";
                    if (!CODE.matcher(c.code()).matches()) {
                        problem(at + ": a credential code is upper-case letters, digits and underscores, starting "
                                + "with a letter");
                    } else if (!seen.add(c.code())) {
                        problem(field + ": " + c.code() + " appears more than once; the list is the tie order and "
                                + "names each credential exactly once");
                    }
                }
                if (present(c.name(), at + ".name") && c.name().isBlank()) {
                    problem(at + ".name is blank");
                }
                positive(c.cecsRequired(), at + ".cecsRequired");
                notNegative(c.fee(), at + ".fee");
                credentials.add(new Credential(c.code(), c.name() == null ? null : c.name().strip(),
                        c.cecsRequired(), c.fee()));
            }
            return credentials;
        }

        private LedgerRules ledger(Ledger raw, String field, String missing) {
            if (raw == null) {
                problem(field + missing);
                return null;
            }
            int before = problems.size();
            if (raw.cecsPerUnit() == null || raw.cecsPerUnit().isEmpty()) {
                problem(field + ".cecsPerUnit: the CECs per reported unit are required");
            } else {
                raw.cecsPerUnit().forEach((unit, factor) -> {
                    if (factor == null || factor.signum() <= 0) {
                        problem(field + ".cecsPerUnit." + unit + " must be more than 0 (conversion factor), not "
                                + factor);
                    }
                });
            }
            positive(raw.maxCecsPerCredit(), field + ".maxCecsPerCredit");
            if (raw.passingGrades() == null || raw.passingGrades().isEmpty()) {
                problem(field + ".passingGrades: at least one passing grade is required");
            } else if (raw.passingGrades().stream().anyMatch(g -> g == null || g.isBlank())) {
                problem(field + ".passingGrades: a grade is blank");
            }
            return problems.size() > before ? null : new LedgerRules(raw.cecsPerUnit(), raw.maxCecsPerCredit(),
                    raw.passingGrades().stream().map(String::strip).toList());
        }

        private SamplingRates sampling(Sampling raw, List<Credential> credentials, String field, String missing) {
            if (raw == null) {
                problem(field + missing);
                return null;
            }
            int before = problems.size();
            rate(raw.defaultRate(), field + ".defaultRate");
            Map<String, BigDecimal> rates = raw.rates() == null ? Map.of() : raw.rates();
            Set<String> levels = credentials == null ? null
                    : credentials.stream().map(Credential::code).collect(Collectors.toSet());
            rates.forEach((level, rate) -> {
                if (levels != null && !levels.contains(level)) {
                    problem(field + ".rates." + level + ": " + level + " is not a credential of this version, so not "
                            + "an audit level (levels: " + credentials.stream().map(Credential::code).toList() + ")");
                }
                rate(rate, field + ".rates." + level);
            });
            return problems.size() > before ? null : new SamplingRates(raw.defaultRate(), rates);
        }

        private void rate(BigDecimal rate, String field) {
            if (present(rate, field) && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
                problem(field + " is " + rate.toPlainString() + "; a sampling rate is a fraction from 0 to 1");
            }
        }

        private void positive(BigDecimal value, String field) {
            if (present(value, field) && value.signum() <= 0) {
                problem(field + " must be more than 0, not " + value.toPlainString());
            }
        }

        private void notNegative(BigDecimal value, String field) {
            if (present(value, field) && value.signum() < 0) {
                problem(field + " must not be negative, not " + value.toPlainString());
            }
        }

        private void atLeast(Integer value, int least, String field) {
            if (present(value, field) && value < least) {
                problem(field + " must be at least " + least + ", not " + value);
            }
        }

        private void atLeastADay(Period period, String field) {
            if (present(period, field) && (period.isNegative() || period.isZero())) {
                problem(field + " must be at least one day, not " + period);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the file

    record Document(String zone, String currency, Calendar calendar, Audit audit, List<Version> versions) {
    }

    record Calendar(Integer cycleYears, String graceEnds, Integer reinstatementYears) {
    }

    record Audit(Integer proofWindowDays, Integer maxExtensionDays, Integer remediationWindowDays, Period cureWindow,
                 Period auditableFor) {
    }

    /** A version as written: a later version may leave out a section, which it then takes from the previous one. */
    record Version(LocalDate effectiveFrom, List<RawCredential> credentials, RawFees fees, CountingCaps countingCaps,
                   RawAttestedCaps attestedCaps, Ledger ledger, Sampling sampling) {

        Version inheriting(Version previous) {
            return new Version(effectiveFrom,
                    credentials != null ? credentials : previous.credentials(),
                    fees != null ? fees : previous.fees(),
                    countingCaps != null ? countingCaps : previous.countingCaps(),
                    attestedCaps != null ? attestedCaps : previous.attestedCaps(),
                    ledger != null ? ledger : previous.ledger(),
                    sampling != null ? sampling : previous.sampling());
        }
    }

    record RawCredential(String code, String name, BigDecimal cecsRequired, BigDecimal fee) {
    }

    record RawFees(BigDecimal late, BigDecimal reinstatement, BigDecimal additionalCredential) {
    }

    record CountingCaps(BigDecimal committeeServicePerYear, BigDecimal committeeServicePerCycle,
                        BigDecimal cprAedFirstAidPerYear) {
    }

    record RawAttestedCaps(BigDecimal committeeService, BigDecimal cprAedFirstAid) {
    }

    record Ledger(Map<String, BigDecimal> cecsPerUnit, BigDecimal maxCecsPerCredit, List<String> passingGrades) {
    }

    record Sampling(BigDecimal defaultRate, Map<String, BigDecimal> rates) {
    }
}
