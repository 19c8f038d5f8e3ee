/** Reading, validating and storing site policies, with compiled evaluators cached per policy version. */
package io.moderato.policy.service;
