/** Command-line entry points for training and evaluation (run through Maven, see the README). */
package io.moderato.training.cli;
