package io.moderato.dashboard;

import io.moderato.access.Caller;
import io.moderato.access.Role;
import io.moderato.access.service.ApiKeyService;
import io.moderato.access.service.SessionService;
import io.moderato.access.service.SignInThrottle;
import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import io.moderato.problem.LenientParameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard's pages. Each page is a shell: its script fetches the data from the JSON API with the session
 * cookie, so the dashboard is just one more client of the API. The pages are open endpoints (no API key) and check
 * the dashboard session themselves: without one they send the browser to the sign-in form.
 */
@LenientParameters("HTML pages a browser opens with whatever the address holds; ?site= is read by the page's script")
@Path("/dashboard")
@PermitAll
@Tag(name = "Dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private static final String HOME = "/dashboard/queue";
    private static final String SIGN_IN = "/dashboard/sign-in";
    /** Scripts and styles only from this origin (Chart.js sets canvas sizes through inline styles). */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'";
    private static final List<Option> ATTRIBUTES = Arrays.stream(Attribute.values())
            .map(a -> new Option(a.key(), a.key().replace('_', ' '))).toList();
    private static final List<Option> TOPICS = Arrays.stream(Topic.values())
            .map(t -> new Option(t.code(), t.label())).toList();

    private final SessionService sessions;
    private final ApiKeyService keys;
    private final SignInThrottle throttle;

    public DashboardResource(SessionService sessions, ApiKeyService keys, SignInThrottle throttle) {
        this.sessions = sessions;
        this.keys = keys;
        this.throttle = throttle;
    }

    /**
     * A choice in a select box.
     *
     * @param value what is sent
     * @param label what is shown
     */
    public record Option(String value, String label) {
    }

    /**
     * What every page's layout needs.
     *
     * @param title     the page title
     * @param active    the navigation entry to mark current
     * @param actor     the signed-in key's name
     * @param role      its role, lower case
     * @param admin     true for admins (policy and models pages)
     * @param csrfToken the session's CSRF token, for the page's script and forms
     */
    public record PageContext(String title, String active, String actor, String role, boolean admin, String csrfToken) {
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance signIn(String error, String notice);

        static native TemplateInstance forbidden(PageContext page);

        static native TemplateInstance queue(PageContext page, List<Option> attributes, List<Option> topics);

        static native TemplateInstance article(PageContext page, String siteId, String articleId);

        static native TemplateInstance stats(PageContext page, List<Option> attributes);

        static native TemplateInstance policy(PageContext page, List<Option> attributes);

        static native TemplateInstance models(PageContext page);
    }

    /** A signed-in browser: its session and the caller its key authenticates as now. */
    private record Visitor(SessionService.Session session, Caller caller) {
        PageContext page(String title, String active) {
            return new PageContext(title, active, caller.name(), caller.role().name().toLowerCase(),
                    caller.role().includes(Role.ADMIN), session.csrfToken());
        }
    }

    @GET
    @Operation(summary = "Dashboard home", description = "Sends the browser to the queue, or to the sign-in form.")
    public Response home() {
        return redirect(HOME);
    }

    @GET
    @Path("/sign-in")
    @Operation(summary = "Dashboard sign-in form")
    public Response signInForm(@CookieParam(SessionService.COOKIE) String sessionId, @QueryParam("signedOut") String signedOut,
                               @QueryParam("expired") String expired) {
        if (visitor(sessionId).isPresent()) {
            return redirect(HOME);
        }
        String notice = signedOut != null ? "You are signed out." : expired != null ? "Your session has ended; sign in again." : null;
        return html(200, Templates.signIn(null, notice)).build();
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in to the dashboard", description = "With a moderator or admin API key; sets the session cookie. "
            + "Failed sign-ins from one address are slowed and then refused for a while (429 with Retry-After).")
    public Response signIn(@FormParam("key") String key, @HeaderParam("Origin") String origin, @Context UriInfo uri,
                           @Context HttpServerRequest request) {
        if (!sameOrigin(origin, uri)) {
            return html(403, Templates.signIn("The sign-in form was sent from another site.", null)).build();
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.waitBefore(address, now);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return html(429, Templates.signIn("Too many failed sign-ins from your address; try again in " + seconds
                    + " second" + (seconds == 1 ? "" : "s") + ".", null)).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
        }
        Optional<Caller> caller = keys.authenticate(key == null ? null : key.strip());
        if (caller.isEmpty()) {
            throttle.failed(address, now);
            return html(401, Templates.signIn("That key is unknown, revoked or expired.", null)).build();
        }
        throttle.succeeded(address);
        if (!caller.get().role().includes(Role.MODERATOR)) {
            return html(403, Templates.signIn("The dashboard needs a moderator or admin key; this is a "
                    + caller.get().role().name().toLowerCase() + " key.", null)).build();
        }
        SessionService.Session session = sessions.open(keys.proof(key.strip()).orElseThrow(), caller.get(), Instant.now());
        return redirectBuilder(HOME)
                .header(HttpHeaders.SET_COOKIE, cookie(session.id(), sessions.maxAge().getSeconds(), uri))
                .build();
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out of the dashboard", description = "Ends the session; needs the session's CSRF token.")
    public Response signOut(@CookieParam(SessionService.COOKIE) String sessionId, @FormParam("csrf") String csrf,
                            @Context UriInfo uri) {
        Optional<SessionService.Session> session = sessions.find(sessionId, Instant.now());
        if (session.isPresent()) {
            if (!session.get().csrfMatches(csrf)) {
                return Response.status(403).type(MediaType.TEXT_PLAIN).entity("The sign-out form lacks the session's CSRF token.").build();
            }
            sessions.close(session.get().id());
        }
        return redirectBuilder(SIGN_IN + "?signedOut=1").header(HttpHeaders.SET_COOKIE, cookie("", 0, uri)).build();
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Dashboard: review queue")
    public Response queue(@CookieParam(SessionService.COOKIE) String sessionId) {
        return page(sessionId, Role.MODERATOR, v -> Templates.queue(v.page("Review queue", "queue"), ATTRIBUTES, TOPICS));
    }

    @GET
    @Path("/articles/{siteId}/{articleId}")
    @Operation(summary = "Dashboard: an article's comment thread")
    public Response article(@CookieParam(SessionService.COOKIE) String sessionId, @PathParam("siteId") String siteId,
                            @PathParam("articleId") String articleId) {
        return page(sessionId, Role.MODERATOR, v -> Templates.article(v.page("Article", "queue"), siteId, articleId));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Dashboard: statistics")
    public Response stats(@CookieParam(SessionService.COOKIE) String sessionId) {
        return page(sessionId, Role.MODERATOR, v -> Templates.stats(v.page("Statistics", "stats"), ATTRIBUTES));
    }

    @GET
    @Path("/policy")
    @Operation(summary = "Dashboard: site policy (admin)")
    public Response policy(@CookieParam(SessionService.COOKIE) String sessionId) {
        return page(sessionId, Role.ADMIN, v -> Templates.policy(v.page("Policy", "policy"), ATTRIBUTES));
    }

    @GET
    @Path("/models")
    @Operation(summary = "Dashboard: model bundles (admin)")
    public Response models(@CookieParam(SessionService.COOKIE) String sessionId) {
        return page(sessionId, Role.ADMIN, v -> Templates.models(v.page("Models", "models")));
    }

    private Response page(String sessionId, Role required, Function<Visitor, TemplateInstance> render) {
        Optional<Visitor> visitor = visitor(sessionId);
        if (visitor.isEmpty()) {
            return redirect(SIGN_IN + (sessionId == null ? "" : "?expired=1"));
        }
        if (!visitor.get().caller().role().includes(required)) {
            return html(403, Templates.forbidden(visitor.get().page("Not allowed", ""))).build();
        }
        return html(200, render.apply(visitor.get())).build();
    }

    /** The session's visitor, as long as the session is open and its key still valid. */
    private Optional<Visitor> visitor(String sessionId) {
        return sessions.find(sessionId, Instant.now()).flatMap(session -> keys.authenticate(session.key())
                .filter(caller -> caller.role().includes(Role.MODERATOR))
                .map(caller -> new Visitor(session, caller)));
    }

    private static Response.ResponseBuilder html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Response redirect(String path) {
        return redirectBuilder(path).build();
    }

    private static Response.ResponseBuilder redirectBuilder(String path) {
        return Response.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The session cookie: script-proof, never sent by other sites' requests, and only over https when served so. */
    private static String cookie(String value, long maxAgeSeconds, UriInfo uri) {
        boolean https = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return SessionService.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    /** Browsers send Origin on form posts; a post from another origin is refused (login CSRF). */
    private static boolean sameOrigin(String origin, UriInfo uri) {
        if (origin == null) {
            return true;
        }
        URI self = uri.getBaseUri();
        try {
            URI from = URI.create(origin);
            return self.getHost().equalsIgnoreCase(from.getHost()) && port(self) == port(from);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
