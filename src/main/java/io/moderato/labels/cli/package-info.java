/** The command that imports a site's labelled file into a running service. */
package io.moderato.labels.cli;
