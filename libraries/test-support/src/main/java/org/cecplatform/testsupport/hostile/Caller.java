package org.cecplatform.testsupport.hostile;

/**
 * Who sends a hostile request. The test turns each into a real {@code Authorization} header: {@link #SELF} is the
 * attacking certificant (the subject of their own token), {@link #ATTACKER_ON_VICTIM} the same certificant sent to
 * someone else's record (the request's path already names the victim), {@link #VICTIM} that other certificant.
 */
public enum Caller {
    NONE, FORGED, EXPIRED, UNSIGNED, GARBAGE, SELF, VICTIM, ATTACKER_ON_VICTIM, STAFF, AUDITOR, INTEGRATION
}
