package io.moderato.problem;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters a resource method reads, found from its declaration: {@code @QueryParam} and
 * {@code @RestQuery} on its parameters, on the fields of its resource class, and inside {@code @BeanParam} beans
 * (fields and setters, nested beans too). A parameter typed as a collection or an array may be given more than once;
 * any other only once. A method that takes all of them as a map ({@code @RestQuery Map<...>}) reads any name.
 *
 * @param single     names read once
 * @param repeatable names that may repeat
 * @param lenient    true when the method takes parameters it does not declare ({@link LenientParameters}, or a map)
 */
public record DeclaredParameters(Set<String> single, Set<String> repeatable, boolean lenient) {

    public DeclaredParameters {
        single = Set.copyOf(single);
        repeatable = Set.copyOf(repeatable);
    }

    /**
     * @param resource the resource class (the one the request was matched to, maybe a subclass of the method's)
     * @param method   the resource method
     * @return what the method reads
     */
    public static DeclaredParameters of(Class<?> resource, Method method) {
        boolean lenient = method.isAnnotationPresent(LenientParameters.class)
                || resource.isAnnotationPresent(LenientParameters.class)
                || method.getDeclaringClass().isAnnotationPresent(LenientParameters.class);
        Set<String> single = new LinkedHashSet<>();
        Set<String> repeatable = new LinkedHashSet<>();
        Collector collector = new Collector(single, repeatable);
        for (Parameter parameter : method.getParameters()) {
            collector.add(parameter, parameter.getName(), parameter.getType());
        }
        collector.addFields(resource);
        return new DeclaredParameters(single, repeatable, lenient || collector.readsAny);
    }

    /** @return every declared name */
    public Set<String> known() {
        Set<String> known = new LinkedHashSet<>(single);
        known.addAll(repeatable);
        return known;
    }

    private static final class Collector {

        private final Set<String> single;
        private final Set<String> repeatable;
        private final Set<Class<?>> seen = new java.util.HashSet<>();
        private boolean readsAny;

        Collector(Set<String> single, Set<String> repeatable) {
            this.single = single;
            this.repeatable = repeatable;
        }

        /** @param element a parameter, field or setter; {@code implicitName} is its name, for {@code @RestQuery} */
        void add(AnnotatedElement element, String implicitName, Class<?> type) {
            String name = null;
            QueryParam query = element.getAnnotation(QueryParam.class);
            RestQuery restQuery = element.getAnnotation(RestQuery.class);
            if (query != null) {
                name = query.value();
            } else if (restQuery != null) {
                name = restQuery.value().isEmpty() ? implicitName : restQuery.value();
            }
            if (name != null) {
                if (Map.class.isAssignableFrom(type)) {
                    readsAny = true;
                } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                    repeatable.add(name);
                } else {
                    single.add(name);
                }
            } else if (has(element, BeanParam.class)) {
                addFields(type);
            }
        }

        /** The fields and setters of a resource class or a bean parameter, up its superclasses. */
        void addFields(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (!seen.add(c)) {
                    return;
                }
                for (Field field : c.getDeclaredFields()) {
                    add(field, field.getName(), field.getType());
                }
                for (Method setter : c.getDeclaredMethods()) {
                    if (setter.getParameterCount() == 1 && setter.getName().startsWith("set") && setter.getName().length() > 3) {
                        String property = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                        add(setter, property, setter.getParameterTypes()[0]);
                    }
                }
            }
        }

        private static boolean has(AnnotatedElement element, Class<? extends Annotation> annotation) {
            return element.isAnnotationPresent(annotation);
        }
    }
}
