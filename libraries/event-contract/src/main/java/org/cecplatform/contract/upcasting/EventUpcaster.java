package org.cecplatform.contract.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one version of an event into the next: {@code fromType} (e.g. {@code ...CertificationRenewed.v1}) into
 * {@code toType} ({@code ...v2}). An upcaster fills what the older version did not carry with what can be known from
 * it, and documents the rest as unknown (null); it never invents a fact.
 */
public interface EventUpcaster {

    String fromType();

    String toType();

    /** The next version's body; {@code body} is the older version's own copy and may be changed and returned. */
    ObjectNode upcast(ObjectNode body);
}
