package org.cecplatform.systemtests.counting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cecplatform.audit.domain.audit.Audit;
import org.cecplatform.audit.domain.audit.AuditItem;
import org.cecplatform.audit.domain.audit.AuditPolicy;
import org.cecplatform.audit.domain.audit.AuditRuleException;
import org.cecplatform.audit.domain.audit.AuditStatus;
import org.cecplatform.audit.domain.audit.Decision;
import org.cecplatform.audit.domain.audit.DecisionOutcome;
import org.cecplatform.audit.domain.audit.Evidence;
import org.cecplatform.audit.domain.audit.ItemDecision;
import org.cecplatform.audit.domain.audit.LedgerCredit;
import org.cecplatform.audit.domain.audit.RenewalUnderAudit;
import org.cecplatform.audit.domain.audit.Selection;
import org.cecplatform.audit.domain.audit.SubmittedItem;
import org.cecplatform.policy.counting.CecCounter;
import org.cecplatform.renewal.domain.AttestedCecs;
import org.cecplatform.renewal.domain.Certificant;
import org.cecplatform.renewal.domain.Certification;
import org.cecplatform.renewal.domain.CprCard;
import org.cecplatform.renewal.domain.Credit;
import org.cecplatform.renewal.domain.Eligibility;
import org.cecplatform.renewal.domain.Payment;
import org.cecplatform.renewal.domain.Renewal;
import org.cecplatform.renewal.domain.RenewalKind;
import org.cecplatform.renewal.domain.RenewalRequest;
import org.cecplatform.renewal.domain.RenewalRules;

/**
 * One person's random history played through both services' own rules, in the order the days come: the
 * renewal-service's aggregate (grant, early / on-time / late renewals, reinstatements) and the audit-service's
 * (audits of those renewals: submissions, remediation with replacement CECs, overdue audits cured by new verified
 * credits), joined the way the services are joined on Kafka: the audit takes each renewal's counting window from the
 * renewal (the event's {@code countedFrom}/{@code countedTo}), and the renewal's ledger projection marks the
 * replacement credits each {@code AuditDecided} reports. It records, for each credit, every cycle it was counted
 * toward, by either service.
 */
final class PersonHistory {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String[] CATEGORIES = {"GENERAL", "GENERAL", "GENERAL", "COLLEGE_COURSE",
        "COMMITTEE_SERVICE", "CPR_AED_FIRST_AID", "PUBLICATION", "PRESENTATION"};
    private static final UUID DOC = UUID.randomUUID();

    private final Random random;
    private final RenewalRules rules;
    private final AuditPolicy auditPolicy = AuditPolicy.acsm();
    private final boolean projectReplacements;
    private final Certificant person;
    private final List<LedgerCredit> ledger = new ArrayList<>();
    private final Set<UUID> replacements = new HashSet<>();
    private final Map<UUID, Set<String>> countedToward = new LinkedHashMap<>();
    private final Map<UUID, List<String>> howCounted = new LinkedHashMap<>();
    private final List<AuditRun> audits = new ArrayList<>();
    private final PriorityQueue<Step> agenda = new PriorityQueue<>();
    private final List<String> log = new ArrayList<>();
    private final List<Renewal> renewalsSoFar = new ArrayList<>();
    private int renewals;
    private int replacementsReported;
    private boolean revoked;

    /** A piece of an audit's life, due on a day. */
    private record Step(LocalDate on, int order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            int byDay = on.compareTo(other.on);
            return byDay != 0 ? byDay : Integer.compare(order, other.order);
        }
    }

    private int steps;

    /** An audit of one renewal, with the cycle (key) it judges. */
    private static final class AuditRun {
        final String cycle;
        final RenewalUnderAudit renewal;
        Audit audit;
        int decisionsSeen;

        AuditRun(String cycle, RenewalUnderAudit renewal) {
            this.cycle = cycle;
            this.renewal = renewal;
        }
    }

    /**
     * @param projectReplacements false to play a renewal-service that ignores the replacement credits audits report:
     *                            the negative control, which must be caught
     */
    PersonHistory(long seed, RenewalRules rules, boolean projectReplacements) {
        this.random = new Random(seed);
        this.rules = rules;
        this.projectReplacements = projectReplacements;
        this.person = new Certificant("C-" + seed, List.of(), rules);
    }

    /** Plays the whole history; returns this for the checks. */
    PersonHistory play() {
        LocalDate certified = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1400));
        Certification cpt = person.grant(UUID.randomUUID(), "CPT", certified, certified, "staff-1", noon(certified));
        log.add("granted " + certified);
        earnCredits(certified);
        int cycle = 1;
        while (!revoked && renewals < 4) {
            LocalDate end = cpt.cycle().end();
            LocalDate day = renewalDay(end);
            if (day == null) {
                break;
            }
            runAgendaBefore(day);
            if (revoked || !person.certifications().get(0).eligibility(day, rules.calendar()).renewable()) {
                break;
            }
            renew(day, "cycle " + cycle);
            cycle++;
        }
        LocalDate last = agenda.stream().map(Step::on).max(LocalDate::compareTo).orElse(certified).plusDays(1);
        runAgendaBefore(last.plusDays(1));
        if (!revoked) {
            countOpenCycle(last, "cycle " + cycle);
        }
        return this;
    }

    /** Credits counted toward more than one cycle, with those cycles; empty when the rule holds. */
    Map<UUID, Set<String>> countedTwice() {
        Map<UUID, Set<String>> twice = new HashMap<>();
        countedToward.forEach((credit, cycles) -> {
            if (cycles.size() > 1) {
                twice.put(credit, cycles);
            }
        });
        return twice;
    }

    int renewals() {
        return renewals;
    }

    int replacementsReported() {
        return replacementsReported;
    }

    /** What happened, and how each credit counted twice was counted. */
    String log() {
        List<String> lines = new ArrayList<>(log);
        countedTwice().keySet().forEach(id -> {
            LedgerCredit credit = ledger.stream().filter(c -> c.creditId().equals(id)).findFirst().orElseThrow();
            lines.add(id + " completed " + credit.completedOn() + (credit.verified() ? " verified" : "")
                    + (replacements.contains(id) ? " replacement" : "") + ": " + howCounted.get(id));
        });
        return String.join("\n", lines);
    }

    // ------------------------------------------------------------------------------------------ the renewal side

    private void earnCredits(LocalDate certified) {
        int n = 25 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            LocalDate on = certified.minusDays(120).plusDays(random.nextInt(365 * 13));
            BigDecimal cecs = BigDecimal.valueOf(10 + random.nextInt(190), 1);
            ledger.add(new LedgerCredit(UUID.randomUUID(), on, CATEGORIES[random.nextInt(CATEGORIES.length)], cecs,
                    "Course " + i, "Provider", random.nextBoolean(), false));
        }
    }

    /** When the person renews the cycle ending {@code end}: early, on time, late or reinstated; null: never. */
    private LocalDate renewalDay(LocalDate end) {
        int choice = random.nextInt(renewals == 0 ? 4 : 5);
        return switch (choice) {
            case 0 -> end.withDayOfYear(1).plusDays(random.nextInt(200));       // early in the final year
            case 1 -> end.minusDays(random.nextInt(60));                          // late in the final year
            case 2 -> end.plusDays(1 + random.nextInt(180));                      // grace period
            case 3 -> end.plusDays(183 + random.nextInt(700));                    // lapsed: reinstatement
            default -> null;
        };
    }

    private void renew(LocalDate day, String cycleKey) {
        List<Credit> credits = renewalProjection(day);
        BigDecimal fee = person.quote(List.of("CPT"), day).fee().total();
        RenewalRequest request = new RenewalRequest(List.of("CPT"),
                new AttestedCecs(new BigDecimal("60"), null, null, null, null, null), true,
                new CprCard("American Red Cross", day.minusMonths(3), day.plusMonths(20), true),
                new Payment(fee, "USD", "pay-" + UUID.randomUUID()));
        Renewal renewal = person.renew(UUID.randomUUID(), request, day, noon(day), credits, person.id());
        renewals++;
        renewalsSoFar.add(renewal);
        log.add(renewal.kind() + " " + renewal.renewalId() + " on " + day + " counted " + renewal.countedFrom() + ".." + renewal.countedTo());
        for (Credit credit : credits) {
            if (countsIn(credit, renewal.countedFrom(), renewal.countedTo())) {
                count(credit.creditId(), cycleKey + " (renewal)");
            }
        }
        if (random.nextInt(10) < 7) {
            planAudit(renewal, cycleKey);
        }
    }

    /** The credits of the open cycle, as the certifications read counts them on {@code today}. */
    private void countOpenCycle(LocalDate today, String cycleKey) {
        Eligibility eligibility = person.certifications().get(0).eligibility(today, rules.calendar());
        for (Credit credit : renewalProjection(today)) {
            if (countsIn(credit, eligibility.countFrom(), eligibility.countTo())) {
                count(credit.creditId(), cycleKey + " (open)");
            }
        }
    }

    private static boolean countsIn(Credit credit, LocalDate from, LocalDate to) {
        return from != null && to != null && !credit.voided() && !credit.countedElsewhere()
                && !credit.completedOn().isBefore(from) && !credit.completedOn().isAfter(to);
    }

    /** The renewal-service's copy of the ledger on {@code day}: credits completed by then, replacements marked. */
    private List<Credit> renewalProjection(LocalDate day) {
        return ledger.stream().filter(c -> !c.completedOn().isAfter(day))
                .map(c -> new Credit(c.creditId(), c.completedOn(), c.category(), c.cecs(), c.voided(),
                        projectReplacements && replacements.contains(c.creditId())))
                .toList();
    }

    // ------------------------------------------------------------------------------------------ the audit side

    private void planAudit(Renewal renewal, String cycleKey) {
        RenewalUnderAudit underAudit = new RenewalUnderAudit(renewal.renewalId(), person.id(),
                renewal.kind().name(), renewal.credentials(), renewal.level(), renewal.renewedOn().getYear(),
                renewal.renewedOn(), renewal.countedFrom(), renewal.countedTo(), renewal.cecsRequired(),
                renewal.cecsAttested(), renewal.cycleEnd());
        AuditRun run = new AuditRun(cycleKey, underAudit);
        audits.add(run);
        LocalDate opens = renewal.renewedOn().plusDays(random.nextInt(330));
        later(opens, () -> open(run, opens));
    }

    private void open(AuditRun run, LocalDate day) {
        run.audit = Audit.open(auditPolicy, UUID.randomUUID(), run.renewal, Selection.manual("staff-1"),
                evidence(run, day), noon(day));
        record(run, day);
        if (run.audit.status().isFinal()) {
            return;
        }
        if (random.nextInt(5) == 0) { // never sends proof: overdue, maybe cured by new verified credits
            LocalDate check = day.plusDays(40 + random.nextInt(400));
            later(check, () -> creditsArrive(run, check));
            return;
        }
        LocalDate submits = day.plusDays(1 + random.nextInt(28));
        later(submits, () -> submit(run, submits, false));
    }

    private void creditsArrive(AuditRun run, LocalDate day) {
        run.audit.creditsChanged(evidence(run, day), noon(day));
        record(run, day);
    }

    private void submit(AuditRun run, LocalDate day, boolean replacementsAsked) {
        Evidence evidence = evidence(run, day);
        List<SubmittedItem> items = new ArrayList<>();
        for (LedgerCredit credit : evidence.ledger()) {
            boolean eligible = !credit.voided() && !evidence.acceptedElsewhere().containsKey(credit.creditId())
                    && !credit.completedOn().isBefore(run.renewal.windowStart())
                    && (replacementsAsked ? credit.completedOn().isAfter(run.renewal.windowEnd())
                    : !credit.completedOn().isAfter(run.renewal.windowEnd()));
            if (eligible && random.nextInt(3) > 0) {
                items.add(new SubmittedItem(credit.creditId(), null, null, null, null, null, List.of(DOC)));
            }
        }
        if (items.isEmpty()) {
            items.add(new SubmittedItem(null, "Workshop", "Provider", replacementsAsked ? day
                    : run.renewal.windowEnd(), new BigDecimal("10"), "GENERAL", List.of(DOC)));
        }
        try {
            run.audit.submit(items, Set.of(DOC), evidence, UUID::randomUUID, noon(day));
        } catch (AuditRuleException refused) {
            log.add("submission refused: " + refused.violations());
            return; // e.g. a replacement a later renewal counted: the person would send others
        }
        record(run, day);
        LocalDate decides = day.plusDays(1 + random.nextInt(10));
        later(decides, () -> decide(run, decides));
    }

    private void decide(AuditRun run, LocalDate day) {
        Evidence evidence = evidence(run, day);
        if (run.audit.statusAt(noon(day)) != AuditStatus.SUBMITTED) {
            run.audit.advance(noon(day));
            record(run, day);
            return;
        }
        try {
            run.audit.decide(DecisionOutcome.PASSED, null, null, evidence, "auditor-1", noon(day));
        } catch (AuditRuleException notReached) {
            List<ItemDecision> verdicts = new ArrayList<>();
            for (AuditItem item : run.audit.state().items()) {
                if (item.undecided()) {
                    boolean accept = random.nextBoolean();
                    verdicts.add(new ItemDecision(item.itemId(), accept, accept ? null : "no certificate"));
                }
            }
            boolean remediation = verdicts.stream().anyMatch(v -> !v.accepted()) && random.nextInt(4) > 0;
            try {
                run.audit.decide(remediation ? DecisionOutcome.REMEDIATION : DecisionOutcome.FAILED, null, verdicts,
                        evidence, "auditor-1", noon(day));
            } catch (AuditRuleException refused) {
                log.add("decision refused: " + refused.violations());
                return;
            }
        }
        record(run, day);
        if (run.audit.status() == AuditStatus.REMEDIATION) {
            LocalDate resubmits = day.plusDays(5 + random.nextInt(80));
            later(resubmits, () -> submit(run, resubmits, true));
            LocalDate arrive = day.plusDays(30 + random.nextInt(300));
            later(arrive, () -> creditsArrive(run, arrive));
        }
    }

    /** What the audit-service knows on {@code day}: the ledger so far, the person's other audits, later renewals. */
    private Evidence evidence(AuditRun run, LocalDate day) {
        List<LedgerCredit> known = ledger.stream().filter(c -> !c.completedOn().isAfter(day)).toList();
        Map<UUID, UUID> acceptedElsewhere = new HashMap<>();
        for (AuditRun other : audits) {
            if (other != run && other.audit != null) {
                for (AuditItem item : other.audit.state().items()) {
                    if (item.creditId() != null && item.wasAccepted()) {
                        acceptedElsewhere.put(item.creditId(), other.audit.id());
                    }
                }
                for (Decision decision : other.audit.state().decisions()) {
                    decision.replacementCreditIds().forEach(id -> acceptedElsewhere.put(id, other.audit.id()));
                }
            }
        }
        return new Evidence(known, acceptedElsewhere, new CecCounter(rules.policy().cecCaps()),
                laterRenewalCountedTo(run, day));
    }

    /** The last day a renewal made after the audited one (and by {@code day}) counted: every renewal enters the pool. */
    private LocalDate laterRenewalCountedTo(AuditRun run, LocalDate day) {
        return renewalsSoFar.stream().filter(r -> r.renewedOn().isAfter(run.renewal.renewedOn()))
                .filter(r -> !r.renewedOn().isAfter(day)).map(Renewal::countedTo).max(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * After a command. A new decision is when the audit counts credits toward its cycle (and reports the replacements
     * among them, which the renewal-service's projection then marks); between decisions nothing is counted yet.
     */
    private void record(AuditRun run, LocalDate day) {
        List<Decision> decisions = run.audit.state().decisions();
        if (decisions.size() > run.decisionsSeen) {
            run.decisionsSeen = decisions.size();
            Decision last = decisions.get(decisions.size() - 1);
            replacementsReported += last.replacementCreditIds().size();
            replacements.addAll(last.replacementCreditIds());
            for (UUID credit : run.audit.acceptedLedgerCredits(evidence(run, day))) {
                count(credit, run.cycle + " (audit " + last.outcome() + " " + day + ")");
            }
        }
        if (run.audit.status() == AuditStatus.FAILED) {
            revoked = true; // the renewal-service revokes the certification: the history ends
            log.add("audit failed on " + day);
        }
    }

    private void runAgendaBefore(LocalDate day) {
        while (!agenda.isEmpty() && agenda.peek().on().isBefore(day) && !revoked) {
            agenda.poll().action().run();
        }
    }

    private void later(LocalDate on, Runnable action) {
        agenda.add(new Step(on, steps++, action));
    }

    private void count(UUID creditId, String how) {
        countedToward.computeIfAbsent(creditId, id -> new TreeSet<>()).add(how.replaceAll(" \\(.*\\)", ""));
        howCounted.computeIfAbsent(creditId, id -> new ArrayList<>()).add(how);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZONE).toInstant();
    }
}
