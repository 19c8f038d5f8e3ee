package io.moderato.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a resource class or method needs. A method's annotation wins over its class's; API resources
 * without any annotation need {@link Role#ADMIN}, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authorized {

    /** @return the least role allowed */
    Role value();
}
