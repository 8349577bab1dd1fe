package org.cecplatform.contract;

/**
 * The CloudEvent {@code source} of the product's events: {@code /cec-platform/<service name>}. The outbox stamps it
 * on what a service publishes, and consumers accept an event of the product's own topics only from the topic's owner
 * ({@link Topics#ownerSource}).
 */
public final class EventSources {

    /** Every service's source is this prefix followed by the service's name ({@code quarkus.application.name}). */
    public static final String PREFIX = "/cec-platform/";

    private EventSources() {
    }

    /** The source of the events {@code service} publishes, e.g. {@code /cec-platform/ledger-service}. */
    public static String of(String service) {
        return PREFIX + service;
    }
}
