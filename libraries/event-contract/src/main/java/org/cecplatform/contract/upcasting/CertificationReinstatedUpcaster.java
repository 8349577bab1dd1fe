package org.cecplatform.contract.upcasting;

import org.cecplatform.contract.EventTypes;

/**
 * {@code CertificationReinstated.v1} → {@code .v2}: see {@link RenewalReceiptUpcaster}; only credits inside the lapsed
 * cycle counted, so an absent window ends with it.
 */
public final class CertificationReinstatedUpcaster extends RenewalReceiptUpcaster {

    public CertificationReinstatedUpcaster() {
        super("lapsedCycleStart", "lapsedCycleEnd", "reinstatedOn", true);
    }

    @Override
    public String fromType() {
        return EventTypes.CERTIFICATION_REINSTATED;
    }

    @Override
    public String toType() {
        return EventTypes.CERTIFICATION_REINSTATED_V2;
    }

    @Override
    String countedToWhenAbsent() {
        return previousEnd();
    }
}
