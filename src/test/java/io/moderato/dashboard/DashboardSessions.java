package io.moderato.dashboard;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signs in to the dashboard the way a browser does, for tests that use the session cookie. */
final class DashboardSessions {

    private static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

    /**
     * @param cookie    the session cookie's value
     * @param csrfToken the session's CSRF token, as embedded in the pages
     */
    record Signed(String cookie, String csrfToken) {
    }

    private DashboardSessions() {
    }

    static Response signInResponse(String key) {
        return RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("key", key).post("/dashboard/sign-in");
    }

    static Signed signIn(String key) {
        Response response = signInResponse(key);
        response.then().statusCode(303);
        String cookie = response.getCookie("moderato_session");
        String page = RestAssured.given().redirects().follow(false).cookie("moderato_session", cookie)
                .get("/dashboard/queue").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(page);
        assertTrue(csrf.find(), "the page embeds the CSRF token");
        return new Signed(cookie, csrf.group(1));
    }
}
