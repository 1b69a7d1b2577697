package dev.lastfmmcp.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointMethodsTest {

    @Test
    void mergesTheMethodsOfEveryEndpointOnAPathAndAddsOptions() {
        EndpointMethods methods = EndpointMethods.builder()
                .add("/mcp", "POST,DELETE")
                .add("/mcp", "get")
                .add("/health", "GET")
                .build();

        assertThat(methods.allowHeader("/mcp")).isEqualTo("DELETE, GET, OPTIONS, POST");
        assertThat(methods.allowHeader("/health")).isEqualTo("GET, OPTIONS");
        assertThat(methods.isServed("/mcp/")).isFalse();
        assertThat(methods.allowed("/nothing")).isEmpty();
    }

    @Test
    void anEndpointWithoutAMethodRestrictionAnswersEveryMethod() {
        EndpointMethods methods = EndpointMethods.builder().add("/any", null).add("/blank", " ").build();

        assertThat(methods.allowed("/any")).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                .contains("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
        assertThat(methods.allowHeader("/blank")).isEqualTo(methods.allowHeader("/any"));
    }
}
