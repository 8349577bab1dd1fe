package org.cecplatform.policy.counting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger credit as far as counting goes. Each service keeps its own copy of the ledger's credits; this is what the
 * counter needs of one.
 */
public interface CountableCredit {

    UUID creditId();

    LocalDate completedOn();

    /** The ledger category; null counts as {@code GENERAL}. */
    String category();

    BigDecimal cecs();

    /** Voided credits never count and use up no cap. */
    boolean voided();

    /**
     * True when the credit already counts toward another cycle than the one being counted (a replacement CEC accepted
     * in the audit of an earlier cycle): it uses up its calendar year's cap but is not counted again.
     */
    default boolean countedElsewhere() {
        return false;
    }
}
