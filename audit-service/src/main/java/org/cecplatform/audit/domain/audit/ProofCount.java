package org.cecplatform.audit.domain.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cecplatform.policy.counting.CountableCredit;

/**
 * The CECs an audit accepts, counted as the renewal-service counts a cycle (categories, caps): verified ledger
 * credits completed inside the counted window; verified replacement credits earned once the audit asked for them;
 * and, unless only verified credits are asked for, the items the reviewer accepted. Each credit counts once (by
 * credit id); a credit accepted in another audit of the person does not count here. The person's credits completed
 * before the window use up their calendar year's caps (they counted toward the earlier cycle).
 *
 * @param cecs                 the accepted CECs, caps applied
 * @param ledgerCreditIds      the ledger credits counted here (toward the audited cycle)
 * @param replacementCreditIds those of them completed after the window: they count toward the audited cycle only,
 *                             and the renewal-service leaves them out of the next one
 */
record ProofCount(BigDecimal cecs, Set<UUID> ledgerCreditIds, List<UUID> replacementCreditIds) {

    private record Counted(UUID creditId, LocalDate completedOn, String category, BigDecimal cecs,
                           boolean countedElsewhere) implements CountableCredit {
        @Override
        public boolean voided() {
            return false;
        }
    }

    /**
     * @param decidedReplacements for a closed audit, the replacement credits its last decision counted (the verified
     *                            credits that arrive later change nothing); null while the audit is open
     */
    static ProofCount of(RenewalUnderAudit renewal, List<AuditItem> items, LocalDate replacementFrom,
                         Set<UUID> decidedReplacements, Evidence evidence, boolean withItems) {
        Map<UUID, Counted> counted = new LinkedHashMap<>();
        for (LedgerCredit credit : evidence.ledger()) {
            if (credit.voided() || evidence.acceptedElsewhere().containsKey(credit.creditId())) {
                continue;
            }
            LocalDate on = credit.completedOn();
            boolean earlierCycle = on.isBefore(renewal.windowStart());
            boolean verifiedInWindow = credit.verified() && renewal.inWindow(on);
            boolean verifiedReplacement = credit.verified() && replacementFrom != null && on.isAfter(renewal.windowEnd())
                    && !on.isBefore(replacementFrom) && evidence.freeForReplacement(on)
                    && (decidedReplacements == null || decidedReplacements.contains(credit.creditId()));
            if (earlierCycle || verifiedInWindow || verifiedReplacement) {
                counted.put(credit.creditId(), new Counted(credit.creditId(), on, credit.category(), credit.cecs(),
                        earlierCycle));
            }
        }
        if (withItems) {
            for (AuditItem item : items) {
                if (!item.wasAccepted()) {
                    continue;
                }
                if (item.creditId() == null) {
                    counted.put(item.itemId(), new Counted(item.itemId(), item.completedOn(), item.category(),
                            item.cecs(), false));
                } else {
                    evidence.credit(item.creditId()).filter(credit -> !credit.voided()).ifPresent(credit ->
                            counted.putIfAbsent(credit.creditId(), new Counted(credit.creditId(),
                                    credit.completedOn(), credit.category(), credit.cecs(), false)));
                }
            }
        }
        LocalDate to = renewal.windowEnd();
        Set<UUID> fromLedger = new LinkedHashSet<>();
        List<UUID> replacements = new ArrayList<>();
        for (Counted credit : counted.values()) {
            boolean ledgerCredit = evidence.credit(credit.creditId()).isPresent();
            if (ledgerCredit && !credit.countedElsewhere()) {
                fromLedger.add(credit.creditId());
            }
            if (credit.completedOn().isAfter(renewal.windowEnd())) {
                to = credit.completedOn().isAfter(to) ? credit.completedOn() : to;
                if (ledgerCredit) {
                    replacements.add(credit.creditId());
                }
            }
        }
        BigDecimal cecs = evidence.counter().count(counted.values(), renewal.windowStart(), to).total();
        return new ProofCount(cecs, Set.copyOf(fromLedger), List.copyOf(replacements));
    }
}
