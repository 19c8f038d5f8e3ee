package io.moderato.dashboard;

import io.moderato.TestKeys;
import io.moderato.access.service.SessionService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dashboard sign-in, the session cookie on the API, CSRF and sign-out. */
@QuarkusTest
class DashboardSessionTest {

    @Inject
    SessionService sessions;

    private static RequestSpecification withSession(String cookie) {
        return RestAssured.given().redirects().follow(false).contentType(ContentType.JSON).cookie("moderato_session", cookie);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void signInSetsAHardenedSessionCookie() {
        Response response = DashboardSessions.signInResponse(TestKeys.create("moderator", unique("desk")));
        response.then().statusCode(303).header("Location", endsWith("/dashboard/queue"));
        String setCookie = response.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith("moderato_session="), setCookie);
        assertTrue(setCookie.contains("; HttpOnly") && setCookie.contains("; SameSite=Strict") && setCookie.contains("; Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http here: " + setCookie);
    }

    @Test
    void onlyModeratorAndAdminKeysSignIn() {
        DashboardSessions.signInResponse(TestKeys.create("client", unique("coral"))).then().statusCode(403)
                .header("Set-Cookie", nullValue()).body(containsString("needs a moderator or admin key"));
        DashboardSessions.signInResponse("mod_nothere_secret").then().statusCode(401)
                .header("Set-Cookie", nullValue()).body(containsString("unknown, revoked or expired"));
        DashboardSessions.signInResponse(TestKeys.ADMIN).then().statusCode(303);
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").formParam("key", TestKeys.ADMIN)
                .post("/dashboard/sign-in").then().statusCode(403).header("Set-Cookie", nullValue());
    }

    @Test
    void theSessionCookieAuthenticatesApiCallsWithTheKeysRole() {
        DashboardSessions.Signed moderator = DashboardSessions.signIn(TestKeys.create("moderator", unique("desk")));
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(200);
        withSession(moderator.cookie()).get("/api/v1/admin/keys").then().statusCode(403);
        withSession("not-a-session").get("/api/v1/audit").then().statusCode(401)
                .body("detail", containsString("session"));
    }

    @Test
    void unsafeRequestsWithTheCookieNeedTheCsrfToken() {
        DashboardSessions.Signed admin = DashboardSessions.signIn(TestKeys.ADMIN);
        String site = unique("site");
        Map<String, Object> policy = Map.of("bannedWords", java.util.List.of("frobnicate"));
        withSession(admin.cookie()).body(policy).put("/api/v1/admin/sites/{site}/policy", site)
                .then().statusCode(403).body("type", endsWith("/csrf")).body("detail", containsString("X-CSRF-Token"));
        withSession(admin.cookie()).header("X-CSRF-Token", "forged").body(policy).put("/api/v1/admin/sites/{site}/policy", site)
                .then().statusCode(403);
        withSession(admin.cookie()).get("/api/v1/admin/sites/{site}/policy", site).then().statusCode(200).body("stored", equalTo(false));
        withSession(admin.cookie()).header("X-CSRF-Token", admin.csrfToken()).body(policy).put("/api/v1/admin/sites/{site}/policy", site)
                .then().statusCode(200).body("policy.bannedWords[0]", equalTo("frobnicate")).body("updatedBy", equalTo("bootstrap-admin"));
    }

    @Test
    void signOutNeedsTheTokenAndEndsTheSession() {
        DashboardSessions.Signed moderator = DashboardSessions.signIn(TestKeys.create("moderator", unique("desk")));
        withSession(moderator.cookie()).contentType("application/x-www-form-urlencoded").formParam("csrf", "forged")
                .post("/dashboard/sign-out").then().statusCode(403);
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(200);
        withSession(moderator.cookie()).contentType("application/x-www-form-urlencoded").formParam("csrf", moderator.csrfToken())
                .post("/dashboard/sign-out").then().statusCode(303)
                .header("Location", containsString("/dashboard/sign-in")).header("Set-Cookie", containsString("Max-Age=0"));
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(401);
        withSession(moderator.cookie()).get("/dashboard/queue").then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
    }

    @Test
    void anExpiredSessionIsRefused() {
        DashboardSessions.Signed moderator = DashboardSessions.signIn(TestKeys.create("moderator", unique("desk")));
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(200);
        // the session as seen 13 hours on: past its maximum age, so it is dropped
        assertTrue(sessions.find(moderator.cookie(), Instant.now().plus(Duration.ofHours(13))).isEmpty());
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(401)
                .body("detail", containsString("expired or was signed out"));
        withSession(moderator.cookie()).get("/dashboard/queue").then().statusCode(303)
                .header("Location", endsWith("/dashboard/sign-in?expired=1"));
    }

    @Test
    void revokingTheKeyEndsItsSessions() {
        String name = unique("desk");
        String key = TestKeys.create("moderator", name);
        DashboardSessions.Signed moderator = DashboardSessions.signIn(key);
        String prefix = key.split("_")[1];
        TestKeys.asAdmin().delete("/api/v1/admin/keys/{prefix}", prefix).then().statusCode(200);
        withSession(moderator.cookie()).get("/api/v1/audit").then().statusCode(401);
        withSession(moderator.cookie()).get("/dashboard/queue").then().statusCode(303);
    }

    @Test
    void pagesNeedASessionAndAdminPagesAnAdmin() {
        RestAssured.given().redirects().follow(false).get("/dashboard/queue").then().statusCode(303)
                .header("Location", endsWith("/dashboard/sign-in"));
        RestAssured.given().redirects().follow(false).get("/dashboard").then().statusCode(303);
        RestAssured.given().get("/dashboard/sign-in").then().statusCode(200).body(containsString("<label for=\"key\">API key</label>"));
        DashboardSessions.Signed moderator = DashboardSessions.signIn(TestKeys.create("moderator", unique("desk")));
        for (String page : new String[]{"queue", "stats", "articles/site-a/a1"}) {
            withSession(moderator.cookie()).get("/dashboard/" + page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Cache-Control", "no-store")
                    .body(not(containsString("href=\"/dashboard/policy\"")));
        }
        withSession(moderator.cookie()).get("/dashboard/policy").then().statusCode(403);
        withSession(moderator.cookie()).get("/dashboard/models").then().statusCode(403);
        DashboardSessions.Signed admin = DashboardSessions.signIn(TestKeys.ADMIN);
        withSession(admin.cookie()).get("/dashboard/policy").then().statusCode(200).body(containsString("id=\"review-toxicity\""));
        withSession(admin.cookie()).get("/dashboard/models").then().statusCode(200);
    }

    @Test
    void pageTemplatesEscapeWhatTheyShow() {
        DashboardSessions.Signed moderator = DashboardSessions.signIn(TestKeys.create("moderator", unique("desk")));
        withSession(moderator.cookie()).get("/dashboard/articles/site-a/{article}", "<script>x</script>").then().statusCode(200)
                .body(not(containsString("<script>x</script>"))).body(containsString("&lt;script&gt;x&lt;/script&gt;"));
    }

    @Test
    void assetsAndChartJsAreServedLocally() {
        RestAssured.given().get("/dashboard/assets/common.js").then().statusCode(200).body(containsString("X-CSRF-Token"));
        RestAssured.given().get("/dashboard/assets/dashboard.css").then().statusCode(200);
        RestAssured.given().get("/webjars/chart.js/4.4.7/dist/chart.umd.js").then().statusCode(200);
    }
}
