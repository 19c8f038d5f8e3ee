/**
 * Labels a site owns: its moderators' decisions, Perspective score suggestions and imported labelled history, kept
 * per site with their source, time and actor, so that a site's own bundle can learn from them.
 */
package io.moderato.labels;
