package io.moderato.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which query parameters a resource method declares, and how they are checked against a request's. */
class DeclaredParametersTest {

    static class Paging {
        @QueryParam("cursor")
        String cursor;
        @RestQuery
        String limit;
        @BeanParam
        Sorting sorting;
    }

    static class Sorting {
        @QueryParam("sort")
        String sort;
        @QueryParam("tag")
        List<String> tags;
    }

    record Window(@RestQuery String from, @RestQuery("until") String to) {
    }

    static class Resource {
        @QueryParam("trace")
        String trace;

        @GET
        public String list(@PathParam("siteId") String siteId, @QueryParam("status") String status,
                           @RestQuery String topic, @QueryParam("id") List<String> ids, @QueryParam("flag") String[] flags,
                           @BeanParam Paging paging, @BeanParam Window window) {
            return null;
        }

        @GET
        public String any(@RestQuery Map<String, String> everything) {
            return null;
        }

        @GET
        @LenientParameters("test")
        public String lenient(@QueryParam("status") String status) {
            return null;
        }
    }

    @LenientParameters("test")
    static class LenientResource {
        @GET
        public String list(@QueryParam("status") String status) {
            return null;
        }
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void namesComeFromParametersFieldsAndBeans() {
        DeclaredParameters declared = DeclaredParameters.of(Resource.class, method(Resource.class, "list"));
        assertEquals(Set.of("status", "topic", "cursor", "limit", "sort", "from", "until", "trace"), declared.single());
        assertEquals(Set.of("id", "flag", "tag"), declared.repeatable());
        assertFalse(declared.lenient());
    }

    @Test
    void aMapOrTheAnnotationMakesAMethodLenient() {
        assertTrue(DeclaredParameters.of(Resource.class, method(Resource.class, "any")).lenient());
        assertTrue(DeclaredParameters.of(Resource.class, method(Resource.class, "lenient")).lenient());
        assertTrue(DeclaredParameters.of(LenientResource.class, method(LenientResource.class, "list")).lenient());
    }

    @Test
    void unknownAndRepeatedParametersAreReported() {
        RequestChecks checks = new RequestChecks();
        checks.onlyKnownParameters(Map.of("status", List.of("a", "b"), "id", List.of("1", "2"), "stauts", List.of("a")),
                Set.of("status"), Set.of("id"));
        ProblemException refused = assertThrows(ProblemException.class, checks::throwIfInvalid);
        assertEquals(List.of(new FieldError("status", "is given more than once"), new FieldError("stauts", "is not a known parameter")),
                refused.errors(), "in name order, whatever the map's");
        RequestChecks fine = new RequestChecks();
        fine.onlyKnownParameters(Map.of("status", List.of("a"), "id", List.of("1", "2", "3")), Set.of("status"), Set.of("id"));
        fine.throwIfInvalid();
    }
}
