package io.moderato.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a resource class or method take query parameters it does not declare. Everywhere else
 * {@link KnownParametersFilter} refuses an unknown query parameter, and a single-valued one given twice, with 400:
 * strict is the default, so a new endpoint is strict without anyone remembering to make it so.
 * <p>
 * Only for endpoints whose clients are not ours and send parameters of their own: Perspective's client libraries
 * ({@code ?key=}, and Google's standard parameters such as {@code alt} or {@code prettyPrint}), Coral Talk, the
 * site integrations that ingest and classify comments (their bodies' unknown fields are ignored as well), and the
 * dashboard's pages, which a browser opens with whatever the address holds ({@code ?site=} is read by the page's
 * script, not by the server). A misspelt parameter there is ignored, as before.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LenientParameters {

    /** @return why the endpoint's clients may send parameters it does not read */
    String value();
}
