/**
 * Training and evaluation: reading the project's corpus, training the attribute and topic models with Tribuo,
 * choosing thresholds, writing versioned model bundles with their provenance, and measuring a bundle on held-out
 * and public data. The service's scoring code never imports this package.
 */
package io.moderato.training;
