package org.cecplatform.console.application;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * What operators look at each morning, from each service's own admin endpoints: its consumer groups' lag, its jobs
 * with their last run, its clock; and the staff actions there (run a job now, move the clocks of the local stack).
 */
@ApplicationScoped
public class Operations {

    /** One service as the page names it. */
    record Service(String key, String label, ServiceAdminApi api) {
    }

    /**
     * One service's part of the page. A part that could not be read is null, with the reason in its error (a
     * service that is down does not take the whole page with it).
     */
    public record ServiceView(String key, String label, List<ServiceAdminApi.GroupLag> groups, String groupsError,
                              List<ServiceAdminApi.Job> jobs, String jobsError, ServiceAdminApi.ClockView clock,
                              String clockError) {
    }

    /** The page: every service, and whether the clocks can be moved (only where the services say so). */
    public record View(List<ServiceView> services) {

        public boolean clockSettable() {
            return services.stream().anyMatch(s -> s.clock() != null && s.clock().settable());
        }
    }

    private final List<Service> services;

    public Operations(@ConfigProperty(name = "quarkus.rest-client.ledger.url") String ledger,
                      @ConfigProperty(name = "quarkus.rest-client.renewal.url") String renewal,
                      @ConfigProperty(name = "quarkus.rest-client.audit.url") String audit,
                      @ConfigProperty(name = "quarkus.rest-client.notification.url") String notification) {
        this.services = List.of(new Service("ledger", "Ledger service", client(ledger)),
                new Service("renewal", "Renewal service", client(renewal)),
                new Service("audit", "Audit service", client(audit)),
                new Service("notification", "Notification service", client(notification)));
    }

    private static ServiceAdminApi client(String url) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS).build(ServiceAdminApi.class);
    }

    public View view() {
        List<ServiceView> views = new ArrayList<>();
        for (Service s : services) {
            Part<ServiceAdminApi.ConsumerGroupList> groups = read(() -> s.api().consumers());
            Part<ServiceAdminApi.JobList> jobs = read(() -> s.api().jobs());
            Part<ServiceAdminApi.ClockView> clock = read(() -> s.api().clock());
            views.add(new ServiceView(s.key(), s.label(), groups.value() == null ? null : groups.value().groups(),
                    groups.error(), jobs.value() == null ? null : jobs.value().jobs(), jobs.error(), clock.value(),
                    clock.error()));
        }
        return new View(views);
    }

    /** Runs a job of a service now, as the signed-in person; {@link ServiceProblem} when the service refuses. */
    public ServiceAdminApi.JobRun runJob(String service, String job) {
        return service(service).api().runJob(job);
    }

    /** Moves every service's clock to {@code now}; stops at the first service that refuses. */
    public void setClocks(Instant now) {
        services.forEach(s -> s.api().setClock(new ServiceAdminApi.ClockSetting(now)));
    }

    /** Every service back to the system time. */
    public void resetClocks() {
        services.forEach(s -> s.api().resetClock());
    }

    private Service service(String key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "Not found", "No service named '" + key + "'.", List.of()));
    }

    private record Part<T>(T value, String error) {
    }

    private static <T> Part<T> read(Supplier<T> call) {
        try {
            return new Part<>(call.get(), null);
        } catch (ServiceProblem refused) {
            return new Part<>(null, refused.status() + " " + refused.detail());
        } catch (RuntimeException unreachable) {
            // a 5xx (a broker that does not answer: 503) or no answer at all
            return new Part<>(null, "not available: " + unreachable.getMessage());
        }
    }
}
