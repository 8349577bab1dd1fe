package org.cecplatform.platform;

import io.quarkus.test.common.QuarkusTestResource;
import org.cecplatform.testsupport.JwtTestResource;
import org.cecplatform.testsupport.KafkaTestResource;
import org.cecplatform.testsupport.PostgresTestResource;

/** Every @QuarkusTest of this module runs against a real Kafka broker and a real PostgreSQL server. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
public class RealInfrastructure {
}
