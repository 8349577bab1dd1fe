package org.cecplatform.contract.upcasting;

import org.cecplatform.contract.EventTypes;

/** {@code CertificationRenewed.v1} → {@code .v2}: see {@link RenewalReceiptUpcaster}. */
public final class CertificationRenewedUpcaster extends RenewalReceiptUpcaster {

    public CertificationRenewedUpcaster() {
        super("previousCycleStart", "previousCycleEnd", "renewedOn", false);
    }

    @Override
    public String fromType() {
        return EventTypes.CERTIFICATION_RENEWED;
    }

    @Override
    public String toType() {
        return EventTypes.CERTIFICATION_RENEWED_V2;
    }

    @Override
    String countedToWhenAbsent() {
        return day();
    }
}
