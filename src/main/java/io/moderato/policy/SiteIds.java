package io.moderato.policy;

import io.moderato.problem.ProblemException;

import java.util.regex.Pattern;

/** Site ids: 1 to 100 letters, digits, dots, dashes or underscores. */
public final class SiteIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private SiteIds() {
    }

    /**
     * @param siteId a site id from a request, may be null
     * @return true when it is a valid site id
     */
    public static boolean isValid(String siteId) {
        return siteId != null && VALID.matcher(siteId).matches();
    }

    /**
     * @param siteId a site id from a request
     * @throws ProblemException 400 when it is not a valid site id
     */
    public static void check(String siteId) {
        if (!isValid(siteId)) {
            throw ProblemException.invalid("siteId", "must be 1 to 100 letters, digits, dots, dashes or underscores");
        }
    }
}
