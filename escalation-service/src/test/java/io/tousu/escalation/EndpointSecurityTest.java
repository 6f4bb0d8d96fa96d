package io.tousu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tousu.testing.DefaultTestToken;
import io.tousu.testing.EndpointSecurityAudit;
import io.tousu.testing.KafkaTestResource;
import io.tousu.testing.PostgresTestResource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every escalation endpoint, found from the compiled resources: no token 401, each role it does not
 * allow 403, each role it allows past the gate; none is public.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class EndpointSecurityTest {

    static final Set<String> PUBLIC = Set.of();

    @BeforeEach
    void noDefaultToken() {
        DefaultTestToken.off();
    }

    @Test
    void everyEndpointLetsInOnlyItsRoles() {
        List<EndpointSecurityAudit.Endpoint> endpoints = EndpointSecurityAudit.endpoints("io.tousu.escalation.rest");
        assertThat(endpoints).hasSizeGreaterThan(10);
        EndpointSecurityAudit.audit(endpoints, PUBLIC, "GD");
    }
}
