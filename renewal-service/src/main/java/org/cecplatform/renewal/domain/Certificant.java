package org.cecplatform.renewal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cecplatform.policy.counting.CecCount;

/**
 * The aggregate: one certified person and every certification they hold or held. A renewal may cover several of
 * their credentials at once, so the person (not the single certification) is the unit of consistency: every
 * command loads the person, decides, and records its {@link #changes()} in one transaction.
 *
 * <p>Every command first {@linkplain #settle settles} the recorded statuses with the calendar, so what it decides
 * on, and what it publishes, follows the order in which things happened.
 */
public final class Certificant {

    static final int MAX_REFERENCE_LENGTH = 100;

    private final String certificantId;
    private final List<Certification> certifications;
    private final RenewalRules rules;
    private final List<CertificationEvent> changes = new ArrayList<>();

    public Certificant(String certificantId, List<Certification> certifications, RenewalRules rules) {
        this.certificantId = Objects.requireNonNull(certificantId, "certificantId");
        this.certifications = new ArrayList<>(certifications);
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The person as their stream tells it: every event they ever had, oldest first, folded (README "Event sourcing").
     * The rules are those of the day the caller decides on; folding itself uses no rule, only what the events say.
     */
    public static Certificant fromHistory(String certificantId, List<CertificationEvent> history, RenewalRules rules) {
        List<Certification> certifications = new ArrayList<>();
        for (CertificationEvent event : history) {
            if (event instanceof CertificationEvent.Granted g) {
                certifications.add(Certification.granted(g.certificationId(), certificantId, g.credential(),
                        g.certifiedOn(), g.cycleEnd(), g.grantedBy(), g.grantedAt()));
            } else if (event instanceof CertificationEvent.StatusChanged s) {
                byId(certifications, s.certificationId()).apply(s);
            } else if (event instanceof CertificationEvent.AuditHoldChanged h) {
                byId(certifications, h.certificationId()).apply(h);
            } else if (event instanceof CertificationEvent.Renewed r) {
                Renewal renewal = r.renewal();
                for (RenewedCertification renewed : renewal.certifications()) {
                    Certification c = renewed.certificationId() != null
                            ? byId(certifications, renewed.certificationId())
                            : heldWith(certifications, renewed.credential());
                    c.startCycle(c.cycle().next(renewal.kind(), renewal.renewedOn(), renewal.cycleStart(),
                            renewal.cycleEnd(), renewal.renewalId()));
                }
            }
        }
        return new Certificant(certificantId, certifications, rules);
    }

    private static Certification byId(List<Certification> certifications, UUID id) {
        return certifications.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the stream names certification " + id
                        + " before granting it"));
    }

    /**
     * The certification held with a credential when a renewal of it was recorded (events of version 1 name the
     * credential only): the last one granted that was not revoked or expired then; a person holds a credential once.
     */
    private static Certification heldWith(List<Certification> certifications, String credential) {
        Certification held = null;
        for (Certification c : certifications) {
            if (c.credential().equals(credential) && !c.recordedStatus().isFinal()) {
                held = c;
            }
        }
        if (held == null) {
            throw new IllegalStateException("the stream renews " + credential + " while no certification holds it");
        }
        return held;
    }

    /** The certifications a renewal started a cycle of: what an audit of that renewal is about. */
    public List<UUID> certificationsRenewedBy(UUID renewalId) {
        return certifications.stream()
                .filter(c -> c.cycles().stream().anyMatch(y -> renewalId.equals(y.renewalId())))
                .map(Certification::id).toList();
    }

    public String id() {
        return certificantId;
    }

    /** Every certification, oldest grant first. */
    public List<Certification> certifications() {
        return List.copyOf(certifications);
    }

    /** What the commands run on this instance changed, in order. */
    public List<CertificationEvent> changes() {
        return List.copyOf(changes);
    }

    /** The renewals recorded by the commands run on this instance. */
    public List<Renewal> newRenewals() {
        return changes.stream().filter(CertificationEvent.Renewed.class::isInstance)
                .map(e -> ((CertificationEvent.Renewed) e).renewal()).toList();
    }

    /** The certification of a credential the person holds now (neither revoked nor expired), if any. */
    public Optional<Certification> held(String credential, LocalDate today) {
        return certifications.stream()
                .filter(c -> c.credential().equals(credential) && c.isHeldOn(today, rules.calendar()))
                .findFirst();
    }

    // ------------------------------------------------------------------------------------------------ statuses

    /** Moves each recorded status along the calendar up to {@code today}: one StatusChanged per step. */
    public void settle(LocalDate today, Instant now) {
        CycleCalendar calendar = rules.calendar();
        for (Certification c : certifications) {
            for (CycleCalendar.Transition step : calendar.transitionsSince(c.recordedStatus(), c.cycle().end(), today)) {
                change(c, step.to(), calendarReason(step.to(), c.cycle().end()), step.effectiveOn(), now);
            }
        }
    }

    /** The day the calendar next moves this certification's recorded status, null when it never will by itself. */
    public LocalDate nextStatusChangeOn(Certification certification) {
        return rules.calendar().nextChangeOn(certification.recordedStatus(), certification.cycle().end());
    }

    private String calendarReason(CertificationStatus to, LocalDate cycleEnd) {
        CycleCalendar calendar = rules.calendar();
        return switch (to) {
            case GRACE -> "the cycle ended on " + cycleEnd + "; grace period (late renewal) until "
                    + calendar.graceEnds(cycleEnd);
            case LAPSED -> "the grace period ended on " + calendar.graceEnds(cycleEnd)
                    + "; reinstatement possible until " + calendar.reinstatableUntil(cycleEnd);
            case EXPIRED -> "lapsed beyond the reach of reinstatement (possible until "
                    + calendar.reinstatableUntil(cycleEnd) + "); only a new certification exam restores it";
            default -> "calendar";
        };
    }

    private void change(Certification c, CertificationStatus to, String reason, LocalDate effectiveOn, Instant now) {
        change(c, to, reason, effectiveOn, now, null);
    }

    /** @param auditId the audit that caused the change, if one did (INACTIVE: the audit that holds it) */
    private void change(Certification c, CertificationStatus to, String reason, LocalDate effectiveOn, Instant now,
                        UUID auditId) {
        CertificationStatus from = c.recordedStatus();
        if (from == to) {
            return;
        }
        CertificationEvent.StatusChanged changed = new CertificationEvent.StatusChanged(c.id(), certificantId,
                c.credential(), from, to, reason, effectiveOn, now, auditId);
        c.apply(changed);
        changes.add(changed);
    }

    // ------------------------------------------------------------------------------------------------ grant

    /**
     * Grants a certification after an exam. {@code certifiedOn} null means today (in the policy zone). A past date is
     * accepted (records kept elsewhere before) as long as the certification would not already be out of reach.
     *
     * @throws RequirementsUnmetException     unknown credential, a date in the future or too far back
     * @throws CertificationConflictException the person already holds this credential
     */
    public Certification grant(UUID certificationId, String credential, LocalDate certifiedOn, LocalDate today,
                               String grantedBy, Instant now) {
        settle(today, now);
        List<Violation> violations = grantViolations(credential, certifiedOn, today, rules);
        if (!violations.isEmpty()) {
            throw new RequirementsUnmetException("The certification cannot be granted.", violations);
        }
        String code = normalise(credential);
        LocalDate on = certifiedOn == null ? today : certifiedOn;
        LocalDate cycleEnd = rules.calendar().cycleEndFor(on);
        Optional<Certification> held = held(code, today);
        if (held.isPresent()) {
            throw new CertificationConflictException("credential-held", certificantId + " already holds " + code
                    + " (certification " + held.get().id() + ", " + held.get().statusOn(today, rules.calendar())
                    + "); a credential is granted again only after it was revoked or expired");
        }
        Certification granted = Certification.granted(certificationId, certificantId, code, on, cycleEnd, grantedBy,
                now);
        certifications.add(granted);
        changes.add(new CertificationEvent.Granted(granted.id(), certificantId, code, on, on, cycleEnd, grantedBy,
                now));
        settle(today, now); // a past certification date may already be in grace or lapsed
        return granted;
    }

    /** What is wrong with a grant's credential and date, whoever it is for. */
    public static List<Violation> grantViolations(String credential, LocalDate certifiedOn, LocalDate today,
                                                  RenewalRules rules) {
        List<Violation> violations = new ArrayList<>();
        String code = normalise(credential);
        if (code == null) {
            violations.add(new Violation("credential", "is required"));
        } else if (!rules.policy().knows(code)) {
            violations.add(new Violation("credential", unknownCredential(code, rules.policy())));
        }
        LocalDate on = certifiedOn == null ? today : certifiedOn;
        LocalDate cycleEnd = rules.calendar().cycleEndFor(on);
        if (on.isAfter(today)) {
            violations.add(new Violation("certifiedOn", "must not be in the future (today is " + today + " in "
                    + rules.policy().zone() + ")"));
        } else if (rules.calendar().phase(cycleEnd, today) == Phase.OUT_OF_REACH) {
            violations.add(new Violation("certifiedOn", "a certification of " + on
                    + " would already be expired (its cycle ended on " + cycleEnd
                    + " and could be reinstated until " + rules.calendar().reinstatableUntil(cycleEnd) + ")"));
        }
        return violations;
    }

    // ------------------------------------------------------------------------------------------------ progress

    /** Each certification (held or not) as of {@code today}, with the ledger's credits counted toward its cycle. */
    public List<CertificationProgress> progress(LocalDate today, Collection<Credit> credits) {
        List<CertificationProgress> all = new ArrayList<>();
        for (Certification c : certifications) {
            Eligibility eligibility = c.eligibility(today, rules.calendar());
            CecCount tracked = rules.counter().count(credits, eligibility.countFrom(), eligibility.countTo());
            all.add(progress(c, eligibility, tracked, today));
        }
        return all;
    }

    /**
     * The progress of the person's latest certification of {@code credential} (held or not) in its current cycle,
     * with every credit of the ledger explained: the same count as {@link #progress}, asked for its lines. Empty when
     * they never held it.
     */
    public Optional<ExplainedProgress> explainedProgress(String credential, LocalDate today,
                                                         Collection<Credit> credits) {
        return explainedProgress(credential, null, today, credits);
    }

    /**
     * {@link #explainedProgress(String, LocalDate, Collection)} of cycle number {@code cycleNumber} (null: the current
     * one). A past cycle is counted as its renewal counted it: from its first counting day to the renewal's request
     * day (a reinstatement: to the cycle's end), with today's ledger. Empty when they never held the credential or
     * its certification has no such cycle.
     */
    public Optional<ExplainedProgress> explainedProgress(String credential, Integer cycleNumber, LocalDate today,
                                                         Collection<Credit> credits) {
        String code = normalise(credential);
        Certification latest = null;
        for (Certification c : certifications) {
            if (c.credential().equals(code)) {
                latest = c;
            }
        }
        if (latest == null) {
            return Optional.empty();
        }
        Eligibility eligibility = latest.eligibility(today, rules.calendar());
        List<Cycle> cycles = latest.cycles();
        int index = cycles.size() - 1;
        LocalDate from = eligibility.countFrom();
        LocalDate to = eligibility.countTo();
        if (cycleNumber != null && cycleNumber != latest.cycle().number()) {
            index = indexOfCycle(cycles, cycleNumber);
            if (index < 0 || index == cycles.size() - 1) {
                return Optional.empty();
            }
            from = cycles.get(index).countingFrom();
            to = ProgressExplainer.countedUntil(cycles.get(index), cycles.get(index + 1));
        }
        CecCount counted = rules.counter().explain(credits, from, to);
        List<CreditExplanation> lines = new ProgressExplainer(latest, index, from, to, rules.counter().caps())
                .explain(counted.lines());
        return Optional.of(new ExplainedProgress(progress(latest, eligibility, counted, today), cycles.get(index),
                from, to, lines));
    }

    private static int indexOfCycle(List<Cycle> cycles, int number) {
        for (int i = 0; i < cycles.size(); i++) {
            if (cycles.get(i).number() == number) {
                return i;
            }
        }
        return -1;
    }

    private CertificationProgress progress(Certification c, Eligibility eligibility, CecCount tracked,
                                           LocalDate today) {
        BigDecimal required = rules.policy().credential(c.credential()).map(CredentialRule::cecsRequired)
                .orElse(BigDecimal.ZERO);
        BigDecimal remaining = required.subtract(tracked.total()).max(BigDecimal.ZERO);
        long daysLeft = eligibility.deadline() == null ? 0
                : Math.max(0, ChronoUnit.DAYS.between(today, eligibility.deadline()));
        return new CertificationProgress(c, eligibility, tracked, required, remaining, daysLeft);
    }

    // ------------------------------------------------------------------------------------------------ renewal

    private record Selection(List<Certification> certifications, RenewalKind kind) {
    }

    /**
     * What renewing {@code credentials} today requires and costs.
     *
     * @throws RequirementsUnmetException naming every credential that cannot be renewed now, and why
     */
    public RenewalQuote quote(List<String> credentials, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        Selection selection = select(credentials, today, violations);
        if (selection == null) {
            throw new RequirementsUnmetException("These credentials cannot be renewed together now.", violations);
        }
        return quote(selection, today);
    }

    private RenewalQuote quote(Selection selection, LocalDate today) {
        Policy policy = rules.policy();
        List<String> codes = selection.certifications().stream().map(Certification::credential)
                .sorted(Comparator.comparingInt(policy::rank)).toList();
        CredentialRule level = policy.highest(codes);
        LocalDate start;
        LocalDate end;
        if (selection.kind() == RenewalKind.REINSTATEMENT) {
            start = today;
            end = rules.calendar().cycleEndFor(today);
        } else {
            LocalDate previousEnd = selection.certifications().stream()
                    .filter(c -> c.credential().equals(level.code())).findFirst().orElseThrow().cycle().end();
            start = rules.calendar().renewedCycleStart(previousEnd);
            end = rules.calendar().renewedCycleEnd(previousEnd);
        }
        return new RenewalQuote(codes, selection.kind(), level.code(), level.cecsRequired(),
                rules.fees().price(selection.kind(), codes), start, end);
    }

    /** The certifications named, all renewable now and in the same phase; null (with violations) otherwise. */
    private Selection select(List<String> requested, LocalDate today, List<Violation> violations) {
        if (requested == null || requested.isEmpty()) {
            violations.add(new Violation("credentials", "name at least one credential to renew"));
            return null;
        }
        int before = violations.size();
        Set<String> seen = new HashSet<>();
        Map<Certification, Phase> chosen = new LinkedHashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String field = "credentials[" + i + "]";
            String code = normalise(requested.get(i));
            if (code == null) {
                violations.add(new Violation(field, "must not be blank"));
                continue;
            }
            if (!rules.policy().knows(code)) {
                violations.add(new Violation(field, unknownCredential(code)));
                continue;
            }
            if (!seen.add(code)) {
                violations.add(new Violation(field, code + " is named more than once"));
                continue;
            }
            Optional<Certification> held = held(code, today);
            if (held.isEmpty()) {
                Optional<Certification> former = certifications.stream()
                        .filter(c -> c.credential().equals(code)).reduce((a, b) -> b);
                violations.add(new Violation(field, former
                        .map(c -> code + " is not held: " + String.join("; ",
                                c.eligibility(today, rules.calendar()).reasons()))
                        .orElse("you hold no " + code + " certification")));
                continue;
            }
            Eligibility eligibility = held.get().eligibility(today, rules.calendar());
            if (!eligibility.renewable()) {
                violations.add(new Violation(field, code + " cannot be renewed now: "
                        + String.join("; ", eligibility.reasons())));
                continue;
            }
            chosen.put(held.get(), eligibility.phase());
        }
        Set<Phase> phases = new HashSet<>(chosen.values());
        if (phases.size() > 1) {
            violations.add(new Violation("credentials", "one renewal may not mix credentials in different states: "
                    + chosen.entrySet().stream()
                    .map(e -> e.getKey().credential() + " " + describe(e.getValue()))
                    .collect(Collectors.joining(", "))));
        }
        if (violations.size() > before) {
            return null;
        }
        Phase phase = phases.iterator().next();
        return new Selection(List.copyOf(chosen.keySet()), phase.renewalKind());
    }

    private static String describe(Phase phase) {
        return switch (phase) {
            case DUE -> "is due (renewal on time)";
            case GRACE -> "is in its grace period (late renewal)";
            case LAPSED -> "has lapsed (reinstatement)";
            default -> "is " + phase.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The credentials chosen and what renewing them costs, once every requirement of the form is checked. */
    private record Checked(Selection selection, RenewalQuote quote) {
    }

    /**
     * Checks a renewal form against every requirement but the payment, as of {@code today} (the day it is
     * requested): the quote that fixes its kind, fee and cycle, which the member then pays.
     *
     * @throws RequirementsUnmetException listing every unmet requirement
     */
    public RenewalQuote checkRenewal(RenewalRequest request, LocalDate today, Instant now) {
        settle(today, now);
        List<Violation> violations = new ArrayList<>();
        Checked checked = checkRequirements(request, today, violations);
        if (!violations.isEmpty()) {
            throw new RequirementsUnmetException("The renewal does not meet every requirement.", violations);
        }
        return checked.quote();
    }

    /** Records that a request this person made ({@link #checkRenewal checked}) now waits for its fee. */
    public void awaitPayment(PendingRenewal pending) {
        changes.add(new CertificationEvent.PaymentRequested(ownRequest(pending)));
    }

    /** Records that a request this person made expired unpaid at {@code now}. */
    public void pendingRenewalExpired(PendingRenewal pending, Instant now) {
        ownRequest(pending);
        changes.add(new CertificationEvent.PendingRenewalExpired(pending.renewalId(), certificantId,
                pending.paymentReference(), now));
    }

    private PendingRenewal ownRequest(PendingRenewal pending) {
        if (!certificantId.equals(pending.certificantId())) {
            throw new IllegalArgumentException("renewal " + pending.renewalId() + " is " + pending.certificantId()
                    + "'s, not " + certificantId + "'s");
        }
        return pending;
    }

    /**
     * Renews (or reinstates) the credentials named, if every requirement is met and the payment is exactly the fee:
     * the next cycle is fixed at once and the renewal is final.
     *
     * @param today   the day the renewal was requested: it fixes the kind, fee, counting window and CPR check
     * @param now     the moment the renewal is recorded (the provider confirmed the payment)
     * @param credits the person's ledger credits: what the ledger tracked for each cycle renewed is stored beside
     *                the attested totals
     * @throws RequirementsUnmetException listing every unmet requirement
     */
    public Renewal renew(UUID renewalId, RenewalRequest request, LocalDate today, Instant now,
                         Collection<Credit> credits, String submittedBy) {
        settle(today, now);
        List<Violation> violations = new ArrayList<>();
        Checked checked = checkRequirements(request, today, violations);
        RenewalQuote quote = checked.quote();
        Selection selection = checked.selection();
        checkPayment(request.payment(), quote, violations);
        if (!violations.isEmpty()) {
            throw new RequirementsUnmetException("The renewal does not meet every requirement.", violations);
        }

        RenewalKind kind = quote.kind();
        boolean reinstatement = kind == RenewalKind.REINSTATEMENT;
        List<RenewedCertification> renewed = new ArrayList<>();
        for (Certification c : selection.certifications()) {
            Cycle previous = c.cycle();
            // Reinstatement: only credits completed inside the lapsed cycle's window. Otherwise everything up to the
            // renewal date (grace-period credits count toward the expired cycle); later credits go to the new one.
            LocalDate countTo = reinstatement ? previous.end() : today;
            BigDecimal tracked = rules.counter().count(credits, previous.countingFrom(), countTo).total();
            LocalDate gapFrom = reinstatement ? previous.end().plusDays(1) : null;
            LocalDate gapTo = reinstatement ? today.minusDays(1) : null;
            renewed.add(new RenewedCertification(c.id(), c.credential(), previous.start(), previous.end(), tracked,
                    gapFrom, gapTo, previous.countingFrom(), countTo));
            c.startCycle(previous.next(kind, today, quote.cycleStart(), quote.cycleEnd(), renewalId));
        }
        AttestationCaps caps = rules.policy().attestationCaps();
        AttestedCecs counted = request.attestedCecs().counted(caps);
        BigDecimal cecsTracked = renewed.stream().map(RenewedCertification::cecsTracked)
                .min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        Payment payment = new Payment(request.payment().amount(), request.payment().currency(),
                request.payment().reference().strip());
        Renewal renewal = new Renewal(renewalId, certificantId, kind, quote.credentials(), quote.level(), today, now,
                quote.cycleStart(), quote.cycleEnd(), sortByRank(renewed), quote.cecsRequired(),
                request.attestedCecs(), counted, counted.total(), cecsTracked, quote.fee(), payment, request.cpr(),
                submittedBy);
        changes.add(new CertificationEvent.Renewed(renewal));
        for (Certification c : selection.certifications()) { // GRACE or LAPSED → ACTIVE, after the renewal itself
            change(c, CertificationStatus.ACTIVE, (reinstatement ? "reinstated" : "renewed") + " (renewal "
                    + renewalId + ")", today, now);
        }
        return renewal;
    }

    private Checked checkRequirements(RenewalRequest request, LocalDate today, List<Violation> violations) {
        Selection selection = select(request.credentials(), today, violations);
        RenewalQuote quote = selection == null ? null : quote(selection, today);
        checkAttested(request.attestedCecs(), quote, violations);
        if (!Boolean.TRUE.equals(request.acknowledged())) {
            violations.add(new Violation("acknowledged", "confirm that the CECs were completed (acknowledged: true)"));
        }
        checkCpr(request.cpr(), today, violations);
        return new Checked(selection, quote);
    }

    private List<RenewedCertification> sortByRank(List<RenewedCertification> renewed) {
        return renewed.stream().sorted(Comparator.comparingInt(r -> rules.policy().rank(r.credential()))).toList();
    }

    private void checkAttested(AttestedCecs attested, RenewalQuote quote, List<Violation> violations) {
        if (attested == null) {
            violations.add(new Violation("attestedCecs", "the attested CEC totals are required"));
            return;
        }
        boolean readable = true;
        for (Map.Entry<String, BigDecimal> field : attested.fields().entrySet()) {
            BigDecimal value = field.getValue();
            if (value == null) {
                continue;
            }
            if (value.signum() < 0) {
                violations.add(new Violation("attestedCecs." + field.getKey(), "must not be negative"));
                readable = false;
            } else if (value.stripTrailingZeros().scale() > 1) {
                violations.add(new Violation("attestedCecs." + field.getKey(), "at most one decimal place"));
                readable = false;
            }
        }
        if (readable && quote != null) {
            BigDecimal counted = attested.counted(rules.policy().attestationCaps()).total();
            if (counted.compareTo(quote.cecsRequired()) < 0) {
                AttestationCaps caps = rules.policy().attestationCaps();
                violations.add(new Violation("attestedCecs", "the attested CECs add up to " + display(counted)
                        + " (committeeService counted at most " + display(caps.committeeService())
                        + ", cprAedFirstAid at most " + display(caps.cprAedFirstAid()) + "); " + quote.level()
                        + " requires " + display(quote.cecsRequired())));
            }
        }
    }

    private void checkCpr(CprCard cpr, LocalDate today, List<Violation> violations) {
        if (cpr == null) {
            violations.add(new Violation("cpr", "a current CPR/AED card is required"));
            return;
        }
        if (cpr.provider() == null || cpr.provider().isBlank()) {
            violations.add(new Violation("cpr.provider", "is required"));
        }
        if (cpr.issuedOn() == null) {
            violations.add(new Violation("cpr.issuedOn", "is required"));
        } else if (cpr.issuedOn().isAfter(today)) {
            violations.add(new Violation("cpr.issuedOn", "must not be in the future (today is " + today + ")"));
        }
        if (cpr.expiresOn() == null) {
            violations.add(new Violation("cpr.expiresOn", "is required"));
        } else if (cpr.expiresOn().isBefore(today)) {
            violations.add(new Violation("cpr.expiresOn", "the card expired on " + cpr.expiresOn()
                    + "; it must be current on the submission date (" + today + ")"));
        } else if (cpr.issuedOn() != null && cpr.expiresOn().isBefore(cpr.issuedOn())) {
            violations.add(new Violation("cpr.expiresOn", "must not be before the issue date"));
        }
        if (!Boolean.TRUE.equals(cpr.handsOnSkills())) {
            violations.add(new Violation("cpr.handsOnSkills",
                    "the card must include a hands-on skills component; online-only cards are refused"));
        }
    }

    private void checkPayment(Payment payment, RenewalQuote quote, List<Violation> violations) {
        if (payment == null) {
            violations.add(new Violation("payment", "the payment of the fee is required"));
            return;
        }
        String currency = rules.policy().currency();
        if (!currency.equals(payment.currency())) {
            violations.add(new Violation("payment.currency", "must be " + currency));
        }
        if (payment.amount() == null) {
            violations.add(new Violation("payment.amount", "is required"));
        } else if (quote != null && payment.amount().compareTo(quote.fee().total()) != 0) {
            violations.add(new Violation("payment.amount", "must be exactly the fee, " + quote.fee().total().toPlainString()
                    + " " + currency + " (paid " + payment.amount().toPlainString() + ")"));
        }
        if (payment.reference() == null || payment.reference().isBlank()) {
            violations.add(new Violation("payment.reference", "the payment provider's reference is required"));
        } else if (payment.reference().strip().length() > MAX_REFERENCE_LENGTH) {
            violations.add(new Violation("payment.reference", "at most " + MAX_REFERENCE_LENGTH + " characters"));
        }
    }

    // ------------------------------------------------------------------------------------------------ audits

    /**
     * The certifications an audit event is about: those its renewal covered when known (ids), otherwise the held
     * certifications of the credentials it lists.
     */
    private List<Certification> targets(Collection<UUID> certificationIds, Collection<String> credentials,
                                        LocalDate today) {
        if (certificationIds != null && !certificationIds.isEmpty()) {
            return certifications.stream().filter(c -> certificationIds.contains(c.id())).toList();
        }
        if (credentials == null) {
            return List.of();
        }
        return credentials.stream().map(Certificant::normalise).filter(Objects::nonNull).distinct()
                .map(code -> held(code, today)).flatMap(Optional::stream).toList();
    }

    /** Audit proof overdue: INACTIVE until the audit is cured, whatever the calendar does meanwhile. */
    public void auditOverdue(UUID auditId, Collection<UUID> certificationIds, Collection<String> credentials,
                             LocalDate today, Instant now) {
        settle(today, now);
        for (Certification c : targets(certificationIds, credentials, today)) {
            if (c.recordedStatus().isFinal()) {
                continue;
            }
            if (c.recordedStatus() == CertificationStatus.INACTIVE) {
                if (!auditId.equals(c.inactiveAuditId())) { // a later overdue audit now holds it
                    CertificationEvent.AuditHoldChanged moved = new CertificationEvent.AuditHoldChanged(c.id(),
                            certificantId, auditId, now);
                    c.apply(moved);
                    changes.add(moved);
                }
                continue;
            }
            change(c, CertificationStatus.INACTIVE, "audit " + auditId + ": proof overdue", today, now, auditId);
        }
    }

    /** The overdue audit was cured: the calendar's status applies again. */
    public void auditCured(UUID auditId, Collection<UUID> certificationIds, Collection<String> credentials,
                           LocalDate today, Instant now) {
        settle(today, now);
        for (Certification c : targets(certificationIds, credentials, today)) {
            boolean heldByThisAudit = c.inactiveAuditId() == null || c.inactiveAuditId().equals(auditId);
            if (c.recordedStatus() != CertificationStatus.INACTIVE || !heldByThisAudit) {
                continue;
            }
            CertificationStatus calendar = rules.calendar().statusOn(c.cycle().end(), today);
            change(c, calendar, "audit " + auditId + " cured", today, now, auditId);
        }
    }

    /** The audit finally failed: REVOKED, for good. */
    public void auditFailed(UUID auditId, Collection<UUID> certificationIds, Collection<String> credentials,
                            String reason, LocalDate today, Instant now) {
        settle(today, now);
        for (Certification c : targets(certificationIds, credentials, today)) {
            if (c.recordedStatus().isFinal()) {
                continue;
            }
            change(c, CertificationStatus.REVOKED, "audit " + auditId + " failed" + (reason == null ? "" : ": " + reason),
                    today, now, auditId);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Credential codes are compared in upper case; blank is null. */
    public static String normalise(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    private String unknownCredential(String code) {
        return unknownCredential(code, rules.policy());
    }

    private static String unknownCredential(String code, Policy policy) {
        return "unknown credential '" + code + "'; known: " + policy.credentials().stream()
                .map(CredentialRule::code).collect(Collectors.joining(", "));
    }

    static String display(BigDecimal cecs) {
        return cecs.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
