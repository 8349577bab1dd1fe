package org.cecplatform.ledger;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.cecplatform.testsupport.http.ServiceEndpointChecks;

@QuarkusTest
class ServiceEndpointsTest extends ServiceEndpointChecks {

    @Override
    protected List<String> documentedInOpenApi() {
        return List.of("/api/v1/certificants/{certificantId}/credits/{creditId}/void", "CreditRequest");
    }
}
