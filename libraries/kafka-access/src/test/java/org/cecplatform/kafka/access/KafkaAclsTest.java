package org.cecplatform.kafka.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;

class KafkaAclsTest {

    @Test
    void readingGrantsTheTopicAndTheConsumerGroupsNamedAfterThePrincipal() {
        assertThat(describe(KafkaAcls.of(KafkaRights.parse("renewal-service cec.ledger.v1 read\n")))).containsExactlyInAnyOrder(
                "User:renewal-service TOPIC LITERAL cec.ledger.v1 READ",
                "User:renewal-service GROUP PREFIXED renewal-service READ");
    }

    @Test
    void writingGrantsOnlyWrite() {
        assertThat(describe(KafkaAcls.of(KafkaRights.parse("lms lms.course-completions.v1 write\n"))))
                .containsExactly("User:lms TOPIC LITERAL lms.course-completions.v1 WRITE");
    }

    @Test
    void managingGrantsTopicAdministrationGroupResetsAndTopicCreation() {
        Set<String> acls = describe(KafkaAcls.of(KafkaRights.parse("operator * manage\n")));
        assertThat(acls).contains("User:operator TOPIC LITERAL * CREATE", "User:operator TOPIC LITERAL * DELETE",
                "User:operator GROUP LITERAL * DELETE", "User:operator CLUSTER LITERAL kafka-cluster CREATE");
        assertThat(acls).noneMatch(acl -> acl.endsWith(" ALL") || acl.endsWith(" WRITE") || acl.endsWith(" ALTER CLUSTER"));
    }

    @Test
    void theShippedTableGivesNoRightToAnyoneOutsideIt() {
        Set<String> principals = KafkaAcls.of(KafkaRights.shipped()).stream()
                .map(acl -> acl.entry().principal()).collect(Collectors.toSet());
        assertThat(principals).containsExactlyInAnyOrder("User:ledger-service", "User:renewal-service",
                "User:audit-service", "User:notification-service", "User:lms", "User:meetings", "User:operator");
        assertThat(KafkaAcls.of(KafkaRights.shipped())).allMatch(acl -> acl.entry().host().equals("*")
                && acl.entry().permissionType().name().equals("ALLOW"));
    }

    private static Set<String> describe(Set<AclBinding> acls) {
        return acls.stream().map(acl -> acl.entry().principal() + " " + acl.pattern().resourceType() + " "
                + acl.pattern().patternType() + " " + acl.pattern().name() + " " + acl.entry().operation())
                .collect(Collectors.toSet());
    }
}
