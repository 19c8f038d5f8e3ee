/**
 * Sentence embeddings: a pretrained, quantised sentence encoder (ONNX, shipped inside a Maven Central jar and read
 * from the class path, never downloaded) run with ONNX Runtime, its specification for bundle provenance, a bounded
 * cache and a micro-batcher that turns concurrent requests into one ONNX call. Serving and training both use it.
 */
package io.moderato.embedding;
