/** Recording, importing, exporting and withdrawing site labels. */
package io.moderato.labels.service;
