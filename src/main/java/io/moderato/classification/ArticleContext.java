package io.moderato.classification;

/**
 * The article a comment was posted under; it steers the comment's topics.
 *
 * @param title the article's headline, may be null
 * @param text  the article's text (or its first paragraphs), may be null
 */
public record ArticleContext(String title, String text) {

    /** Article text beyond this many chars adds little to its topics and only costs time. */
    private static final int MAX_TEXT = 4000;

    /** @return true when neither title nor text is given */
    public boolean isEmpty() {
        return (title == null || title.isBlank()) && (text == null || text.isBlank());
    }

    /** @return headline and the start of the text, as one string */
    public String combined() {
        String body = text == null ? "" : text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return (title == null ? "" : title + "\n") + body;
    }
}
