package org.cecplatform.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.cecplatform.testsupport.JwtTestResource;
import org.cecplatform.testsupport.KafkaTestResource;
import org.cecplatform.testsupport.PostgresTestResource;

/**
 * Every @QuarkusTest of this service runs against a real Kafka broker (logged in as the service's own principal, with
 * the rights of the product's table and no more), a real PostgreSQL server, a real SMTP server (GreenMail), and
 * renewal-service and the identity provider stood in for over HTTP (RenewalServiceStub).
 */
@QuarkusTestResource(value = KafkaTestResource.class,
        initArgs = @ResourceArg(name = KafkaTestResource.PRINCIPAL, value = "notification-service"))
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(RenewalServiceStub.class)
public class RealInfrastructure {
}
