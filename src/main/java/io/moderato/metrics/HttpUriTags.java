package io.moderato.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the {@code uri} label of {@code http.server.requests} a bounded set: an error response to a request that
 * matched none of the service's routes is counted under {@value #UNMATCHED} instead of its raw path.
 *
 * <p>Quarkus labels a request with its route template ({@code /api/v1/comments/{siteId}/{id}}) and an unknown path
 * with {@code NOT_FOUND}, but a request refused before a resource method was chosen keeps its raw path: a method the
 * route does not take (405), a broken percent escape in the query (400), a malformed request line or header that
 * Vert.x refuses before any route (400). A scanner or a buggy client sending those with changing ids made a new
 * series per request, and once Quarkus' cap of 100 {@code uri} values was reached every later new value was dropped,
 * the service's own routes first used after that included. Errors on the service's routes keep their label: a
 * template, or one of the routes without path parameters ({@code POST /api/v1/classify} with a bad body stays
 * {@code /api/v1/classify}), found from the REST resources' {@code @Path} annotations.
 */
@Singleton
@Unremovable
public class HttpUriTags implements MeterFilter {

    /** The label of an error response to a request that matched no route (Quarkus' own word for it). */
    public static final String UNMATCHED = "UNKNOWN";
    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Labels Quarkus itself gives: already a bounded set. */
    private static final Set<String> QUARKUS_LABELS = Set.of("NOT_FOUND", "REDIRECTION", "UNKNOWN", "root");

    private final Set<String> fixedPaths;

    /**
     * @param beans the CDI bean manager, to find the REST resources
     */
    @Inject
    public HttpUriTags(BeanManager beans) {
        this(fixedPaths(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass).toList()));
    }

    /**
     * @param fixedPaths the paths of the routes without path parameters
     */
    HttpUriTags(Set<String> fixedPaths) {
        this.fixedPaths = Set.copyOf(fixedPaths);
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return id;
        }
        String uri = id.getTag("uri");
        if (uri == null || !isError(id.getTag("status")) || isBounded(uri)) {
            return id;
        }
        return id.replaceTags(Tags.of(id.getTagsAsIterable()).and("uri", UNMATCHED));
    }

    private boolean isBounded(String uri) {
        return uri.indexOf('{') >= 0 || QUARKUS_LABELS.contains(uri) || fixedPaths.contains(uri);
    }

    private static boolean isError(String status) {
        return status != null && status.length() == 3 && status.charAt(0) >= '4' && status.charAt(0) <= '5';
    }

    /**
     * @param classes classes, of which those annotated {@link Path} are read as REST resources
     * @return the paths of their resource methods that take no path parameter, as Quarkus writes a request's path
     *         (a leading slash, no trailing one)
     */
    static Set<String> fixedPaths(Collection<Class<?>> classes) {
        Set<String> paths = new TreeSet<>();
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (!isResourceMethod(method)) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalise(root.value() + (sub == null ? "" : "/" + sub.value()));
                if (path.indexOf('{') < 0) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
