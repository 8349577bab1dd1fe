package org.cecplatform.console;

import org.cecplatform.testsupport.architecture.HouseRules;

/** The services' house rules hold here too: pages in api, the calls to the services in application, no room else. */
class ArchitectureTest extends HouseRules {

    ArchitectureTest() {
        super("org.cecplatform.console");
    }
}
