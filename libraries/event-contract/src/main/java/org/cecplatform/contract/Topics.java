package org.cecplatform.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kafka topics of the product, named here once: the services, the local stack and the tests take them from here,
 * and the files that cannot (the deployments' manifests and scripts, the services' properties) are checked against
 * them by system-tests' {@code TopicManifestsTest}. Names are part of the public contract; a breaking change is a new
 * version.
 */
public final class Topics {
    /** ledger-service: {@code CECEarned}, {@code CECVoided}. */
    public static final String LEDGER = "cec.ledger.v1";
    /** renewal-service: certifications granted, renewed, reinstated, status changes. */
    public static final String RENEWALS = "cec.renewals.v1";
    /** audit-service: the audit lifecycle. */
    public static final String AUDITS = "cec.audits.v1";
    /** notification-service: a notice was sent (no address in it), for the other channels (SMS, the member portal). */
    public static final String NOTICES = "cec.notices.v1";
    /** ceOnline LMS (external): course completions, plain JSON. */
    public static final String LMS_COURSE_COMPLETIONS = "lms.course-completions.v1";
    /** Annual Meeting / Summit / webinar attendance systems (external): attendance, plain JSON. */
    public static final String MEETINGS_ATTENDANCE = "meetings.attendance.v1";

    /**
     * The services' own event topics: the record every projection is rebuilt from, so their events are kept forever
     * (no retention limit).
     */
    public static final List<String> EVENTS = List.of(LEDGER, RENEWALS, AUDITS, NOTICES);

    /** The topics external systems feed (course completions, attendance); ordinary retention. */
    public static final List<String> INTAKE = List.of(LMS_COURSE_COMPLETIONS, MEETINGS_ATTENDANCE);

    /** Every topic a service produces or consumes; each also has a dead-letter topic, see {@link #deadLetter}. */
    public static final List<String> ALL = Stream.concat(EVENTS.stream(), INTAKE.stream()).toList();

    /** The dead-letter topic of each topic of {@link #ALL}, in the same order. */
    public static final List<String> DEAD_LETTERS = ALL.stream().map(Topics::deadLetter).toList();

    /**
     * Who writes each of the product's own event topics (SPEC §3): only that service may, and its consumers accept
     * nothing else on it. The intake topics are written by external systems and have no owner here.
     */
    private static final Map<String, String> OWNERS = Map.of(
            LEDGER, "ledger-service",
            RENEWALS, "renewal-service",
            AUDITS, "audit-service",
            NOTICES, "notification-service");

    private Topics() {
    }

    /** The service that alone writes {@code topic}; empty for the intake topics and for any topic not the product's. */
    public static Optional<String> owner(String topic) {
        return Optional.ofNullable(OWNERS.get(topic));
    }

    /** The CloudEvent source of the events on {@code topic}: its owner's, e.g. {@code /cec-platform/ledger-service}. */
    public static Optional<String> ownerSource(String topic) {
        return owner(topic).map(EventSources::of);
    }

    /** The dead-letter topic of a topic: the original record (key and bytes) with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
