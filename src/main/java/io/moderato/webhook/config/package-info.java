/** Configuration of webhook delivery ({@code moderato.webhooks.*}). */
package io.moderato.webhook.config;
