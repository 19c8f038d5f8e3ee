package io.moderato.policy;

import io.moderato.problem.ProblemException;

import java.util.regex.Pattern;

/** Site ids: 1 to 100 letters, digits, dots, dashes or underscores. */
public final class SiteIds {

    /** The pattern of a site id, for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,100}";
    /** Why a site id is refused. */
    public static final String RULE = "must be 1 to 100 letters, digits, dots, dashes or underscores";
    private static final Pattern VALID = Pattern.compile(PATTERN);

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
            throw ProblemException.invalid("siteId", RULE);
        }
    }
}
