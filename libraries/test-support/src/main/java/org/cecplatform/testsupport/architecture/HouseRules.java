package org.cecplatform.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house rules every service keeps, the same rooms with the same meaning. A service's {@code ArchitectureTest}
 * extends this class with its root package (and adds rules of its own):
 * <ul>
 * <li>{@code domain}: the rules in plain Java; depends on nothing of the service's but itself;</li>
 * <li>{@code application}: the use cases (commands, queries, the event streams and projections, the mapping
 * between domain changes and the event contract's payloads); uses {@code domain} and {@code persistence};</li>
 * <li>{@code api}: REST resources and their views; calls {@code application}, never {@code persistence} nor
 * {@code messaging};</li>
 * <li>{@code messaging}: Kafka consumers, thin: they read and check a record and hand it to {@code application};
 * the only room that sees Kafka records;</li>
 * <li>{@code persistence}: tables and entities; knows no room above it;</li>
 * <li>{@code config}: configuration and the policy file mapped to the domain's types.</li>
 * </ul>
 */
public abstract class HouseRules {

    public static final List<String> ROOMS = List.of("api", "application", "domain", "messaging", "persistence",
            "config");

    private final String root;
    private final JavaClasses service;

    protected HouseRules(String servicePackage) {
        this.root = servicePackage;
        this.service = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
    }

    /** The service's classes, for rules of its own. */
    protected JavaClasses serviceClasses() {
        return service;
    }

    /** Packages besides {@code java..} and its own that the domain may use (shared plain-Java rule libraries). */
    protected List<String> domainMayAlsoUse() {
        return List.of("org.cecplatform.policy.counting..", "org.cecplatform.policy.dated..");
    }

    private String room(String name) {
        return root + "." + name + "..";
    }

    @Test
    void everyClassLivesInOneOfTheRooms() {
        String[] rooms = ROOMS.stream().map(this::room).toArray(String[]::new);
        classes().should().resideInAnyPackage(rooms)
                .because("every service has the same rooms: " + String.join(", ", ROOMS))
                .check(service);
    }

    @Test
    void theDomainIsPlainJava() {
        List<String> allowed = new ArrayList<>(List.of("java..", room("domain")));
        allowed.addAll(domainMayAlsoUse());
        classes().that().resideInAPackage(room("domain"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .check(service);
    }

    @Test
    void theApiGoesThroughTheApplication() {
        noClasses().that().resideInAPackage(room("api"))
                .should().dependOnClassesThat().resideInAnyPackage(room("persistence"), room("messaging"))
                .check(service);
    }

    @Test
    void nothingButTheApiDependsOnTheApi() {
        noClasses().that().resideOutsideOfPackage(room("api"))
                .should().dependOnClassesThat().resideInAPackage(room("api"))
                .check(service);
    }

    @Test
    void theApplicationKnowsNoDeliveryMechanism() {
        noClasses().that().resideInAPackage(room("application"))
                .should().dependOnClassesThat().resideInAnyPackage(room("messaging"), room("api"))
                .check(service);
    }

    @Test
    void persistenceKnowsNoRoomAboveIt() {
        noClasses().that().resideInAPackage(room("persistence"))
                .should().dependOnClassesThat().resideInAnyPackage(room("api"), room("application"),
                        room("messaging"))
                .check(service);
    }

    @Test
    void consumersAreThin_messagingNeverWritesTheTablesItself() {
        noClasses().that().resideInAPackage(room("messaging"))
                .should().dependOnClassesThat().resideInAPackage(room("persistence"))
                .because("a consumer hands what it read to the application layer, which owns the tables")
                .check(service);
    }

    @Test
    void nothingButMessagingReadsKafkaRecords() {
        noClasses().that().resideOutsideOfPackage(room("messaging"))
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.consumer..")
                .check(service);
    }

    @Test
    void theEventContractIsMappedInTheApplicationAndRead_inMessaging() {
        noClasses().that().resideInAnyPackage(room("api"), room("domain"), room("persistence"))
                .should().dependOnClassesThat().resideInAPackage("org.cecplatform.contract..")
                .because("events are mapped to and from their payloads in one place, the application layer")
                .check(service);
    }

    @Test
    void serviceUsesNoOtherService() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe("another service's class",
                                c -> c.getPackageName().matches("org\\.cecplatform\\.(ledger|renewal|audit|notification)(\\..*)?")
                                        && !c.getPackageName().startsWith(root)))
                .check(service);
    }

    @Test
    void theRoomsHaveNoCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(service);
    }
}
