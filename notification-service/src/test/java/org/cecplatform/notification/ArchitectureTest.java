package org.cecplatform.notification;

import org.cecplatform.testsupport.architecture.HouseRules;

/** The house rules. */
class ArchitectureTest extends HouseRules {

    ArchitectureTest() {
        super("org.cecplatform.notification");
    }
}
