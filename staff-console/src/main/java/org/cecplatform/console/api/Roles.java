package org.cecplatform.console.api;

/** The role names the identity provider puts in the groups claim, as the services know them. */
final class Roles {

    static final String STAFF = "staff";
    static final String AUDITOR = "auditor";

    private Roles() {
    }
}
