package org.cecplatform.contract.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventUpcastersTest {

    /** x.v1 renames "old" to "name"; x.v2 adds "extra": null. */
    private static final EventUpcaster V1_TO_V2 = upcaster("x.v1", "x.v2", body -> {
        body.set("name", body.remove("old"));
        return body;
    });
    private static final EventUpcaster V2_TO_V3 = upcaster("x.v2", "x.v3", body -> body.putNull("extra"));

    @Test
    void anOldEventComesOutAsTheLatestVersionThroughEveryStep() {
        EventUpcasters upcasters = new EventUpcasters(List.of(V2_TO_V3, V1_TO_V2));

        assertThat(upcasters.upcast("x.v1", "{\"old\":\"a\"}"))
                .isEqualTo(new EventUpcasters.Versioned("x.v3", "{\"name\":\"a\",\"extra\":null}"));
        assertThat(upcasters.upcast("x.v2", "{\"name\":\"b\"}").body()).isEqualTo("{\"name\":\"b\",\"extra\":null}");
        assertThat(upcasters.latestType("x.v1")).isEqualTo("x.v3");
    }

    @Test
    void theLatestVersionAndUnknownTypesPassUnchanged() {
        EventUpcasters upcasters = new EventUpcasters(List.of(V1_TO_V2));
        String body = "{ \"name\" : \"kept as written\" }";

        assertThat(upcasters.upcast("x.v2", body)).isEqualTo(new EventUpcasters.Versioned("x.v2", body));
        assertThat(upcasters.upcast("other.v1", body).body()).isSameAs(body);
    }

    @Test
    void twoUpcastersFromOneTypeAndUnreadableBodiesAreRefused() {
        assertThatThrownBy(() -> new EventUpcasters(List.of(V1_TO_V2, V1_TO_V2)))
                .hasMessageContaining("two upcasters from x.v1");
        assertThatThrownBy(() -> new EventUpcasters(List.of(V1_TO_V2)).upcast("x.v1", "[1]"))
                .hasMessageContaining("not a JSON object");
    }

    private static EventUpcaster upcaster(String from, String to, java.util.function.UnaryOperator<ObjectNode> f) {
        return new EventUpcaster() {
            @Override
            public String fromType() {
                return from;
            }

            @Override
            public String toType() {
                return to;
            }

            @Override
            public ObjectNode upcast(ObjectNode body) {
                return f.apply(body);
            }
        };
    }
}
