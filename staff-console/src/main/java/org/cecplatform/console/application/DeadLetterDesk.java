package org.cecplatform.console.application;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.logging.Logger;

/**
 * Every service's dead letters, each from the service itself, and a requeue sent to the service that owns the dead
 * letter. The console never touches Kafka: listing and requeueing are the services' own API calls, with the signed-in
 * person's token and rights.
 */
@ApplicationScoped
public class DeadLetterDesk {

    private static final Logger LOG = Logger.getLogger(DeadLetterDesk.class);

    /** The newest dead letters a section shows. */
    static final int SHOWN = 50;

    /** The services in the order the page shows them, by the key of their URL (quarkus.rest-client.KEY.url). */
    static final List<String> SERVICES = List.of("ledger", "renewal", "audit", "notification");

    /** One service's section: its dead letters, or why they could not be listed. */
    public record ServiceLetters(String service, List<DeadLetterApi.DeadLetter> deadLetters, long totalItems,
                                 String error) {

        public String serviceName() {
            return service + "-service";
        }
    }

    private final Map<String, DeadLetterApi> clients = new LinkedHashMap<>();

    public DeadLetterDesk(SignedInToken token, Config config) {
        for (String service : SERVICES) {
            URI url = URI.create(config.getValue("quarkus.rest-client." + service + ".url", String.class));
            clients.put(service, RestClientBuilder.newBuilder().baseUri(url)
                    .connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                    .register(token).register(ProblemResponses.class)
                    .build(DeadLetterApi.class));
        }
    }

    public boolean knows(String service) {
        return clients.containsKey(service);
    }

    /** Each service's newest dead letters; a service that refuses or does not answer gets an error in its section. */
    public List<ServiceLetters> all() {
        return SERVICES.stream().map(this::of).toList();
    }

    private ServiceLetters of(String service) {
        try {
            DeadLetterApi.DeadLetterPage page = clients.get(service).list(0, SHOWN);
            return new ServiceLetters(service, page.deadLetters(), page.totalItems(), null);
        } catch (ServiceProblem refused) {
            return new ServiceLetters(service, List.of(), 0, refused.detail());
        } catch (ProcessingException | WebApplicationException unavailable) {
            LOG.warnf("dead letters of the %s-service not listed: %s", service, unavailable.toString());
            return new ServiceLetters(service, List.of(), 0, "The " + service + "-service did not answer; try again.");
        }
    }

    /** Asks the service to hand its dead letter to its consumer again; throws {@link ServiceProblem} if it refuses. */
    public DeadLetterApi.DeadLetter requeue(String service, long id) {
        return clients.get(service).requeue(id);
    }
}
