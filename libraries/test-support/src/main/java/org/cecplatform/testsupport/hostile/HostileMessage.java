package org.cecplatform.testsupport.hostile;

/**
 * One generated intake message. {@code bad}: the ledger must dead-letter it (with a reason) and record nothing;
 * otherwise it is a good message that must be recorded once (the first of a duplicate-id pair, say).
 * {@code id} is the completion or attendance id it was built around (the ledger's external reference if recorded).
 * {@code mayBeValid} marks a message whose validity the generator cannot promise (a long but legal title).
 */
public record HostileMessage(int index, String topic, String key, String id, byte[] value, String kind, boolean bad, boolean mayBeValid) {
}
